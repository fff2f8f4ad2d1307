# `make docs`: API reference from the public headers' /// comments, when Doxygen is
# installed (apt-get install doxygen). Without it the target is simply absent.
find_package(Doxygen QUIET OPTIONAL_COMPONENTS dot)
if(DOXYGEN_FOUND)
  set(DOSSIER_DOXYGEN_INPUT
      "${PROJECT_SOURCE_DIR}/common/include/dossier ${PROJECT_SOURCE_DIR}/indexer/include/dossier ${PROJECT_SOURCE_DIR}/searcher/include/dossier ${PROJECT_BINARY_DIR}/generated/dossier")
  if(DOXYGEN_DOT_FOUND)
    set(DOSSIER_DOXYGEN_HAVE_DOT YES)
  else()
    set(DOSSIER_DOXYGEN_HAVE_DOT NO)
  endif()

  set(DOSSIER_DOXYGEN_OUTPUT "${PROJECT_BINARY_DIR}/docs")
  set(DOSSIER_DOXYGEN_HTML YES)
  set(DOSSIER_DOXYGEN_XML NO)
  set(DOSSIER_DOXYGEN_WARN_AS_ERROR NO)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/Doxyfile.in ${PROJECT_BINARY_DIR}/Doxyfile @ONLY)
  add_custom_target(docs
    COMMAND ${DOXYGEN_EXECUTABLE} ${PROJECT_BINARY_DIR}/Doxyfile
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}
    COMMENT "API reference in ${DOSSIER_DOXYGEN_OUTPUT}/html/index.html"
    VERBATIM)

  # The same input, checked: any undocumented public declaration is an error
  # (tests/package runs it). Writes only a small XML tree.
  set(DOSSIER_DOXYGEN_OUTPUT "${PROJECT_BINARY_DIR}/docs-check")
  set(DOSSIER_DOXYGEN_HTML NO)
  set(DOSSIER_DOXYGEN_XML YES)
  set(DOSSIER_DOXYGEN_HAVE_DOT NO)
  set(DOSSIER_DOXYGEN_WARN_AS_ERROR FAIL_ON_WARNINGS)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/Doxyfile.in ${PROJECT_BINARY_DIR}/Doxyfile-check @ONLY)
endif()

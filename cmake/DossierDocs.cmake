# `make docs`: API reference from the public headers' /// comments, when Doxygen is
# installed (apt-get install doxygen). Without it the target is simply absent.
find_package(Doxygen QUIET)
if(DOXYGEN_FOUND)
  set(DOSSIER_DOXYGEN_INPUT
      "${PROJECT_SOURCE_DIR}/common/include/dossier ${PROJECT_SOURCE_DIR}/indexer/include/dossier ${PROJECT_SOURCE_DIR}/searcher/include/dossier ${PROJECT_BINARY_DIR}/generated/dossier")
  set(DOSSIER_DOXYGEN_OUTPUT "${PROJECT_BINARY_DIR}/docs")
  configure_file(${CMAKE_CURRENT_LIST_DIR}/Doxyfile.in ${PROJECT_BINARY_DIR}/Doxyfile @ONLY)
  add_custom_target(docs
    COMMAND ${DOXYGEN_EXECUTABLE} ${PROJECT_BINARY_DIR}/Doxyfile
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}
    COMMENT "API reference in ${DOSSIER_DOXYGEN_OUTPUT}/html/index.html"
    VERBATIM)
endif()

# Installs headers, libraries, a CMake package (find_package(dossier CONFIG)) and a
# pkg-config file. tests/package checks all of it against a temporary prefix.
include(CMakePackageConfigHelpers)
set(DOSSIER_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/dossier")

set(dossier_installed_libraries dossier_common dossier_indexer dossier_searcher dossier_all)
if(NOT BUILD_SHARED_LIBS)
  # Static archives list their private dependencies, and the internal part of common
  # is one of them; a shared build links it into each .so instead.
  list(APPEND dossier_installed_libraries dossier_common_internal)
endif()
install(TARGETS ${dossier_installed_libraries}
        EXPORT dossierTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS dossier-index dossier-search RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# dossier-search finds its engine in ../libexec/dossier (cli/resident_paths.cpp).
install(TARGETS dossier-search-engine RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/dossier)
foreach(module common indexer searcher)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${module}/include/dossier
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
          FILES_MATCHING PATTERN "*.hpp")
endforeach()
install(FILES ${PROJECT_BINARY_DIR}/generated/dossier/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dossier)
install(FILES ${PROJECT_SOURCE_DIR}/common/data/gazetteer.tsv
        DESTINATION ${CMAKE_INSTALL_DATADIR}/dossier)

install(EXPORT dossierTargets NAMESPACE dossier:: DESTINATION ${DOSSIER_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/dossierConfig.cmake.in
  ${PROJECT_BINARY_DIR}/dossierConfig.cmake INSTALL_DESTINATION ${DOSSIER_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/dossierConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/dossierConfig.cmake
              ${PROJECT_BINARY_DIR}/dossierConfigVersion.cmake
        DESTINATION ${DOSSIER_CMAKE_DIR})

# pkg-config. The prefix is found from the .pc file's own place, so an install
# with `cmake --install --prefix ...` anywhere works without reconfiguring.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(DOSSIER_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(DOSSIER_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH dossier_pc_up "/r/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/r")
  string(REGEX REPLACE "/$" "" dossier_pc_up "${dossier_pc_up}")
  set(DOSSIER_PC_PREFIX "\${pcfiledir}/${dossier_pc_up}")
  set(DOSSIER_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(DOSSIER_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(DOSSIER_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
# The libraries' own dependencies (pkg-config names; nlohmann_json is header-only).
set(dossier_pc_private "xapian-core yaml-cpp gumbo libzstd")
if(BUILD_SHARED_LIBS)
  set(DOSSIER_PC_REQUIRES "spdlog")
  set(DOSSIER_PC_REQUIRES_PRIVATE "${dossier_pc_private}")
  set(DOSSIER_PC_LIBS "-ldossier_searcher -ldossier_indexer -ldossier_common")
else()
  # A program linking static archives always needs their dependencies, so they
  # are plain requirements and a plain `pkg-config --libs dossier` links.
  set(DOSSIER_PC_REQUIRES "spdlog ${dossier_pc_private}")
  set(DOSSIER_PC_REQUIRES_PRIVATE "")
  set(DOSSIER_PC_LIBS
      "-ldossier_searcher -ldossier_indexer -ldossier_common_internal -ldossier_common -pthread")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/dossier.pc.in ${PROJECT_BINARY_DIR}/dossier.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/dossier.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

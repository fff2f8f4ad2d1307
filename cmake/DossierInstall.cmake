# Installs headers, libraries, a CMake package (find_package(dossier CONFIG))
# and a pkg-config file.
include(CMakePackageConfigHelpers)
set(DOSSIER_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/dossier")

install(TARGETS dossier_common dossier_indexer dossier_searcher dossier_all
        EXPORT dossierTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS dossier-index dossier-search RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
foreach(module common indexer searcher)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${module}/include/dossier
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endforeach()
install(FILES ${PROJECT_BINARY_DIR}/generated/dossier/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dossier)
install(FILES ${PROJECT_SOURCE_DIR}/common/data/gazetteer.tsv
        DESTINATION ${CMAKE_INSTALL_DATADIR}/dossier)

# The internal targets below are exported only because static builds need
# them listed; they carry no usage requirements a consumer would notice.
install(TARGETS dossier_build_flags EXPORT dossierTargets)
install(EXPORT dossierTargets NAMESPACE dossier:: DESTINATION ${DOSSIER_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/dossierConfig.cmake.in
  ${PROJECT_BINARY_DIR}/dossierConfig.cmake INSTALL_DESTINATION ${DOSSIER_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/dossierConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/dossierConfig.cmake
              ${PROJECT_BINARY_DIR}/dossierConfigVersion.cmake
        DESTINATION ${DOSSIER_CMAKE_DIR})

configure_file(${PROJECT_SOURCE_DIR}/cmake/dossier.pc.in ${PROJECT_BINARY_DIR}/dossier.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/dossier.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

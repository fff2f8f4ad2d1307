# Every dependency comes from Debian's packages; see README "Dependencies".
find_package(Threads REQUIRED)
find_package(spdlog 1.10 REQUIRED CONFIG)
find_package(nlohmann_json 3.10 REQUIRED CONFIG)
find_package(yaml-cpp REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)

# Debian's Xapian config sets variables, not a target: wrap them so that
# everything else links Xapian like any other target.
find_package(xapian 1.4 REQUIRED CONFIG)
if(NOT TARGET dossier_xapian)
  add_library(dossier_xapian INTERFACE IMPORTED)
  target_include_directories(dossier_xapian SYSTEM INTERFACE "${XAPIAN_INCLUDE_DIR}")
  target_link_libraries(dossier_xapian INTERFACE ${XAPIAN_LIBRARIES})
endif()

if(DOSSIER_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED CONFIG)
endif()
find_package(CLI11 2.1 REQUIRED CONFIG)

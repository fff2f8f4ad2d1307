# Warnings and sanitizers live on an internal interface target that every
# dossier target links privately, so consumers never inherit our flags.
add_library(dossier_build_flags INTERFACE)
target_compile_options(dossier_build_flags INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Woverloaded-virtual>)
if(DOSSIER_SANITIZE)
  target_compile_options(dossier_build_flags INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(dossier_build_flags INTERFACE -fsanitize=address,undefined)
endif()

# Shared libraries: fail at link time when a library uses a symbol another one
# hides (rather than when a program loads it), and export only the public API.
# (--no-undefined is left out under sanitizers, whose runtime the program brings.)
if(UNIX AND NOT APPLE)
  set(dossier_is_shared "$<STREQUAL:$<TARGET_PROPERTY:TYPE>,SHARED_LIBRARY>")
  target_link_options(dossier_build_flags INTERFACE
    "$<${dossier_is_shared}:LINKER:--version-script=${CMAKE_CURRENT_LIST_DIR}/dossier_exports.map>")
  if(NOT DOSSIER_SANITIZE)
    target_link_options(dossier_build_flags INTERFACE "$<${dossier_is_shared}:LINKER:--no-undefined>")
  endif()
endif()

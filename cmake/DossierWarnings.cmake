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

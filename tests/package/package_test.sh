#!/usr/bin/env bash
# Installs dossier into a temporary prefix and builds the consumer program in
# consumer/ against it twice — with find_package(dossier CONFIG) and with a plain
# compiler command using pkg-config — then runs both. Any failing step fails the test.
#
# usage: package_test.sh installed BUILD_DIR   install an existing build (static or shared)
#        package_test.sh shared SOURCE_DIR     configure and build a shared dossier first
# environment: CXX (compiler, default c++), CONSUMER_FLAGS (extra compile/link flags,
#              e.g. sanitizer flags matching the installed build), JOBS (default 2)
set -euo pipefail

mode=$1
here=$(cd "$(dirname "$0")" && pwd)
cxx=${CXX:-c++}
jobs=${JOBS:-2}
extra_flags=${CONSUMER_FLAGS:-}

work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

step() { echo; echo "== $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

case $mode in
  installed)
    build_dir=$2 ;;
  shared)
    source_dir=$2
    build_dir=$work/build
    step "configure a shared build of dossier (libraries and CLIs, no tests)"
    # -O0 without debug info: this build is thrown away, only its linking matters.
    cmake -S "$source_dir" -B "$build_dir" -DBUILD_SHARED_LIBS=ON -DDOSSIER_BUILD_TESTS=OFF \
          -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O0 -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
    step "build it"
    cmake --build "$build_dir" --parallel "$jobs" >"$work/build.log" 2>&1 ||
      { tail -n 40 "$work/build.log"; fail "the shared build did not build"; } ;;
  *)
    fail "unknown mode '$mode' (installed | shared)" ;;
esac

step "cmake --install $build_dir --prefix $prefix"
cmake --install "$build_dir" --prefix "$prefix" >/dev/null

pc_file=$(find "$prefix" -name dossier.pc -path '*/pkgconfig/*' | head -n 1)
[[ -n $pc_file ]] || fail "no pkgconfig/dossier.pc installed"
libdir=$(dirname "$(dirname "$pc_file")")
for file in include/dossier/dossier.hpp include/dossier/indexer.hpp include/dossier/searcher.hpp \
            include/dossier/version.hpp include/dossier/errors.hpp; do
  [[ -f $prefix/$file ]] || fail "missing $file"
done
for file in dossierConfig.cmake dossierConfigVersion.cmake dossierTargets.cmake; do
  [[ -f $libdir/cmake/dossier/$file ]] || fail "missing cmake/dossier/$file"
done
[[ -x $prefix/bin/dossier-index && -x $prefix/bin/dossier-search ]] || fail "CLIs not installed"
[[ -x $prefix/libexec/dossier/dossier-search-engine ]] || fail "dossier-search's engine not installed"
# Only public headers are installed: each one must exist under some */include/dossier.
src_root=$(cd "$here/../.." && pwd)
for header in "$prefix"/include/dossier/*; do
  name=$(basename "$header")
  compgen -G "$src_root/*/include/dossier/$name" >/dev/null ||
    compgen -G "$src_root/*/include/dossier/$name.in" >/dev/null ||
    fail "installed header is not a public one: $name"
done

if compgen -G "$libdir/libdossier_*.so" >/dev/null; then
  kind=shared
  step "shared libraries export only the public API"
  # Every exported name must be dossier's, and name something the public headers declare.
  public_words=$(sed 's://.*$::' "$prefix"/include/dossier/*.hpp | grep -oE '[A-Za-z_][A-Za-z0-9_]*' | sort -u)
  for lib in "$libdir"/libdossier_*.so; do
    count=0
    while IFS= read -r symbol; do
      count=$((count + 1))
      name=$(sed -E 's/^(typeinfo name for |typeinfo for |vtable for )//' <<<"$symbol")
      [[ $name == dossier::* ]] || fail "$(basename "$lib") exports a foreign symbol: $symbol"
      first=$(sed -E 's/^dossier::([A-Za-z_][A-Za-z0-9_]*).*/\1/' <<<"$name")
      grep -qxF -- "$first" <<<"$public_words" ||
        fail "$(basename "$lib") exports an internal symbol: $symbol"
    done < <(nm -DC --defined-only "$lib" | sed -E 's/^[0-9a-fA-F]* +[A-Za-z] +//')
    (( count > 0 )) || fail "$(basename "$lib") exports nothing"
    echo "$(basename "$lib"): $count public symbols, nothing else"
  done
else
  kind=static
  [[ -f $libdir/libdossier_searcher.a ]] || fail "no libdossier_searcher.a or .so installed"
fi
# dossier-search finds its engine under libexec, as a plain process and through a
# resident searcher (kept in the work folder, and stopped here).
DOSSIER_SERVER=off "$prefix/bin/dossier-search" --version >/dev/null || fail "installed dossier-search does not run"
mkdir -m 700 "$work/resident"
DOSSIER_SERVER=require DOSSIER_RUNTIME_DIR="$work/resident" DOSSIER_SERVER_IDLE=1 \
  "$prefix/bin/dossier-search" --version >/dev/null || fail "installed dossier-search has no resident searcher"

step "consumer with find_package(dossier CONFIG) ($kind)"
cmake -S "$here/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="$extra_flags" \
      -DCMAKE_EXE_LINKER_FLAGS="$extra_flags" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/dossier_example"

step "consumer with pkg-config and a plain compiler command ($kind)"
export PKG_CONFIG_PATH=$libdir/pkgconfig
pkg-config --exists dossier || fail "pkg-config does not find dossier"
[[ $(pkg-config --modversion dossier) == "$(sed -nE 's/#define DOSSIER_VERSION_STRING "(.*)"/\1/p' \
       "$prefix/include/dossier/version.hpp")" ]] || fail "pkg-config version differs from the headers'"
# Shared libraries in a prefix the loader does not search: an rpath, as the README says.
# (The CMake consumer above needs none: CMake sets it.)
rpath_flag=""
[[ $kind == shared ]] && rpath_flag="-Wl,-rpath,$(pkg-config --variable=libdir dossier)"
# shellcheck disable=SC2046,SC2086
"$cxx" -std=c++17 $extra_flags "$here/consumer/main.cpp" -o "$work/example-pkg-config" \
       $(pkg-config --cflags --libs dossier) $rpath_flag
"$work/example-pkg-config"

echo
echo "package test ($kind) passed"

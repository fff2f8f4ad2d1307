#!/usr/bin/env bash
# The CLIs must be built on the public API only. Fails when a file in the given CLI
# folders includes something other than a public <dossier/...> header, one of its
# own folder's headers ("x.hpp"), or a system/third-party header.
# usage: check_cli_includes.sh SOURCE_DIR CLI_DIR...   (CLI_DIRs relative to SOURCE_DIR)
set -euo pipefail
source_dir=$1
shift

# Headers of the libraries' private folders, by path below src/ and by base name.
private_names=$(cd "$source_dir" && find common/src indexer/src searcher/src -name '*.h*' \
                  -printf '%P\n%f\n' 2>/dev/null | sort -u)
is_public() {  # <dossier/NAME>
  local name=$1
  for module in common indexer searcher; do
    [[ -f $source_dir/$module/include/dossier/$name || -f $source_dir/$module/include/dossier/$name.in ]] && return 0
  done
  return 1
}

bad=0
checked=0
for dir in "$@"; do
  while IFS= read -r -d '' file; do
    checked=$((checked + 1))
    while IFS= read -r line; do
      number=${line%%:*}
      text=${line#*:}
      if [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]]; then
        header=${BASH_REMATCH[1]}
        # Quoted includes: only the CLI's own headers, found beside the file.
        if [[ $header == *..* || $header == */* || ! -f $(dirname "$file")/$header ]]; then
          echo "$file:$number: not one of the CLI's own headers: \"$header\""; bad=1
        fi
      elif [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\<([^\>]+)\> ]]; then
        header=${BASH_REMATCH[1]}
        if [[ $header == dossier/* ]]; then
          is_public "${header#dossier/}" || { echo "$file:$number: not a public header: <$header>"; bad=1; }
        elif [[ $header == *src/* ]] || grep -qxF -- "$header" <<<"$private_names"; then
          echo "$file:$number: a private header of the libraries: <$header>"; bad=1
        fi
      elif [[ $text =~ ^[[:space:]]*#[[:space:]]*include ]]; then
        echo "$file:$number: include not understood: $text"; bad=1
      fi
    done < <(grep -n '^[[:space:]]*#[[:space:]]*include' "$file" || true)
  done < <(find "$source_dir/$dir" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -print0)
done

if (( checked == 0 )); then
  echo "no source files found in: $*"; exit 1
fi
if (( bad )); then
  echo "FAILED: the CLIs must use only the public API (<dossier/...>)"; exit 1
fi
echo "ok: $checked CLI files include only public, own or system headers"

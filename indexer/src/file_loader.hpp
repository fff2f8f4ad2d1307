#pragma once
// Reading one file from disk with bounded memory, noticing files that change
// or vanish while being read.

#include "walker.hpp"

#include <string>

namespace dossier {

struct LoadedFile {
  std::string bytes;
  std::string failure_reason;  // non-empty: not loaded
  std::string failure_detail;
};

LoadedFile load_file(const FileEntry& file, std::uintmax_t max_bytes);

}  // namespace dossier

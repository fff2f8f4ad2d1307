#pragma once
// Stage 1 of indexing: a folder -> the files worth reading, with their stat
// information. The only stage that looks at the file system's shape.

#include <dossier/indexer.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct FileEntry {
  std::string path;         // canonical absolute path
  std::string format;       // "txt", "md", "html", "json", "jsonl", "csv", "pdf"
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  // What decides "unchanged": modification time and size.
  [[nodiscard]] std::string stamp() const;
};

// A stamp as its value slot keeps it: a 0x01 byte, the time as 8 bytes and the
// size in 7-bit groups (~11 bytes instead of ~24 digits; Reuters' index 0.3 MB
// smaller). Anything not in FileEntry::stamp() form is kept as it is.
std::string stored_stamp(std::string_view stamp);
// A stamp read from its value slot, in FileEntry::stamp() form, whichever form
// it was kept in (indexes written before kept the digits).
std::string stamp_from_stored(std::string_view stored);

struct WalkOptions {
  bool follow_external_symlinks = false;
  std::size_t max_depth = 1000;
};

struct WalkResult {
  std::vector<FileEntry> files;        // sorted by path
  std::vector<FileProblem> problems;   // special files, loops, links out of the folder, unreadable folders
};

// The format dossier reads a file as, from its extension; empty when unsupported.
std::string format_for_path(const std::string& path);

// Walks `root` (a canonical folder path) recursively. Never throws for a single
// entry: everything odd becomes a problem.
WalkResult walk_folder(const std::string& root, const WalkOptions& options);

// Stat information for one file; nullopt-like (empty path) when it cannot be read.
FileEntry stat_file(const std::string& canonical_path, std::string& error);

}  // namespace dossier

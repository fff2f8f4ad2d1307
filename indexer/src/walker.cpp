#include "walker.hpp"

#include "text.hpp"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <set>
#include <utility>

namespace dossier {
namespace {

std::string lower_extension(const std::string& path) {
  std::size_t slash = path.rfind('/');
  std::size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  return ascii_lower(std::string_view(path).substr(dot + 1));
}

std::int64_t mtime_ns_of(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

std::string real_path(const std::string& path, int& err) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf) == nullptr) {
    err = errno;
    return {};
  }
  err = 0;
  return buf;
}

bool is_inside(const std::string& path, const std::string& root) {
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          (root == "/" || path[root.size()] == '/'));
}

// Patterns from a folder's .dossierignore (one glob a line, '#' comments),
// matched against names in that folder and every folder below it.
std::vector<std::string> read_ignore_file(const std::string& dir) {
  std::vector<std::string> patterns;
  FILE* f = std::fopen((dir + "/.dossierignore").c_str(), "re");
  if (f == nullptr) return patterns;
  char line[1024];
  while (patterns.size() < 1000 && std::fgets(line, sizeof line, f)) {
    std::string p(line);
    while (!p.empty() && (p.back() == '\n' || p.back() == '\r' || p.back() == ' ')) p.pop_back();
    if (!p.empty() && p[0] != '#') patterns.push_back(p);
  }
  std::fclose(f);
  return patterns;
}

bool ignored(const char* name, const std::vector<std::string>& patterns) {
  for (const auto& p : patterns)
    if (::fnmatch(p.c_str(), name, 0) == 0) return true;
  return false;
}

FileProblem problem(std::string path, std::string reason, std::string detail) {
  return FileProblem{std::move(path), std::move(reason), std::move(detail), true};
}

}  // namespace

std::string FileEntry::stamp() const { return std::to_string(mtime_ns) + ":" + std::to_string(size); }

namespace {
constexpr char kStoredStampMark = '\x01';
}  // namespace

std::string stored_stamp(std::string_view stamp) {
  std::size_t colon = stamp.find(':');
  if (colon == std::string_view::npos) return std::string(stamp);
  std::string time(stamp.substr(0, colon)), size(stamp.substr(colon + 1));
  char* end = nullptr;
  errno = 0;
  long long t = std::strtoll(time.c_str(), &end, 10);
  if (time.empty() || *end || errno) return std::string(stamp);
  unsigned long long n = std::strtoull(size.c_str(), &end, 10);
  if (size.empty() || size[0] == '-' || *end || errno) return std::string(stamp);
  // Only a stamp that reads back the same (no "+1", "007") is packed.
  if (std::to_string(t) != time || std::to_string(n) != size) return std::string(stamp);
  std::string out(1, kStoredStampMark);
  auto bits = static_cast<unsigned long long>(t);
  for (int i = 7; i >= 0; --i) out += static_cast<char>((bits >> (8 * i)) & 0xff);
  do {
    unsigned char group = n & 0x7f;
    n >>= 7;
    out += static_cast<char>(n ? group | 0x80 : group);
  } while (n);
  return out;
}

std::string stamp_from_stored(std::string_view stored) {
  if (stored.size() < 10 || stored[0] != kStoredStampMark) return std::string(stored);
  unsigned long long bits = 0;
  for (std::size_t i = 1; i <= 8; ++i) bits = (bits << 8) | static_cast<unsigned char>(stored[i]);
  unsigned long long n = 0;
  int shift = 0;
  for (std::size_t i = 9; i < stored.size() && shift < 64; ++i, shift += 7) {
    n |= static_cast<unsigned long long>(static_cast<unsigned char>(stored[i]) & 0x7f) << shift;
    if (!(static_cast<unsigned char>(stored[i]) & 0x80)) break;
  }
  return std::to_string(static_cast<long long>(bits)) + ":" + std::to_string(n);
}

std::string format_for_path(const std::string& path) {
  std::string ext = lower_extension(path);
  if (ext == "txt" || ext == "text") return "txt";
  if (ext == "md" || ext == "markdown") return "md";
  if (ext == "html" || ext == "htm" || ext == "xhtml") return "html";
  if (ext == "json") return "json";
  if (ext == "jsonl" || ext == "ndjson") return "jsonl";
  if (ext == "csv") return "csv";
  if (ext == "pdf") return "pdf";
  return {};
}

FileEntry stat_file(const std::string& canonical_path, std::string& error) {
  struct stat st {};
  if (::stat(canonical_path.c_str(), &st) != 0) {
    error = std::strerror(errno);
    return {};
  }
  if (!S_ISREG(st.st_mode)) {
    error = "not a regular file";
    return {};
  }
  error.clear();
  return FileEntry{canonical_path, format_for_path(canonical_path), static_cast<std::uintmax_t>(st.st_size),
                   mtime_ns_of(st)};
}

WalkResult walk_folder(const std::string& root, const WalkOptions& options) {
  WalkResult result;
  // Folders already walked, by device and inode: a link back up cannot loop us.
  std::set<std::pair<dev_t, ino_t>> visited;
  struct PendingFolder {
    std::string path;
    std::size_t depth;
    std::vector<std::string> ignore;  // inherited .dossierignore patterns
  };
  std::vector<PendingFolder> pending{{root, 0, {}}};

  while (!pending.empty()) {
    PendingFolder folder = std::move(pending.back());
    pending.pop_back();
    const std::string& dir = folder.path;
    const std::size_t depth = folder.depth;
    for (auto& p : read_ignore_file(dir)) folder.ignore.push_back(std::move(p));
    struct stat dir_st {};
    if (::stat(dir.c_str(), &dir_st) != 0 || !visited.insert({dir_st.st_dev, dir_st.st_ino}).second) continue;
    if (depth > options.max_depth) {
      result.problems.push_back(problem(dir, "too deep", "folder nested deeper than " +
                                                             std::to_string(options.max_depth) + " levels"));
      continue;
    }
    DIR* handle = ::opendir(dir.c_str());
    if (handle == nullptr) {
      result.problems.push_back(problem(dir, "unreadable", std::string("cannot open folder: ") + std::strerror(errno)));
      continue;
    }
    while (dirent* entry = ::readdir(handle)) {
      const char* name = entry->d_name;
      if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
      if (ignored(name, folder.ignore)) continue;
      std::string path = dir == "/" ? "/" + std::string(name) : dir + "/" + name;
      struct stat st {};
      if (::lstat(path.c_str(), &st) != 0) {
        // Vanished between readdir and lstat: nothing to index, nothing to report.
        if (errno == ENOENT) continue;
        // Anything else (a path longer than PATH_MAX, a permission change) loses
        // files, so the user must hear of it.
        result.problems.push_back(problem(path, errno == ENAMETOOLONG ? "path too long" : "unreadable",
                                          errno == ENAMETOOLONG
                                              ? "path longer than the system allows (" + std::to_string(PATH_MAX) +
                                                    " bytes): not indexed, with anything below it"
                                              : std::string("cannot read: ") + std::strerror(errno)));
        continue;
      }
      std::string target = path;
      if (S_ISLNK(st.st_mode)) {
        int err = 0;
        target = real_path(path, err);
        if (target.empty()) {
          result.problems.push_back(problem(path, err == ELOOP ? "symlink loop" : "broken symlink",
                                            std::string("cannot follow link: ") + std::strerror(err)));
          continue;
        }
        // A link inside the folder is indexed at its target; one out of it only on request.
        if (is_inside(target, root)) continue;
        if (!options.follow_external_symlinks) {
          result.problems.push_back(problem(path, "link out of folder",
                                            "points outside the folder (use --follow-symlinks to index it)"));
          continue;
        }
        if (::stat(target.c_str(), &st) != 0) continue;
      }
      if (S_ISDIR(st.st_mode)) {
        pending.push_back(PendingFolder{target, depth + 1, folder.ignore});
      } else if (S_ISREG(st.st_mode)) {
        std::string format = format_for_path(path);
        if (format.empty()) continue;  // not a report format: ignored, not a problem
        result.files.push_back(FileEntry{target, format, static_cast<std::uintmax_t>(st.st_size), mtime_ns_of(st)});
      } else if (!format_for_path(path).empty() || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
                 S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
        // Never opened: reading a FIFO or a device could block or never end.
        result.problems.push_back(problem(path, "special file", "not a regular file (FIFO, socket or device)"));
      }
    }
    ::closedir(handle);
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
  result.files.erase(std::unique(result.files.begin(), result.files.end(),
                                 [](const FileEntry& a, const FileEntry& b) { return a.path == b.path; }),
                     result.files.end());
  return result;
}

}  // namespace dossier

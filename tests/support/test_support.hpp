#pragma once
// What tests share: temporary folders that clean up, running the real
// binaries, and where the project's and the shared data live.

#include <map>
#include <string>
#include <vector>

namespace dossier::test {

// A fresh folder under $TMPDIR, removed with everything in it at scope end.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  // Writes `content` to `relative` (creating folders); returns the full path.
  std::string write(const std::string& relative, const std::string& content) const;

 private:
  std::string path_;
};

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs a program with arguments (no shell), capturing stdout and stderr.
// `env` entries are added to the environment.
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});

inline std::string source_dir() { return DOSSIER_SOURCE_DIR; }
inline std::string shared_dir() { return DOSSIER_SHARED_DIR; }
inline std::string corpus_dir() { return source_dir() + "/corpus"; }
inline std::string index_bin() { return DOSSIER_INDEX_BIN; }
inline std::string search_bin() { return DOSSIER_SEARCH_BIN; }
// The searcher proper, which dossier-search runs or asks (README "The resident searcher").
inline std::string search_engine_bin() { return DOSSIER_SEARCH_ENGINE_BIN; }

}  // namespace dossier::test

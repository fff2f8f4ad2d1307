#pragma once
// What the robustness tests share: a child process that can be killed or timed
// out, and a look inside an index that does not go through dossier's searcher
// (so a searcher bug cannot hide an indexer bug, and the other way round).

#include "test_support.hpp"

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dossier::test {

// A program running in the background, its stdout and stderr going to files.
// The destructor kills it (SIGKILL) and reaps it, so no test leaves one behind.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::string& output_prefix);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Waits up to `limit` for the program to end; nullopt if it is still running.
  // Otherwise its exit code, or -signal when a signal ended it.
  std::optional<int> wait_for(std::chrono::milliseconds limit);
  // SIGKILL and reap; returns what wait_for would have.
  int kill_now();
  [[nodiscard]] bool running();
  [[nodiscard]] std::string out() const;
  [[nodiscard]] std::string err() const;

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
  std::string out_path_, err_path_;
};

// Runs a program to its end, killing it (and failing the caller's check) after `limit`.
struct BoundedResult {
  bool timed_out = false;
  int exit_code = -1;
  std::string out, err;
};
BoundedResult run_bounded(const std::vector<std::string>& argv, std::chrono::seconds limit,
                          const std::string& scratch_dir);

// Every document of the index at `path`: its id term -> its stamp value (which
// changes when the file changes). Read with Xapian directly.
std::map<std::string, std::string> index_contents(const std::string& path);

// `xapian-check PATH`: empty when the index is sound, else what it said.
std::string xapian_check_problems(const std::string& path);

// True when the machine has xapian-check (package xapian-tools).
bool have_xapian_check();

// Copies the regular files of `from` (recursively) into `to`.
void copy_tree(const std::string& from, const std::string& to);

// Up to `max_files` speeches from the UN General Debates corpus in /work/shared
// (each session folder is a few hundred plain-text files); empty when absent.
std::vector<std::string> un_speech_files(std::size_t max_files);

// Reads a whole file.
std::string read_file(const std::string& path);

}  // namespace dossier::test

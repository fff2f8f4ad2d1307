#include "robust_support.hpp"

#include "schema.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace fs = std::filesystem;

namespace dossier::test {
namespace {

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1000;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::string& output_prefix)
    : out_path_(output_prefix + ".out"), err_path_(output_prefix + ".err") {
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int out = ::open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int null_in = ::open("/dev/null", O_RDONLY);
    if (out < 0 || err < 0 || null_in < 0) ::_exit(126);
    ::dup2(null_in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !status_) kill_now();
}

std::optional<int> ChildProcess::wait_for(std::chrono::milliseconds limit) {
  if (status_) return status_;
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (true) {
    int status = 0;
    pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      status_ = decode_status(status);
      return status_;
    }
    if (r < 0) {
      status_ = -1000;
      return status_;
    }
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

int ChildProcess::kill_now() {
  if (status_) return *status_;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  status_ = decode_status(status);
  return *status_;
}

bool ChildProcess::running() { return !wait_for(std::chrono::milliseconds(0)).has_value(); }

std::string ChildProcess::out() const { return read_file(out_path_); }
std::string ChildProcess::err() const { return read_file(err_path_); }

BoundedResult run_bounded(const std::vector<std::string>& argv, std::chrono::seconds limit,
                          const std::string& scratch_dir) {
  static std::atomic<int> counter{0};  // readers run the binary from threads while the writer runs
  ChildProcess child(argv, scratch_dir + "/run-" + std::to_string(++counter));
  BoundedResult result;
  auto status = child.wait_for(limit);
  if (!status) {
    result.timed_out = true;
    result.exit_code = child.kill_now();
  } else {
    result.exit_code = *status;
  }
  result.out = child.out();
  result.err = child.err();
  return result;
}

std::map<std::string, std::string> index_contents(const std::string& path) {
  Xapian::Database db(path);
  const std::string prefix(schema::spec(schema::Field::id).prefix);
  const unsigned stamp_slot = *schema::spec(schema::Field::stamp).slot;
  std::map<std::string, std::string> out;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    for (auto p = db.postlist_begin(*it); p != db.postlist_end(*it); ++p)
      out[*it] = db.get_document(*p).get_value(stamp_slot);
  }
  return out;
}

bool have_xapian_check() { return ::access("/usr/bin/xapian-check", X_OK) == 0; }

std::string xapian_check_problems(const std::string& path) {
  auto r = run_process({"/usr/bin/xapian-check", path});
  if (r.exit_code == 0) return {};
  return "xapian-check exit " + std::to_string(r.exit_code) + ": " + r.out.substr(0, 2000) + r.err.substr(0, 2000);
}

void copy_tree(const std::string& from, const std::string& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::vector<std::string> un_speech_files(std::size_t max_files) {
  std::vector<std::string> files;
  fs::path root = fs::path(shared_dir()) / "corpora/un-general-debates/TXT";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return files;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".txt") files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.size() > max_files) files.resize(max_files);
  return files;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace dossier::test

#include "resident_server.hpp"

#include "resident_paths.hpp"
#include "resident_protocol.hpp"
#include "search_cli.hpp"

#include <dossier/searcher.hpp>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

namespace dossier::cli {
namespace {

constexpr std::uint64_t kMaxRequestBytes = 16u << 20;
constexpr std::size_t kMaxOpenSearchers = 16;

// A file's identity (inode, size, modification time); empty when it is missing.
std::string file_identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  return std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) +
         "." + std::to_string(st.st_mtim.tv_nsec);
}

bool is_remote(const std::string& index) { return index.rfind("tcp://", 0) == 0; }

// A local path from the caller's folder (the current one while a request runs).
std::string absolute(const std::string& path) {
  if (path.empty() || is_remote(path)) return path;
  std::error_code ec;
  auto full = std::filesystem::absolute(path, ec);
  return ec ? path : full.string();
}

// What a local index looks like on disk now. Xapian rewrites its version file
// on every commit, and a stub file lists the shards, so any change to an index
// (an update, a rebuild, a shard added) changes this and the Searcher is opened
// afresh; commits are also seen by the Searcher's own reopen before each search.
std::string index_state(const std::vector<std::string>& absolute_indexes, const std::string& absolute_actors_file) {
  std::string state;
  for (const auto& index : absolute_indexes) {
    if (is_remote(index)) continue;
    state += file_identity(index) + "|" + file_identity(index + "/iamglass") + "|" +
             file_identity(index + "/XAPIANDB") + ";";
  }
  if (!absolute_actors_file.empty()) state += file_identity(absolute_actors_file);
  return state;
}

class ResidentSearcher {
 public:
  ResidentSearcher() {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(err_);
    logger_ = std::make_shared<spdlog::logger>("dossier-search", sink);
    logger_->set_pattern("dossier-search: %l: %v");
    logger_->set_level(spdlog::level::warn);
  }

  // Answers one connection; any failure just closes it (the client then runs the search itself).
  void answer(int connection) {
    auto bytes = receive_message(connection, kMaxRequestBytes);
    auto request = bytes ? decode_request(*bytes) : std::nullopt;
    if (!request) return;
    ResidentReply reply;
    if (::chdir(request->cwd.c_str()) == 0) {
      reply = run(*request);
      if (::chdir("/") != 0) reply.ran = false;
    }
    send_message(connection, encode_reply(reply));
  }

 private:
  ResidentReply run(const ResidentRequest& request) {
    for (const auto& name : resident_env_names()) ::unsetenv(name.c_str());
    for (const auto& [name, value] : request.env) ::setenv(name.c_str(), value.c_str(), 1);
    std::ostringstream out;
    err_.str("");
    err_.clear();
    CliContext context;
    context.out = &out;
    context.err = &err_;
    context.stdout_is_terminal = request.stdout_is_terminal;
    context.logger = logger_;
    context.open_searcher = [this](const std::vector<std::string>& indexes,
                                   const SearcherOptions& options) -> Searcher& { return open(indexes, options); };
    ResidentReply reply;
    reply.exit_code = run_search_cli(request.args, context);
    reply.ran = true;
    reply.out = out.str();
    reply.err = err_.str();
    return reply;
  }

  Searcher& open(const std::vector<std::string>& indexes, const SearcherOptions& options) {
    std::vector<std::string> absolute_indexes;
    const std::string actors_file = absolute(options.actors_file);
    std::string key = actors_file + "\n" + (options.allow_partial ? "partial" : "whole") + "\n" +
                      std::to_string(options.connect_timeout_ms) + "\n" + std::to_string(options.timeout_ms);
    for (const auto& index : indexes) {
      absolute_indexes.push_back(absolute(index));
      key += "\n" + absolute_indexes.back();
    }
    const std::string state = index_state(absolute_indexes, actors_file);
    auto found = searchers_.find(key);
    if (found != searchers_.end() && found->second.state == state) return *found->second.searcher;
    if (found != searchers_.end()) searchers_.erase(found);
    if (searchers_.size() >= kMaxOpenSearchers) searchers_.clear();
    SearcherOptions own = options;
    own.logger = logger_;
    // Opened by absolute paths: a Searcher reopens its indexes before each
    // search, and later searches come from other folders.
    std::unique_ptr<Searcher> searcher;
    try {
      searcher = std::make_unique<Searcher>(absolute_indexes, own);
    } catch (const std::exception&) {
      Searcher as_given(indexes, own);  // fails again, naming the paths as the user gave them
      throw;                            // (or opened after all: report the first failure)
    }
    auto& entry = searchers_[key];
    entry.state = state;
    entry.searcher = std::move(searcher);
    return *entry.searcher;
  }

  struct OpenSearcher {
    std::string state;
    std::unique_ptr<Searcher> searcher;
  };
  std::ostringstream err_;  // what the run and the library's logger say, for one request
  std::shared_ptr<spdlog::logger> logger_;
  std::map<std::string, OpenSearcher> searchers_;
};

bool same_user(int connection) {
  ucred peer{};
  socklen_t len = sizeof peer;
  return ::getsockopt(connection, SOL_SOCKET, SO_PEERCRED, &peer, &len) == 0 && peer.uid == ::geteuid();
}

ino_t inode_of(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

}  // namespace

int serve_resident(const std::string& socket_path) {
  std::signal(SIGPIPE, SIG_IGN);
  // One resident searcher per socket: the lock is held for the process's life.
  const std::string lock_path = socket_path + ".lock";
  int lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock < 0 || ::flock(lock, LOCK_EX | LOCK_NB) != 0) return 0;

  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socket_path.size() >= sizeof address.sun_path) return 2;
  std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
  int listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener < 0) return 2;
  ::unlink(socket_path.c_str());  // a stale socket of a resident searcher that died
  const mode_t old_mask = ::umask(077);
  const bool bound = ::bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::umask(old_mask);
  if (!bound || ::listen(listener, 64) != 0) return 2;
  const ino_t own_socket = inode_of(socket_path);

  ResidentSearcher searcher;
  const int idle_ms = resident_idle_seconds() * 1000;
  for (;;) {
    pollfd waiting{listener, POLLIN, 0};
    int ready = ::poll(&waiting, 1, idle_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;  // idle long enough (or the socket failed)
    int connection = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (connection < 0) continue;
    timeval limit{5, 0};  // a client that stops talking must not hold up the others
    ::setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    if (same_user(connection)) searcher.answer(connection);
    ::close(connection);
    if (inode_of(socket_path) != own_socket) return 0;  // removed or taken over: leave quietly
  }
  if (inode_of(socket_path) == own_socket) ::unlink(socket_path.c_str());
  return 0;
}

}  // namespace dossier::cli

// dossier-search: hands the search to the resident searcher when one is up
// and otherwise runs dossier-search-engine for it, starting a resident one for
// the searches that follow. It links neither Xapian nor the dossier library on
// purpose: loading those is most of what a whole-process search costs
// (README "Resident searcher"). DOSSIER_SERVER chooses (resident_paths.hpp).

#include "resident_paths.hpp"
#include "resident_protocol.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

extern char** environ;

namespace {

using namespace dossier::cli;

constexpr std::uint64_t kMaxReplyBytes = std::uint64_t(1) << 34;

std::string own_path(const char* argv0) {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) return std::string(buf, static_cast<std::size_t>(n));
  return argv0 ? argv0 : "dossier-search";
}

bool write_all(int fd, const std::string& bytes) {
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

ResidentRequest this_request(int argc, char** argv) {
  ResidentRequest request;
  request.args.assign(argv + 1, argv + argc);
  char cwd[PATH_MAX];
  if (::getcwd(cwd, sizeof cwd)) request.cwd = cwd;
  for (const auto& name : resident_env_names())
    if (const char* value = std::getenv(name.c_str())) request.env.emplace_back(name, value);
  request.stdout_is_terminal = ::isatty(STDOUT_FILENO) != 0;
  return request;
}

enum class Asked { answered, no_server, failed };

// Sends the request to the resident searcher on `socket_path`.
Asked ask(const std::string& socket_path, const ResidentRequest& request, ResidentReply& reply) {
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Asked::failed;
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return Asked::no_server;
  }
  std::optional<ResidentReply> answer;
  if (send_message(fd, encode_request(request))) {
    if (auto bytes = receive_message(fd, kMaxReplyBytes)) answer = decode_reply(*bytes);
  }
  ::close(fd);
  if (!answer || !answer->ran) return Asked::failed;
  reply = std::move(*answer);
  return Asked::answered;
}

// Starts `engine --serve socket_path` detached: its own session, no inherited
// descriptors (a caller reading our output must not wait for it), the folder
// root, and its own log beside the socket for anything it has to say.
void start_resident(const std::string& engine, const std::string& socket_path) {
  pid_t child = ::fork();
  if (child < 0) return;
  if (child == 0) {
    if (::setsid() < 0 || ::fork() != 0) ::_exit(0);
    const std::string log = socket_path + ".log";
    int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int in = out < 0 ? -1 : ::open(log.c_str(), O_RDONLY);
    if (out < 0 || in < 0 || ::dup2(in, STDIN_FILENO) < 0 || ::dup2(out, STDOUT_FILENO) < 0 ||
        ::dup2(out, STDERR_FILENO) < 0)
      ::_exit(0);
    ::close_range(3, ~0u, 0);
    if (::chdir("/") != 0) ::_exit(0);
    ::execl(engine.c_str(), engine.c_str(), "--serve", socket_path.c_str(), static_cast<char*>(nullptr));
    ::_exit(0);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
}

// Asks the resident searcher, starting one when none answers. With `wait`, gives
// a new one time to come up and asks again; otherwise leaves it starting.
Asked ask_or_start(const std::string& engine, const std::string& socket_path, const ResidentRequest& request,
                   ResidentReply& reply, bool wait) {
  Asked asked = ask(socket_path, request, reply);
  if (asked != Asked::no_server) return asked;
  start_resident(engine, socket_path);
  if (!wait) return asked;
  for (int attempt = 0; attempt < 500 && asked == Asked::no_server; ++attempt) {
    ::usleep(20 * 1000);
    asked = ask(socket_path, request, reply);
  }
  return asked;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string engine = engine_path(own_path(argv[0]));
  if (engine.empty()) {
    std::fprintf(stderr, "dossier-search: cannot find dossier-search-engine beside this program\n");
    return 3;
  }
  const ResidentMode mode = resident_mode();
  if (mode != ResidentMode::off) {
    auto socket_path = resident_socket_path(engine);
    ResidentReply reply;
    if (socket_path &&
        ask_or_start(engine, *socket_path, this_request(argc, argv), reply, mode == ResidentMode::require) ==
            Asked::answered) {
      bool written = write_all(STDERR_FILENO, reply.err) && write_all(STDOUT_FILENO, reply.out);
      return written ? reply.exit_code : 3;
    }
    if (mode == ResidentMode::require) {
      std::fprintf(stderr, "dossier-search: no resident searcher answered (DOSSIER_SERVER=require)%s\n",
                   socket_path ? "" : ": no private folder for its socket");
      return 3;
    }
  }
  std::vector<char*> args(argv, argv + argc);
  args.push_back(nullptr);
  args[0] = const_cast<char*>(engine.c_str());
  ::execve(engine.c_str(), args.data(), environ);
  std::fprintf(stderr, "dossier-search: cannot run %s: %s\n", engine.c_str(), std::strerror(errno));
  return 3;
}

#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace dossier {
namespace {

// Only async-signal-safe calls between fork and exec: the parent has other threads.
[[noreturn]] void exec_child(const char* path, char* const* argv, int in_fd, int out_fd, int err_fd,
                             const ChildLimits& limits) {
  // Its own process group, so that killing it also kills anything it started.
  ::setpgid(0, 0);
  struct rlimit cpu {limits.cpu_seconds, limits.cpu_seconds + 1};
  struct rlimit as {limits.address_space_bytes, limits.address_space_bytes};
  ::setrlimit(RLIMIT_CPU, &cpu);
  ::setrlimit(RLIMIT_AS, &as);
  struct rlimit no_core {0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  if (::dup2(in_fd, 0) < 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0) ::_exit(126);
  // Descriptors other threads opened without O_CLOEXEC must not leak into the converter.
  if (::close_range(3, ~0U, 0) != 0)
    for (int fd = 3; fd < 4096; ++fd) ::close(fd);
  ::execv(path, argv);
  ::_exit(127);
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Reads what is available into `into` (up to `cap` bytes in all); false at end of file.
bool drain(int fd, std::string& into, std::size_t cap, bool& capped) {
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      std::size_t room = cap > into.size() ? cap - into.size() : 0;
      into.append(buf, std::min<std::size_t>(room, static_cast<std::size_t>(n)));
      if (static_cast<std::size_t>(n) > room) capped = true;
      continue;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;  // nothing more for now; other errors end the stream
  }
}

}  // namespace

std::string find_program(std::string_view program) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    std::size_t colon = dirs.find(':');
    std::string dir(dirs.substr(0, colon));
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + std::string(program);
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return {};
}

ChildResult run_child(const std::vector<std::string>& argv, std::string_view input, const ChildLimits& limits) {
  ChildResult result;
  if (argv.empty()) {
    result.error = "no program given";
    return result;
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  // stdin is a socket so that writing after the child quits gives EPIPE, not SIGPIPE.
  int in[2], out[2], err[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0) {
    result.error = std::string("socketpair: ") + std::strerror(errno);
    return result;
  }
  if (::pipe2(out, O_CLOEXEC) != 0) {
    result.error = std::string("pipe: ") + std::strerror(errno);
    ::close(in[0]), ::close(in[1]);
    return result;
  }
  if (::pipe2(err, O_CLOEXEC) != 0) {
    result.error = std::string("pipe: ") + std::strerror(errno);
    ::close(in[0]), ::close(in[1]), ::close(out[0]), ::close(out[1]);
    return result;
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    result.error = std::string("fork: ") + std::strerror(errno);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    return result;
  }
  if (pid == 0) exec_child(args[0], args.data(), in[1], out[1], err[1], limits);
  ::setpgid(pid, pid);  // also here, so the group exists whichever runs first
  result.started = true;
  ::close(in[1]);
  ::close(out[1]);
  ::close(err[1]);
  int to_child = in[0], from_out = out[0], from_err = err[0];
  set_nonblocking(to_child);
  set_nonblocking(from_out);
  set_nonblocking(from_err);

  auto deadline = std::chrono::steady_clock::now() + limits.wall_clock;
  std::size_t written = 0;
  bool err_capped = false;
  if (input.empty()) {
    ::close(to_child);
    to_child = -1;
  }
  while (from_out >= 0 || from_err >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      break;
    }
    pollfd fds[3];
    nfds_t n = 0;
    if (to_child >= 0) fds[n++] = {to_child, POLLOUT, 0};
    if (from_out >= 0) fds[n++] = {from_out, POLLIN, 0};
    if (from_err >= 0) fds[n++] = {from_err, POLLIN, 0};
    int ready = ::poll(fds, n, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == to_child) {
        ssize_t sent = ::send(to_child, input.data() + written, input.size() - written, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent > 0) written += static_cast<std::size_t>(sent);
        // Done, or the child stopped reading (it may have enough): either way stdin ends.
        if (written == input.size() || (sent < 0 && errno != EAGAIN && errno != EINTR)) {
          ::close(to_child);
          to_child = -1;
        }
      } else if (fds[i].fd == from_out) {
        if (!drain(from_out, result.out, limits.max_output_bytes, result.output_capped)) {
          ::close(from_out);
          from_out = -1;
        }
      } else if (fds[i].fd == from_err) {
        if (!drain(from_err, result.err, 4096, err_capped)) {
          ::close(from_err);
          from_err = -1;
        }
      }
    }
    if (result.output_capped) break;
  }
  for (int fd : {to_child, from_out, from_err})
    if (fd >= 0) ::close(fd);

  int status = 0;
  bool reaped = false;
  if (!result.timed_out && !result.output_capped) {
    // Its output is closed; give it until the deadline to exit.
    while (std::chrono::steady_clock::now() < deadline) {
      pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == pid || (r < 0 && errno != EINTR)) {
        reaped = r == pid;
        break;
      }
      ::usleep(2000);
    }
    if (!reaped && std::chrono::steady_clock::now() >= deadline) result.timed_out = true;
  }
  if (!reaped) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

}  // namespace dossier

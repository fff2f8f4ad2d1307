#pragma once
// Xapian's servers for the shard tests: xapian-tcpsrv and xapian-replicate-server
// on loopback ports found free at run time, stopped (SIGTERM, then SIGKILL) when
// the object goes out of scope, so a failing test leaves nothing running.

#include <sys/types.h>

#include <string>
#include <vector>

namespace dossier::test {

// A port nothing listens on now (bind port 0 on 127.0.0.1, read it, close).
unsigned free_port();

// True when a TCP connection to 127.0.0.1:port succeeds within `timeout_ms`.
bool wait_for_port(unsigned port, int timeout_ms);

// A child process started from argv (stdout and stderr to /dev/null).
class ChildProcess {
 public:
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  // Stops it now (idempotent).
  void stop();
  [[nodiscard]] pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
};

// xapian-tcpsrv serving `database` on 127.0.0.1:port, ready when constructed.
class TcpServer {
 public:
  explicit TcpServer(const std::string& database);
  [[nodiscard]] unsigned port() const { return port_; }
  [[nodiscard]] std::string spec() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
  void stop() { process_.stop(); }

 private:
  unsigned port_;
  ChildProcess process_;
};

}  // namespace dossier::test

#include "resident_paths.hpp"

#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace dossier::cli {
namespace {

std::string directory_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

bool is_executable_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// A folder only this user can enter: made if missing, refused if it is a
// symlink, someone else's, or open to others (another user could then answer
// our searches, or read them).
bool private_directory(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return false;
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  return st.st_uid == ::geteuid() && (st.st_mode & 077) == 0;
}

std::string runtime_directory() {
  if (const char* d = std::getenv("DOSSIER_RUNTIME_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_RUNTIME_DIR"); x && *x) {
    if (private_directory(x)) return std::string(x) + "/dossier";
  }
  return "/tmp/dossier-" + std::to_string(::geteuid());
}

// FNV-1a over the engine's path and file identity: any rebuild changes it.
std::uint64_t engine_identity(const std::string& engine) {
  struct stat st {};
  if (::stat(engine.c_str(), &st) != 0) return 0;
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
  };
  mix(engine.data(), engine.size());
  const std::uint64_t fields[] = {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
                                  static_cast<std::uint64_t>(st.st_size), static_cast<std::uint64_t>(st.st_mtim.tv_sec),
                                  static_cast<std::uint64_t>(st.st_mtim.tv_nsec)};
  mix(fields, sizeof fields);
  return h;
}

}  // namespace

std::string engine_path(const std::string& client_path) {
  const std::string dir = directory_of(client_path);
  for (const std::string& candidate : {dir + "/dossier-search-engine", dir + "/../libexec/dossier/dossier-search-engine"})
    if (is_executable_file(candidate)) return candidate;
  return "";
}

ResidentMode resident_mode() {
  const char* v = std::getenv("DOSSIER_SERVER");
  if (!v) return ResidentMode::on;
  if (std::strcmp(v, "require") == 0) return ResidentMode::require;
  if (std::strcmp(v, "off") == 0 || std::strcmp(v, "0") == 0 || std::strcmp(v, "no") == 0 ||
      std::strcmp(v, "false") == 0)
    return ResidentMode::off;
  return ResidentMode::on;
}

std::optional<std::string> resident_socket_path(const std::string& engine) {
  const std::uint64_t id = engine_identity(engine);
  if (id == 0) return std::nullopt;
  const std::string dir = runtime_directory();
  if (!private_directory(dir)) return std::nullopt;
  char name[40];
  std::snprintf(name, sizeof name, "/search-%016llx.sock", static_cast<unsigned long long>(id));
  std::string path = dir + name;
  if (path.size() >= sizeof(sockaddr_un{}.sun_path)) return std::nullopt;
  return path;
}

int resident_idle_seconds() {
  const char* v = std::getenv("DOSSIER_SERVER_IDLE");
  if (v && *v) {
    char* end = nullptr;
    long s = std::strtol(v, &end, 10);
    if (end && *end == '\0' && s > 0 && s <= 86400) return static_cast<int>(s);
  }
  return 600;
}

}  // namespace dossier::cli

#include <dossier/errors.hpp>
#include <dossier/index_location.hpp>

#include <cstdlib>

namespace dossier {

std::string resolve_index_path(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  if (const char* env = std::getenv("DOSSIER_INDEX"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/dossier/index";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/dossier/index";
  throw InvalidArgument("no index location: give --index PATH or set DOSSIER_INDEX");
}

}  // namespace dossier

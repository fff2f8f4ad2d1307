#include "database_set.hpp"

#include <sys/stat.h>

namespace dossier {

Xapian::Database open_databases(const std::vector<std::string>& paths) {
  if (paths.empty()) throw InvalidArgument("no index given");
  Xapian::Database all;
  for (const auto& path : paths) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
      throw DatabaseError("no index at " + path + " (run dossier-index FOLDER --index " + path + " first)");
    try {
      all.add_database(Xapian::Database(path));
    } catch (const Xapian::Error& e) {
      throw DatabaseError("cannot open index " + path + ": " + e.get_msg());
    }
  }
  return all;
}

}  // namespace dossier

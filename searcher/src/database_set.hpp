#pragma once
// Opening one index or several as one Xapian database, and translating
// Xapian's errors into dossier's at the searcher's entry points.

#include <dossier/errors.hpp>

#include <xapian.h>

#include <string>
#include <vector>

namespace dossier {

// Opens every path (index folder or stub file) into one database.
// @throws DatabaseError naming the index that failed.
Xapian::Database open_databases(const std::vector<std::string>& paths);

template <typename Fn>
auto translate_search_errors(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError("cannot open index: " + e.get_msg());
  } catch (const Xapian::NetworkError& e) {
    throw DatabaseError("a remote index did not answer: " + e.get_msg());
  } catch (const Xapian::DatabaseError& e) {
    throw DatabaseError("index error: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw DatabaseError(e.get_type() + std::string(": ") + e.get_msg());
  }
}

}  // namespace dossier

#pragma once
// Xapian's exceptions become dossier's at every entry point of the indexer.

#include <dossier/errors.hpp>

#include <xapian.h>

#include <string>

namespace dossier {

template <typename Fn>
auto translate_xapian_errors(const std::string& path, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::DatabaseLockError&) {
    throw LockError("index is being updated by another process: " + path +
                    " (wait for it to finish, or use --wait)");
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError("cannot open index " + path + ": " + e.get_msg());
  } catch (const Xapian::DatabaseError& e) {
    throw DatabaseError("index " + path + ": " + e.get_msg() + " (check free disk space and permissions)");
  } catch (const Xapian::Error& e) {
    throw DatabaseError("index " + path + ": " + e.get_type() + ": " + e.get_msg());
  }
}

}  // namespace dossier

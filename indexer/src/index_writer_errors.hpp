#pragma once
// Xapian's exceptions become dossier's at every entry point of the indexer.

#include <dossier/errors.hpp>

#include <xapian.h>

#include <string>

namespace dossier {

// Xapian's message plus the system's reason when there is one ("Error writing
// block 245: No space left on device").
inline std::string xapian_reason(const Xapian::Error& e) {
  const char* system = e.get_error_string();
  return e.get_msg() + (system && *system ? std::string(": ") + system : std::string());
}

template <typename Fn>
auto translate_xapian_errors(const std::string& path, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::DatabaseLockError&) {
    throw LockError("index is being updated by another process: " + path +
                    " (wait for it to finish, or use --wait)");
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError("cannot open index " + path + ": " + xapian_reason(e));
  } catch (const Xapian::DatabaseError& e) {
    throw DatabaseError("index " + path + ": " + xapian_reason(e) + " (check free disk space and permissions)");
  } catch (const Xapian::Error& e) {
    throw DatabaseError("index " + path + ": " + e.get_type() + ": " + xapian_reason(e));
  }
}

}  // namespace dossier

#pragma once
// Opening one index or several as one Xapian database: local folders, stub
// files (or folders holding a XAPIANDB stub), and remote shards tcp://HOST:PORT
// served by xapian-tcpsrv. Each shard is opened on its own, so a shard that does
// not answer is named, and left out when partial answers are allowed.
// Also translates Xapian's errors into dossier's at the searcher's entry points.

#include <dossier/errors.hpp>

#include <xapian.h>

#include <string>
#include <vector>

namespace dossier {

// How long remote shards may take (milliseconds; 0: no limit).
struct RemoteTimeouts {
  unsigned connect_ms = 10000;
  unsigned query_ms = 30000;
};

// One database of the set, as the user would name it.
struct Shard {
  std::string name;  // "tcp://host:port", or a local path
  bool remote = false;
  Xapian::Database db;
};

// A shard left out, and why.
struct MissingShard {
  std::string name;
  std::string reason;
};

// Every shard the index specs name, stubs expanded (recursively) into their lines.
// Shards that cannot be opened are put in `missing` with the reason when
// `allow_partial`; otherwise the first one throws.
// @throws InvalidArgument for no specs or a malformed tcp:// spec.
// @throws DatabaseError naming the shard that cannot be opened.
std::vector<Shard> open_shards(const std::vector<std::string>& specs, const RemoteTimeouts& timeouts,
                               bool allow_partial, std::vector<MissingShard>& missing);

// The shards combined into one database (Xapian merges their statistics, so
// scores are those of one database holding every document).
Xapian::Database combine(const std::vector<Shard>& shards);

// The first shard's non-empty `key` metadata ("" when none has it). A combined
// database answers get_metadata from its first shard only.
std::string metadata_of_any(const std::vector<Shard>& shards, const std::string& key);

// The shards that fail a round trip now (remote ones are asked; local ones are reopened).
std::vector<MissingShard> failing_shards(std::vector<Shard>& shards);

// Opens every path (index folder or stub file) into one database.
// @throws DatabaseError naming the index that failed.
Xapian::Database open_databases(const std::vector<std::string>& paths);

// "tcp://host:port" -> host and port; false when `spec` is not a tcp:// spec.
// @throws InvalidArgument for a tcp:// spec without a valid port.
bool parse_tcp_spec(const std::string& spec, std::string& host, unsigned& port);

template <typename Fn>
auto translate_search_errors(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError("cannot open index: " + e.get_msg());
  } catch (const Xapian::NetworkTimeoutError& e) {
    throw DatabaseError("a remote shard did not answer in time: " + e.get_msg());
  } catch (const Xapian::NetworkError& e) {
    throw DatabaseError("a remote shard did not answer: " + e.get_msg());
  } catch (const Xapian::DatabaseError& e) {
    throw DatabaseError("index error: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw DatabaseError(e.get_type() + std::string(": ") + e.get_msg());
  }
}

}  // namespace dossier

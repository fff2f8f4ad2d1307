#include "database_set.hpp"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace dossier {
namespace {

// Stubs may name stubs; this many levels is a loop, not a layout.
constexpr int kMaxStubDepth = 8;
// Opening a database the indexer is committing to: tries before giving up.
constexpr int kOpenRetries = 5;

std::string error_text(const Xapian::Error& e) {
  std::string msg = e.get_msg();
  if (const char* ctx = e.get_error_string(); ctx && *ctx) msg += std::string(" (") + ctx + ")";
  return msg;
}

std::string stub_file_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  if (S_ISDIR(st.st_mode)) {
    struct stat glass {};
    if (::stat((path + "/iamglass").c_str(), &glass) == 0) return {};
    std::string stub = path + "/XAPIANDB";
    return ::stat(stub.c_str(), &st) == 0 ? stub : std::string();
  }
  // A regular file: a stub, unless it is a single-file database (Xapian tells).
  std::ifstream in(path, std::ios::binary);
  char head[2] = {};
  in.read(head, 2);
  return head[0] == '\x0f' && head[1] == '\x0d' ? std::string() : path;
}

class Opener {
 public:
  Opener(const RemoteTimeouts& t, bool allow_partial, std::vector<MissingShard>& missing)
      : timeouts_(t), allow_partial_(allow_partial), missing_(missing) {}

  void open(const std::string& spec, int depth) {
    std::string host;
    unsigned port = 0;
    if (parse_tcp_spec(spec, host, port)) {
      attempt(spec, true, [&] { return Xapian::Remote::open(host, port, timeouts_.query_ms, timeouts_.connect_ms); });
      return;
    }
    struct stat st {};
    if (::stat(spec.c_str(), &st) != 0) {
      // A first run builds beside the index and renames it into place at the end.
      std::string bare = spec;
      while (bare.size() > 1 && bare.back() == '/') bare.pop_back();
      if (::stat((bare + ".first-run").c_str(), &st) == 0)
        fail(spec, "its first indexing run has not finished yet (search again when dossier-index is done)");
      else
        fail(spec, "no index there (run dossier-index FOLDER --index " + spec + " first)");
      return;
    }
    std::string stub = stub_file_of(spec);
    if (!stub.empty() && depth < kMaxStubDepth && expand_stub(stub, depth)) return;
    attempt(spec, false, [&] { return Xapian::Database(spec); });
  }

  std::vector<Shard> shards;

 private:
  // Opens the stub's lines one by one; false (nothing opened) when a line is
  // of a kind only Xapian reads (remote programs), to let Xapian open it whole.
  bool expand_stub(const std::string& stub, int depth) {
    std::ifstream in(stub);
    std::vector<std::string> specs;
    std::string line;
    const std::string dir = stub.substr(0, stub.rfind('/') == std::string::npos ? 0 : stub.rfind('/') + 1);
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto space = line.find(' ');
      std::string kind = line.substr(0, space), rest = space == std::string::npos ? "" : line.substr(space + 1);
      if ((kind == "auto" || kind == "glass") && !rest.empty()) {
        specs.push_back(rest[0] == '/' || dir.empty() ? rest : dir + rest);
      } else if (kind == "remote" && !rest.empty() && rest[0] != ':' && rest.rfind(':') != std::string::npos) {
        specs.push_back("tcp://" + rest);
      } else {
        return false;
      }
    }
    for (const auto& s : specs) open(s, depth + 1);
    return true;
  }

  template <typename Fn>
  void attempt(const std::string& name, bool remote, Fn&& fn) {
    // Opening while the indexer commits can meet a revision it has just
    // replaced: open again, as a search does.
    for (int tries = 1;; ++tries) {
      try {
        shards.push_back(Shard{name, remote, fn()});
        return;
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (tries < kOpenRetries) continue;
        fail(name, error_text(e));
        return;
      } catch (const Xapian::Error& e) {
        fail(name, error_text(e));
        return;
      }
    }
  }

  void fail(const std::string& name, const std::string& reason) {
    if (!allow_partial_)
      throw DatabaseError("shard " + name + " cannot be searched: " + reason +
                          (name.rfind("tcp://", 0) == 0 ? " (use --allow-partial to search the others)" : ""));
    missing_.push_back(MissingShard{name, reason});
  }

  RemoteTimeouts timeouts_;
  bool allow_partial_;
  std::vector<MissingShard>& missing_;
};

}  // namespace

bool parse_tcp_spec(const std::string& spec, std::string& host, unsigned& port) {
  static const std::string kScheme = "tcp://";
  if (spec.compare(0, kScheme.size(), kScheme) != 0) return false;
  std::string rest = spec.substr(kScheme.size());
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  auto colon = rest.rfind(':');
  std::string port_text = colon == std::string::npos ? "" : rest.substr(colon + 1);
  host = colon == std::string::npos ? rest : rest.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned long value = 0;
  bool digits = !port_text.empty() && port_text.size() <= 5 &&
                port_text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) value = std::stoul(port_text);
  if (host.empty() || !digits || value == 0 || value > 65535)
    throw InvalidArgument("'" + spec + "' is not a remote shard: write tcp://HOST:PORT");
  port = static_cast<unsigned>(value);
  return true;
}

std::vector<Shard> open_shards(const std::vector<std::string>& specs, const RemoteTimeouts& timeouts,
                               bool allow_partial, std::vector<MissingShard>& missing) {
  if (specs.empty()) throw InvalidArgument("no index given");
  Opener opener(timeouts, allow_partial, missing);
  for (const auto& spec : specs) opener.open(spec, 0);
  if (opener.shards.empty())
    throw DatabaseError("no shard could be searched: " + (missing.empty() ? std::string("none given") : missing.front().name + ": " + missing.front().reason));
  return std::move(opener.shards);
}

Xapian::Database combine(const std::vector<Shard>& shards) {
  Xapian::Database all;
  for (const auto& s : shards) all.add_database(s.db);
  return all;
}

std::vector<MissingShard> failing_shards(std::vector<Shard>& shards) {
  std::vector<MissingShard> failing;
  for (auto& s : shards) {
    try {
      if (s.remote) s.db.keep_alive();
      else s.db.reopen();
    } catch (const Xapian::Error& e) {
      failing.push_back(MissingShard{s.name, error_text(e)});
    }
  }
  return failing;
}

Xapian::Database open_databases(const std::vector<std::string>& paths) {
  std::vector<MissingShard> missing;
  return combine(open_shards(paths, RemoteTimeouts{}, false, missing));
}

std::string metadata_of_any(const std::vector<Shard>& shards, const std::string& key) {
  for (const auto& shard : shards)
    if (std::string value = shard.db.get_metadata(key); !value.empty()) return value;
  return {};
}

}  // namespace dossier

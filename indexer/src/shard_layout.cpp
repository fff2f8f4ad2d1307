#include "shard_layout.hpp"

#include <dossier/errors.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace dossier {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStubName = "XAPIANDB";
// Shard counts beyond this are a typo, not a plan (see README "Capacity plan").
constexpr unsigned kMaxShards = 256;

std::vector<std::string> read_stub(const std::string& root) {
  std::ifstream in(root + "/" + std::string(kStubName));
  if (!in) throw DatabaseError("cannot read stub file " + root + "/" + std::string(kStubName));
  std::vector<std::string> paths;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string kind, name;
    words >> kind >> name;
    // Writing needs local databases: a stub naming remote shards is for searching only.
    if (kind != "auto" && kind != "glass")
      throw InvalidArgument("index " + root + " is a stub naming '" + line +
                            "': dossier-index writes only local shards (run it on the host holding them)");
    paths.push_back(fs::path(name).is_absolute() ? name : root + "/" + name);
  }
  if (paths.empty()) throw InvalidArgument("stub file " + root + "/" + std::string(kStubName) + " lists no database");
  return paths;
}

}  // namespace

unsigned shard_of(std::string_view id_term, unsigned shards) {
  if (shards <= 1) return 0;
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : id_term) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<unsigned>(h % shards);
}

std::string shard_name(unsigned n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "shard-%02u", n);
  return buf;
}

ShardLayout resolve_shard_layout(const std::string& path, unsigned requested) {
  if (requested > kMaxShards)
    throw InvalidArgument("--shards " + std::to_string(requested) + " is more than " + std::to_string(kMaxShards));
  ShardLayout layout;
  layout.root = path;
  std::error_code ec;
  if (fs::exists(path + "/" + std::string(kStubName), ec)) {
    layout.stub = true;
    layout.shard_paths = read_stub(path);
  } else if (fs::exists(path + "/iamglass", ec) || fs::exists(path + "/iamchert", ec)) {
    layout.shard_paths = {path};
  } else {
    unsigned n = requested == 0 ? 1 : requested;
    layout.stub = n > 1;
    if (!layout.stub) layout.shard_paths = {path};
    for (unsigned i = 0; layout.stub && i < n; ++i) layout.shard_paths.push_back(path + "/" + shard_name(i));
    return layout;
  }
  const auto existing = static_cast<unsigned>(layout.shard_paths.size());
  if (requested != 0 && requested != existing)
    throw InvalidArgument("index " + path + " has " + std::to_string(existing) + " shard" +
                          (existing == 1 ? "" : "s") + ", not " + std::to_string(requested) +
                          " (the shard count is fixed when an index is created: rebuild into a new folder to change it)");
  return layout;
}

void write_shard_stub(const ShardLayout& layout) {
  if (!layout.stub) return;
  const std::string stub = layout.root + "/" + std::string(kStubName);
  const std::string temp = stub + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    // Relative names: the folder can be moved or copied to another host whole.
    for (const auto& p : layout.shard_paths) out << "auto " << fs::path(p).filename().string() << "\n";
    out.flush();
    if (!out) throw DatabaseError("cannot write stub file " + temp + " (check free disk space and permissions)");
  }
  std::error_code ec;
  fs::rename(temp, stub, ec);
  if (ec) throw DatabaseError("cannot write stub file " + stub + ": " + ec.message());
}

}  // namespace dossier

#pragma once
// Where an index's databases live. One database: the index folder itself is a
// Xapian database (as before sharding existed). Several: the folder holds
// shard-00, shard-01, ... and a Xapian stub file XAPIANDB listing them, so any
// Xapian reader (dossier-search, delve, xapian-tcpsrv of the folder) opens them as one.

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct ShardLayout {
  std::string root;                      // the index folder
  std::vector<std::string> shard_paths;  // one database per shard, in stub order
  bool stub = false;                     // true: root holds a XAPIANDB stub file
};

// The shard a document belongs to: FNV-1a (64-bit) of its id term, modulo the
// shard count. Stable across runs, platforms and compilers (unlike std::hash),
// so a re-run updates the same shard.
unsigned shard_of(std::string_view id_term, unsigned shards);

// The name of shard `n` inside the index folder ("shard-00").
std::string shard_name(unsigned n);

// The layout of the index at `path`, for writing. `requested` is the shard count
// asked for (0: keep what exists, 1 for a new index). An existing index keeps
// its shard count; asking for another one is an error.
// @throws InvalidArgument when `requested` differs from the existing count or
//         the stub file is not one dossier wrote.
ShardLayout resolve_shard_layout(const std::string& path, unsigned requested);

// Writes the stub file listing the shards (atomically: temporary file, rename).
// @throws DatabaseError when the file cannot be written.
void write_shard_stub(const ShardLayout& layout);

}  // namespace dossier

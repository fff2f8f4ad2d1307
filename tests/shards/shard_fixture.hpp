#pragma once
// The corpus indexed twice, once whole and once in three shards, built once per
// test run; and the comparison the shard tests make: ranked ids, scores, totals
// and facets of a search, from dossier-search --json.

#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace dossier::test {

// The corpus indexed whole and in three shards, once per test program; a static
// object (not a leaked pointer), so its folder goes when the program ends.
struct CorpusIndexes {
  TempDir dir;
  std::string whole = dir.path() + "/whole";
  std::string sharded = dir.path() + "/sharded";
  std::string shard(int n) const { return sharded + "/shard-0" + std::to_string(n); }

  CorpusIndexes() {
    auto w = run_process({index_bin(), corpus_dir(), "--index", whole, "-q"});
    auto s = run_process({index_bin(), corpus_dir(), "--index", sharded, "--shards", "3", "-q"});
    if (w.exit_code != 0 || s.exit_code != 0) throw std::runtime_error("indexing the corpus failed");
  }
};

inline const CorpusIndexes& corpus_indexes() {
  static const CorpusIndexes indexes;
  return indexes;
}

inline std::vector<std::string> with_indexes(const std::vector<std::string>& indexes, std::vector<std::string> args) {
  std::vector<std::string> argv = {search_bin(), "--json"};
  for (const auto& i : indexes) {
    argv.push_back("--index");
    argv.push_back(i);
  }
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

// Runs one search and returns its JSON (failing the test on a bad exit).
inline nlohmann::json search_json(const std::vector<std::string>& indexes, const std::vector<std::string>& args) {
  auto r = run_process(with_indexes(indexes, args));
  INFO("stderr: " << r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return nlohmann::json::parse(r.out);
}

// The two answers rank the same documents in the same order with the same
// scores (to 1e-9), the same totals and the same facet counts.
inline void require_same_answer(const nlohmann::json& a, const nlohmann::json& b) {
  REQUIRE(a["total"] == b["total"]);
  REQUIRE(a["hits"].size() == b["hits"].size());
  for (std::size_t i = 0; i < a["hits"].size(); ++i) {
    INFO("rank " << i + 1);
    CHECK(a["hits"][i]["id"] == b["hits"][i]["id"]);
    CHECK(a["hits"][i]["score"].get<double>() == Approx(b["hits"][i]["score"].get<double>()).margin(1e-9));
    CHECK(a["hits"][i]["snippet"]["text"] == b["hits"][i]["snippet"]["text"]);
  }
  CHECK(a.value("facets", nlohmann::json()) == b.value("facets", nlohmann::json()));
}

}  // namespace dossier::test

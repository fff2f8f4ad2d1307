#include "shard_fixture.hpp"

#include <filesystem>
#include <fstream>

using namespace dossier::test;
namespace fs = std::filesystem;

namespace {

std::size_t doc_count(const std::string& database) {
  auto r = run_process({"/usr/bin/xapian-delve", database});
  auto at = r.out.find("number of documents = ");
  REQUIRE(at != std::string::npos);
  return std::stoul(r.out.substr(at + 22));
}

nlohmann::json index_json(const std::vector<std::string>& args) {
  auto r = run_process(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("an index made with --shards 3 has three databases and a stub listing them", "[shards]") {
  const auto& ix = corpus_indexes();
  std::ifstream stub(ix.sharded + "/XAPIANDB");
  std::string text((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
  CHECK(text == "auto shard-00\nauto shard-01\nauto shard-02\n");
  std::size_t total = 0;
  for (int s = 0; s < 3; ++s) {
    std::size_t n = doc_count(ix.shard(s));
    CHECK(n > 0);  // the hash spreads the corpus over every shard
    total += n;
  }
  CHECK(total == doc_count(ix.whole));
}

TEST_CASE("a sharded index is updated in place: unchanged, changed and removed files", "[shards]") {
  TempDir dir;
  fs::copy(corpus_dir(), dir.path() + "/corpus", fs::copy_options::recursive);
  const std::string folder = dir.path() + "/corpus", index = dir.path() + "/index";
  auto first = index_json({index_bin(), folder, "--index", index, "--shards", "3", "-q", "--json"});
  const std::size_t docs = first["added"];
  REQUIRE(docs > 3);

  SECTION("a re-run finds everything unchanged, and keeps the shard count without --shards") {
    auto again = index_json({index_bin(), folder, "--index", index, "-q", "--json"});
    CHECK(again["added"] == 0);
    CHECK(again["updated"] == 0);
    CHECK(again["removed"] == 0);
    CHECK(fs::exists(index + "/shard-02"));
    CHECK_FALSE(fs::exists(index + "/shard-03"));
  }
  SECTION("another shard count is refused with a usage error") {
    auto r = run_process({index_bin(), folder, "--index", index, "--shards", "2", "-q"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("has 3 shards, not 2") != std::string::npos);
  }
  SECTION("a changed file is replaced in its shard and a removed one leaves every shard") {
    std::string victim, changed;
    for (const auto& e : fs::recursive_directory_iterator(folder)) {
      if (!e.is_regular_file() || e.path().extension() != ".md") continue;
      if (victim.empty()) victim = e.path().string();
      else if (changed.empty()) changed = e.path().string();
    }
    REQUIRE_FALSE(changed.empty());
    { std::ofstream(changed, std::ios::app) << "\nA zyzzogeton sentence added later.\n"; }
    fs::remove(victim);
    auto again = index_json({index_bin(), folder, "--index", index, "-q", "--json"});
    CHECK(again["updated"] == 1);
    CHECK(again["removed"] == 1);
    auto found = search_json({index}, {"zyzzogeton", "--words-only"});
    REQUIRE(found["hits"].size() == 1);
    CHECK(found["hits"][0]["path"] == changed);
    std::size_t total = 0;
    for (int s = 0; s < 3; ++s) total += doc_count(index + "/shard-0" + std::to_string(s));
    CHECK(total == docs - 1);
  }
}

TEST_CASE("several local indexes, and the stub folder, search as one merged database", "[shards]") {
  const auto& ix = corpus_indexes();
  const std::vector<std::vector<std::string>> queries = {
      {"sanctions", "-n", "50"},  // with the default pseudo-relevance feedback
      {"nuclear talks drones", "-n", "50"},
      {"sanctions", "--words-only", "-n", "50"},
      {"\"nuclear program\"", "-n", "50"},
      {"actor:iran", "-n", "50", "--facets", "actor,source,year"},
      {"--source", "Quillon Policy Institute", "-n", "50"},
      {"--since", "2024", "-n", "50", "--facets", "month,format"},
      {"sanctions", "--sort", "newest", "-n", "20"},
  };
  for (const auto& q : queries) {
    INFO("query: " << q.front());
    auto whole = search_json({ix.whole}, q);
    require_same_answer(whole, search_json({ix.sharded}, q));
    require_same_answer(whole, search_json({ix.shard(0), ix.shard(1), ix.shard(2)}, q));
  }
}

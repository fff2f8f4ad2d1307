#include "shard_fixture.hpp"
#include "shard_servers.hpp"

#include <dossier/errors.hpp>
#include <dossier/searcher.hpp>

#include <filesystem>

using namespace dossier::test;

namespace {

struct ThreeServers {
  const CorpusIndexes& ix = corpus_indexes();
  TcpServer s0{ix.shard(0)}, s1{ix.shard(1)}, s2{ix.shard(2)};
  std::vector<std::string> specs() const { return {s0.spec(), s1.spec(), s2.spec()}; }
};

// Plain-word queries run both ways: with the default pseudo-relevance feedback
// (its terms chosen from exact merged statistics) and by the words alone.
const std::vector<std::vector<std::string>> kQueries = {
    {"sanctions", "-n", "50"},
    {"nuclear talks drones", "-n", "50"},
    {"sanctions OR drones", "-n", "50", "--facets", "source,actor,year,month,format"},
    {"sanctions", "--words-only", "-n", "50"},
    {"\"nuclear program\"", "-n", "50"},
    {"sanctions OR drones", "--words-only", "-n", "50", "--facets", "source,actor,year,month,format"},
    {"actor:iran", "-n", "50", "--facets", "actor"},
    {"--actor", "Tehran", "-n", "50"},  // an alias, expanded by dossier's own rewriting
    {"--source", "Quillon Policy Institute", "-n", "50"},  // filter only: every score is 0, ties by id
    {"--since", "2024-03", "--until", "2024-09", "-n", "50", "--facets", "source"},
    {"sanctions", "--sort", "recent", "-n", "20"},
    {"sanctions", "--sort", "newest", "-n", "20"},
    {"sanctions", "--words-only", "-n", "0", "--facets", "year"},
};

}  // namespace

TEST_CASE("three xapian-tcpsrv shards answer exactly as the merged database", "[shards][remote]") {
  ThreeServers servers;
  for (const auto& q : kQueries) {
    INFO("query: " << q.front() << " " << (q.size() > 1 ? q[1] : ""));
    auto whole = search_json({servers.ix.whole}, q);
    auto remote = search_json(servers.specs(), q);
    require_same_answer(whole, remote);
    CHECK_FALSE(remote.contains("partial"));
  }
  // Snippets of remote hits come from the stored text that travels with the document.
  auto remote = search_json(servers.specs(), {"sanctions", "--words-only", "-n", "3"});
  REQUIRE_FALSE(remote["hits"].empty());
  CHECK_FALSE(remote["hits"][0]["snippet"]["text"].get<std::string>().empty());
}

TEST_CASE("a stopped shard is a one-line error naming it, or a partial answer when allowed", "[shards][remote]") {
  ThreeServers servers;
  const std::string gone = servers.s1.spec();
  servers.s1.stop();

  auto r = run_process(with_indexes(servers.specs(), {"sanctions"}));
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err.find(gone) != std::string::npos);
  CHECK(r.err.find("--allow-partial") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

  auto partial = run_process(with_indexes(servers.specs(), {"sanctions OR iran", "--words-only", "--allow-partial", "-n", "50"}));
  INFO(partial.err);
  CHECK(partial.exit_code == 0);
  auto j = nlohmann::json::parse(partial.out);
  CHECK(j["partial"] == true);
  CHECK(j["missing_shards"] == nlohmann::json::array({gone}));
  CHECK(partial.err.find("partial") != std::string::npos);
  CHECK(partial.err.find(gone) != std::string::npos);
  // The answer is that of the two shards that are left.
  auto two = search_json({servers.ix.shard(0), servers.ix.shard(2)}, {"sanctions OR iran", "--words-only", "-n", "50"});
  CHECK(j["total"] == two["total"]);
  CHECK(j["hits"].size() == two["hits"].size());
}

TEST_CASE("a shard that stops between two searches is named, or left out with allow_partial", "[shards][remote]") {
  ThreeServers servers;
  dossier::SearchRequest request;
  request.query = "sanctions";
  request.limit = 50;
  dossier::Searcher strict(servers.specs());
  dossier::SearcherOptions options;
  options.allow_partial = true;
  options.timeout_ms = 5000;
  dossier::Searcher lenient(servers.specs(), options);
  auto before = lenient.search(request);
  CHECK_FALSE(before.partial);
  servers.s2.stop();

  try {
    (void)strict.search(request);
    FAIL("a search over a stopped shard succeeded");
  } catch (const dossier::DatabaseError& e) {
    CHECK(std::string(e.what()).find(servers.s2.spec()) != std::string::npos);
  }
  auto after = lenient.search(request);
  CHECK(after.partial);
  CHECK(after.missing_shards == std::vector<std::string>{servers.s2.spec()});
  CHECK(after.total <= before.total);
}

TEST_CASE("a shard replicated with xapian-replicate answers like its master", "[shards][replication]") {
  const auto& ix = corpus_indexes();
  TempDir replica;
  const unsigned port = free_port();
  // The master serves every database under its parent folder; clients name one (-m).
  ChildProcess server({"/usr/bin/xapian-replicate-server", "-I", "127.0.0.1", "-p", std::to_string(port), ix.sharded});
  REQUIRE(wait_for_port(port, 5000));
  const std::string copy = replica.path() + "/shard-00";
  auto r = run_process({"/usr/bin/xapian-replicate", "-h", "127.0.0.1", "-p", std::to_string(port), "-m", "shard-00",
                        "-o", "-q", "-t", "10", copy});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  server.stop();
  for (const auto& q : kQueries) {
    INFO("query: " << q.front());
    require_same_answer(search_json({ix.shard(0)}, q), search_json({copy}, q));
  }
}

TEST_CASE("malformed remote specs are usage errors", "[shards]") {
  for (std::string spec : {"tcp://127.0.0.1", "tcp://127.0.0.1:0", "tcp://:80", "tcp://host:99999"}) {
    auto r = run_process({search_bin(), "--index", spec, "sanctions"});
    INFO(spec << ": " << r.err);
    CHECK(r.exit_code == 2);
  }
}

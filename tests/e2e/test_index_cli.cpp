#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <dossier/indexer.hpp>

#include <nlohmann/json.hpp>

using namespace dossier::test;

TEST_CASE("dossier-index: indexes a folder, summary on stderr, nothing on stdout", "[e2e][index]") {
  TempDir dir;
  auto r = run_process({index_bin(), corpus_dir(), "--index", dir.path() + "/idx"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("added") != std::string::npos);
  CHECK(r.err.find("skipped") != std::string::npos);

  auto again = run_process({index_bin(), corpus_dir(), "--index", dir.path() + "/idx"});
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("0 added, 0 updated") != std::string::npos);
}

TEST_CASE("dossier-index: usage errors exit 2 with one line", "[e2e][index]") {
  TempDir dir;
  auto none = run_process({index_bin(), "--index", dir.path() + "/idx"});
  CHECK(none.exit_code == 2);
  auto bad_option = run_process({index_bin(), "--no-such-option", corpus_dir()});
  CHECK(bad_option.exit_code == 2);
  auto missing = run_process({index_bin(), dir.path() + "/does-not-exist", "--index", dir.path() + "/idx"});
  CHECK(missing.exit_code == 2);
  for (const auto* r : {&none, &bad_option, &missing}) {
    CHECK(r->err.find("dossier-index:") == 0);
    CHECK(r->err.find("terminate") == std::string::npos);
  }
}

TEST_CASE("dossier-index: --strict exits 1 when files were skipped", "[e2e][index]") {
  TempDir dir;
  dir.write("in/good.txt", "A good report about otters.\n");
  dir.write("in/empty.txt", "");
  auto lenient = run_process({index_bin(), dir.path() + "/in", "--index", dir.path() + "/a"});
  CHECK(lenient.exit_code == 0);
  CHECK(lenient.err.find("1 skipped") != std::string::npos);
  auto strict = run_process({index_bin(), dir.path() + "/in", "--index", dir.path() + "/b", "--strict"});
  CHECK(strict.exit_code == 1);
}

TEST_CASE("dossier-index: a locked index exits 3 with a clear line", "[e2e][index]") {
  TempDir dir;
  dir.write("in/a.txt", "report\n");
  dossier::Indexer holder(dir.path() + "/idx");
  auto r = run_process({index_bin(), dir.path() + "/in", "--index", dir.path() + "/idx"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("being updated by another process") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("dossier-index: subcommands, and a folder named like one given as ./name", "[e2e][index]") {
  TempDir dir;
  dir.write("stats/report.txt", "A report kept in a folder called stats, about walruses.\n");
  auto indexed = run_process({"/bin/sh", "-c", "cd '" + dir.path() + "' && '" + index_bin() + "' ./stats --index idx"});
  REQUIRE(indexed.exit_code == 0);
  auto stats = run_process({index_bin(), "stats", "--index", dir.path() + "/idx", "--json"});
  REQUIRE(stats.exit_code == 0);
  auto j = nlohmann::json::parse(stats.out);
  CHECK(j["documents"] == 1);
  CHECK(j["formats"]["txt"] == 1);
}

TEST_CASE("both CLIs agree on the index location", "[e2e][location]") {
  TempDir dir;
  dir.write("in/a.txt", "A report about pangolins.\n");
  SECTION("$DOSSIER_INDEX") {
    std::map<std::string, std::string> env{{"DOSSIER_INDEX", dir.path() + "/env-idx"}};
    REQUIRE(run_process({index_bin(), dir.path() + "/in"}, env).exit_code == 0);
    CHECK(run_process({search_bin(), "pangolins"}, env).exit_code == 0);
  }
  SECTION("the user's data folder") {
    std::map<std::string, std::string> env{{"XDG_DATA_HOME", dir.path() + "/data"}, {"DOSSIER_INDEX", ""}};
    REQUIRE(run_process({index_bin(), dir.path() + "/in"}, env).exit_code == 0);
    CHECK(run_process({search_bin(), "pangolins"}, env).exit_code == 0);
    CHECK(run_process({search_bin(), "--index", dir.path() + "/data/dossier/index", "pangolins"}).exit_code == 0);
  }
}

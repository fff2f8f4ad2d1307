#include <catch2/catch.hpp>

#include "cli_fixture.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

using namespace dossier::test;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

TEST_CASE("dossier-search: ranked hits with highlights, markers when piped", "[e2e][search]") {
  auto r = CorpusCli::get().search({"North", "Korean", "shells"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("1. ") != std::string::npos);
  CHECK(r.out.find("3. ") != std::string::npos);
  CHECK(r.out.find("[[shells]]") != std::string::npos);
  CHECK(r.out.find('\x1b') == std::string::npos);  // no colour into a pipe
  CHECK(r.err.empty());
}

TEST_CASE("dossier-search: --color always colours the highlights", "[e2e][search]") {
  auto r = CorpusCli::get().search({"shells", "--color", "always"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\x1b[1;33mshells\x1b[0m") != std::string::npos);
}

TEST_CASE("dossier-search: --json is versioned and its spans point at query words", "[e2e][search][json]") {
  auto r = CorpusCli::get().search({"--json", "Rodong", "Sinmun"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["version"] == 1);
  CHECK(j["query"] == "Rodong Sinmun");
  CHECK(j["total"].get<int>() >= 1);
  REQUIRE_FALSE(j["hits"].empty());
  for (const auto& hit : j["hits"]) {
    for (const char* key : {"id", "path", "title", "source", "date", "actors", "score", "related", "snippet"})
      CHECK(hit.contains(key));
    if (hit["related"].get<bool>()) continue;  // after the matches, without the words
    const std::string text = hit["snippet"]["text"];
    REQUIRE_FALSE(hit["snippet"]["highlights"].empty());
    for (const auto& h : hit["snippet"]["highlights"]) {
      auto start = h["start"].get<std::size_t>(), end = h["end"].get<std::size_t>();
      REQUIRE(end <= text.size());
      std::string word = lower(text.substr(start, end - start));
      CHECK((word == "rodong" || word == "sinmun"));
    }
  }
}

TEST_CASE("dossier-search: exit codes", "[e2e][search][exit]") {
  auto& cli = CorpusCli::get();
  CHECK(cli.search({"shells"}).exit_code == 0);
  auto none = cli.search({"zzyzxqwv"});
  CHECK(none.exit_code == 1);
  CHECK(none.out.find("0 matches") != std::string::npos);
  CHECK(cli.search({}).exit_code == 2);
  CHECK(cli.search({"--limit", "many", "shells"}).exit_code == 2);
  CHECK(cli.search({"date:2024-13-45..", "shells"}).exit_code == 2);
  // A wildcard inside NEAR is a query Xapian cannot run: said in one line, as a query error.
  auto near_wildcard = cli.search({"shell* NEAR artillery"});
  CHECK(near_wildcard.exit_code == 2);
  CHECK(near_wildcard.err.find("NEAR, ADJ and phrases take single words") != std::string::npos);
  CHECK(std::count(near_wildcard.err.begin(), near_wildcard.err.end(), '\n') == 1);
  TempDir dir;
  auto missing = run_process({search_bin(), "--index", dir.path() + "/nope", "shells"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find("dossier-index") != std::string::npos);  // says what to do
}

TEST_CASE("dossier-search: --limit 0 prints counts only", "[e2e][search]") {
  auto r = CorpusCli::get().search({"--limit", "0", "--json", "shells"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["hits"].empty());
  CHECK(j["total"].get<int>() > 0);
}

TEST_CASE("dossier-search: a query the parser rejects falls back to its words", "[e2e][search]") {
  auto r = CorpusCli::get().search({"shells", "AND"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("searched for the words") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("the seed article: Rodong Sinmun found with both words highlighted", "[e2e][seed]") {
  TempDir dir;
  auto indexed = run_process({index_bin(), shared_dir() + "/corpora/seed", "--index", dir.path() + "/idx", "-q"});
  REQUIRE(indexed.exit_code == 0);
  auto r = run_process({search_bin(), "--index", dir.path() + "/idx", "--json", "Rodong Sinmun"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  // The folder's README mentions the paper too; the article itself must be there.
  auto hits = j["hits"];
  auto it = std::find_if(hits.begin(), hits.end(), [](const nlohmann::json& h) {
    return h["path"].get<std::string>().find("putin-north-korea-visit.txt") != std::string::npos;
  });
  REQUIRE(it != hits.end());
  const auto& hit = *it;
  const std::string text = hit["snippet"]["text"];
  bool rodong = false, sinmun = false;
  for (const auto& h : hit["snippet"]["highlights"]) {
    std::string word = text.substr(h["start"].get<std::size_t>(), h["end"].get<std::size_t>() - h["start"].get<std::size_t>());
    rodong = rodong || word == "Rodong";
    sinmun = sinmun || word == "Sinmun";
  }
  CHECK(rodong);
  CHECK(sinmun);
}

TEST_CASE("dossier-search: an index whose first run is still being built says so", "[e2e][search][exit]") {
  TempDir dir;
  dir.write("idx.first-run/shard-00/placeholder", "");
  auto r = run_process({search_bin(), "--index", dir.path() + "/idx", "shells"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("first indexing run has not finished") != std::string::npos);
  auto missing = run_process({search_bin(), "--index", dir.path() + "/other", "shells"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find("no index there") != std::string::npos);
}

TEST_CASE("dossier-search: a static build does not load libspdlog", "[e2e][search][startup]") {
  // Loading libspdlog.so was ~7% of a whole-process search; the engine carries
  // spdlog's compiled part itself (searcher/cli/spdlog_compiled.cpp). A new
  // spdlog call needing a part not compiled in would pull the library back
  // silently (the link uses --as-needed). ld.so lists what it loads and exits.
  auto r = run_process({search_engine_bin(), "--version"}, {{"LD_TRACE_LOADED_OBJECTS", "1"}});
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.out.find("libxapian") != std::string::npos);  // the listing worked
  if (r.out.find("libdossier_") != std::string::npos) return;  // shared build: the libraries load spdlog
  CHECK(r.out.find("libspdlog") == std::string::npos);
}

TEST_CASE("dossier-search itself loads neither Xapian nor the dossier libraries", "[e2e][search][startup]") {
  // The client's whole point is to start cheaply (README "The resident searcher"):
  // static outside sanitizer builds, and never linked with the search code.
  auto r = run_process({search_bin(), "--version"}, {{"LD_TRACE_LOADED_OBJECTS", "1"},
                                                     {"DOSSIER_SERVER", "require"},
                                                     {"DOSSIER_RUNTIME_DIR", "/nonexistent/x"}});
  // A static client ignores the variable and, with no resident searcher allowed, fails;
  // a dynamic one (sanitizers) has ld.so list what it would load, and exits 0.
  CHECK(r.out.find("libxapian") == std::string::npos);
  CHECK(r.out.find("libdossier_") == std::string::npos);
  if (r.exit_code == 0) {
    CHECK(r.out.find("libc.so") != std::string::npos);  // the listing worked
  } else {
    CHECK(r.err.find("no resident searcher answered") != std::string::npos);
  }
}

// The seed document: a news piece with no metadata and year-less dates.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace dossier;
using namespace dossier::test;

TEST_CASE("seed: --year 2024 dates it 2024-06-18 and finds its actors", "[seed][corpus]") {
  std::string folder = shared_dir() + "/corpora/seed";
  if (!std::filesystem::exists(folder + "/putin-north-korea-visit.txt")) {
    WARN("shared corpus not present: " << folder);
    return;
  }
  TempDir dir;
  IndexerOptions options;
  options.year = 2024;
  auto report = Indexer(dir.path() + "/index", options).add_folder(folder);
  CHECK(report.skipped == 0);

  Searcher searcher({dir.path() + "/index"});
  auto doc = searcher.document(std::filesystem::canonical(folder + "/putin-north-korea-visit.txt").string());
  REQUIRE(doc);
  CHECK(doc->date == "2024-06-18");
  CHECK(doc->origins.at("date") == FieldOrigin::text);
  CHECK(doc->source.empty());  // it names ISW, but declares no source: no guess
  CHECK(doc->title.find("Putin is using the visit") == 0);

  const std::set<std::string> right = {"Vladimir Putin", "North Korea", "Russia", "Ukraine", "NATO", "China",
                                       "United States", "Institute for the Study of War", "Soviet Union",
                                       "Jens Stoltenberg", "John Kirby", "Rodong Sinmun"};
  std::size_t correct = 0;
  for (const auto& a : doc->actors) {
    INFO(a);
    CHECK(right.count(a) == 1);  // nothing it does not name
    correct += right.count(a);
  }
  CHECK(correct >= 8);
  for (const char* must : {"Vladimir Putin", "North Korea", "Russia", "Ukraine", "NATO", "China", "United States",
                           "Institute for the Study of War"})
    CHECK(std::count(doc->actors.begin(), doc->actors.end(), must) == 1);

  // The actor filter finds it by an alias, too.
  SearchRequest request;
  request.actors = {"DPRK"};
  request.query = "visit";
  CHECK(searcher.search(request).total >= 1);
}

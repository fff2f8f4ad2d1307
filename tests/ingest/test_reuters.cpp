// Reuters-21578: converted to JSONL by reuters_to_jsonl.py, indexed with its own
// ids, dates, titles and hand-assigned places, people and organisations.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace dossier;
using namespace dossier::test;

namespace fs = std::filesystem;

namespace {

// Label (as converted) -> ids of the documents the dataset gives it.
using Labels = std::map<std::string, std::set<std::string>>;

void read_labels(const std::string& folder, Labels& places, Labels& people, std::size_t& records) {
  for (const auto& f : fs::directory_iterator(folder)) {
    std::ifstream in(f.path());
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line);
      ++records;
      std::string id = j["id"].get<std::string>();
      for (const auto& p : j["places"]) places[p.get<std::string>()].insert(id);
      for (const auto& p : j["people"]) people[p.get<std::string>()].insert(id);
    }
  }
}

std::set<std::string> ids_for_actor(Searcher& searcher, const std::string& actor, std::size_t at_most) {
  SearchRequest request;
  request.actors = {actor};
  request.limit = at_most;
  request.collapse_duplicates = false;  // newswire repeats stories; every copy is a labelled document
  request.snippet_length = 20;
  std::set<std::string> ids;
  for (const auto& h : searcher.search(request).hits) ids.insert(h.article.id);
  return ids;
}

std::size_t count_for_actor(Searcher& searcher, const std::string& actor) {
  SearchRequest request;
  request.actors = {actor};
  request.limit = 0;
  request.exact_total = true;
  request.collapse_duplicates = false;
  return searcher.search(request).total;
}

}  // namespace

TEST_CASE("Reuters-21578: counts match the README, labelled places and people are found by actor filters",
          "[corpus][reuters]") {
  std::string source = shared_dir() + "/corpora/reuters21578";
  if (!fs::exists(source + "/reut2-000.sgm")) {
    WARN("shared corpus not present: " << source);
    return;
  }
  if (std::string(DOSSIER_PYTHON).empty()) {
    WARN("python3 not found at configure time: the Reuters conversion cannot run");
    return;
  }
  TempDir dir;
  std::string jsonl = dir.path() + "/jsonl";
  auto converted = run_process({DOSSIER_PYTHON, DOSSIER_REUTERS_SCRIPT, source, jsonl});
  REQUIRE(converted.exit_code == 0);
  CHECK(converted.out == "21578\n");

  std::string index = dir.path() + "/index";
  IndexReport report = Indexer(index).add_folder(jsonl);
  CHECK(report.skipped == 0);
  CHECK(report.added == 21578);  // README: 21,578 <REUTERS> documents

  Searcher searcher({index});
  CHECK(searcher.document_count() == 21578);

  auto first = searcher.document("1");
  REQUIRE(first);
  CHECK(first->title == "BAHIA COCOA REVIEW");
  CHECK(first->date == "1987-02-26");
  CHECK(first->source == "Reuters");
  CHECK(first->origins["date"] == FieldOrigin::declared);
  CHECK(std::count(first->actors.begin(), first->actors.end(), "El Salvador") == 1);
  CHECK(std::count(first->actors.begin(), first->actors.end(), "United States") == 1);  // "usa" through aliases

  Labels places, people;
  std::size_t records = 0;
  read_labels(jsonl, places, people, records);
  REQUIRE(records == 21578);

  // Every label: at least as many documents as the dataset gives it (text may find more).
  for (const Labels* labels : {&places, &people})
    for (const auto& [label, ids] : *labels) {
      INFO(label);
      CHECK(count_for_actor(searcher, label) >= ids.size());
    }

  // Every person's documents, and those of places up to a few hundred documents, one by one.
  std::size_t labels_checked = 0;
  for (const Labels* labels : {&people, &places})
    for (const auto& [label, ids] : *labels) {
      if (ids.size() > 300) continue;
      auto found = ids_for_actor(searcher, label, count_for_actor(searcher, label));
      for (const auto& id : ids) {
        INFO(label << " should return document " << id);
        CHECK(found.count(id) == 1);
      }
      ++labels_checked;
    }
  CHECK(labels_checked > 200);  // 254 of the 442 place and person labels in use
}

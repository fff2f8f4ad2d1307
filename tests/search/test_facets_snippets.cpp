// Facet counts against the labels; highlighted words in every snippet.
#include "fixture.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <map>
#include <set>

using namespace dossier;
using namespace dossier::test;

namespace {

using Counts = std::map<std::string, std::size_t>;

bool has_stem(const LabelledDoc& d, const std::string& word) {
  Xapian::Stem stem("english");
  for (const auto& w : d.words)
    if (stem(w) == stem(word)) return true;
  return false;
}

std::map<std::string, Counts> expected_facets(const std::function<bool(const LabelledDoc&)>& keep) {
  std::map<std::string, Counts> out;
  for (const auto& d : Fixture::get().docs()) {
    if (!keep(d)) continue;
    if (!d.source.empty()) ++out["source"][d.source];
    for (const auto& a : d.actors) ++out["actor"][a];
    ++out["year"][d.date.substr(0, 4)];
    ++out["month"][d.date.substr(0, 7)];
    ++out["format"][d.format];
  }
  return out;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

TEST_CASE("facets count every match exactly, the multi-valued actor field too", "[search][facets]") {
  Searcher s({Fixture::get().index()});
  struct Case {
    std::string query;
    std::function<bool(const LabelledDoc&)> keep;
  };
  const std::vector<Case> cases = {
      {"shells", [](const LabelledDoc& d) { return has_stem(d, "shells"); }},
      {"actor:Russia", [](const LabelledDoc& d) { return d.actors.count("Russia") > 0; }},
      {"year:2024 grain", [](const LabelledDoc& d) { return d.date < "2025" && d.date >= "2024" && has_stem(d, "grain"); }},
      {"DPRK", [](const LabelledDoc& d) { return d.actors.count("North Korea") > 0; }},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    SearchRequest r;
    r.query = c.query;
    r.limit = 1;  // counts must not depend on how many hits are shown
    r.facets = {"source", "actor", "year", "month", "format"};
    auto res = s.search(r);
    auto expected = expected_facets(c.keep);
    for (const auto& field : r.facets) {
      INFO(field);
      CHECK(res.facets[field] == expected[field]);
    }
    CHECK(res.total_exact);
  }
}

TEST_CASE("every hit's snippet marks query words, stemmed forms included", "[search][snippets]") {
  Searcher s({Fixture::get().index()});
  Xapian::Stem stem("english");
  for (const std::string q : {"convoy", "shells grain", "\"the report\"", "Tanker", "turb*", "refinery actor:Russia",
                              "What did the report say about drones?"}) {
    INFO(q);
    SearchRequest r;
    r.query = q;
    r.limit = 100;
    r.snippet_length = 120;
    auto res = s.search(r);
    REQUIRE_FALSE(res.hits.empty());
    for (const auto& hit : res.hits) {
      INFO(hit.article.path << ": " << hit.snippet.text);
      if (hit.related) continue;  // listed after the matches, without the words
      REQUIRE_FALSE(hit.snippet.highlights.empty());
      for (const auto& span : hit.snippet.highlights) {
        REQUIRE(span.end <= hit.snippet.text.size());
        REQUIRE(span.start < span.end);
        std::string word = lower(hit.snippet.text.substr(span.start, span.end - span.start));
        bool in_query = lower(q).find(stem(word)) != std::string::npos || lower(q).find(word) != std::string::npos ||
                        (q == "turb*" && word.rfind("turb", 0) == 0);
        CHECK(in_query);
      }
      for (char c : hit.snippet.text) CHECK(static_cast<unsigned char>(c) >= 0x20);
    }
  }
}

TEST_CASE("snippets respect --snippet-length roughly and cut at words", "[search][snippets]") {
  Searcher s({Fixture::get().index()});
  for (std::size_t length : {40, 120, 400}) {
    SearchRequest r;
    r.query = "shells";
    r.snippet_length = length;
    auto res = s.search(r);
    REQUIRE_FALSE(res.hits.empty());
    for (const auto& hit : res.hits) CHECK(hit.snippet.text.size() <= length + 40);
  }
}

TEST_CASE("filter-only searches still give a passage", "[search][snippets]") {
  Searcher s({Fixture::get().index()});
  SearchRequest r;
  r.sources = {"Beta Review"};
  auto res = s.search(r);
  REQUIRE_FALSE(res.hits.empty());
  for (const auto& hit : res.hits) CHECK_FALSE(hit.snippet.text.empty());
}

TEST_CASE("words in most documents are not marked beside rarer query words, only where nothing else matched",
          "[search][snippets]") {
  TempDir dir;
  for (int i = 0; i < 12; ++i)
    dir.write("r/" + std::to_string(i) + ".txt",
              "The harbour master said the ships waited in the bay. " +
                  std::string(i % 4 == 0 ? "The barley cargo was held in the hold. " : "") +
                  "The port stayed open in the evening.\n");
  REQUIRE(run_process({index_bin(), dir.path() + "/r", "--index", dir.path() + "/idx", "-q"}).exit_code == 0);
  Searcher s({dir.path() + "/idx"});
  SearchRequest r;
  r.query = "the barley in";
  r.limit = 100;
  r.collapse_duplicates = false;  // the reports are near-copies of each other
  auto res = s.search(r);
  std::size_t with_barley = 0, without = 0;
  for (const auto& hit : res.hits) {
    INFO(hit.article.path << ": " << hit.snippet.text);
    std::set<std::string> marked;
    for (const auto& span : hit.snippet.highlights)
      marked.insert(lower(hit.snippet.text.substr(span.start, span.end - span.start)));
    REQUIRE_FALSE(marked.empty());
    if (marked.count("barley")) {
      ++with_barley;
      CHECK(marked == std::set<std::string>{"barley"});
    } else {
      ++without;  // matched by the common words alone: they are what is marked
      CHECK(marked.count("the") + marked.count("in") > 0);
    }
  }
  CHECK(with_barley == 3);
  CHECK(without == 9);
}

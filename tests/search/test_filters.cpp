// Every filter and range against the fixture's labels, through the library.
#include "fixture.hpp"

#include <dossier/errors.hpp>

#include <catch2/catch.hpp>
#include <xapian.h>

using namespace dossier;
using namespace dossier::test;

namespace {

std::set<std::string> search_paths(const std::string& query, SearchRequest r = {}) {
  Searcher s({Fixture::get().index()});
  r.query = query;
  return hit_paths(s, r);
}

std::size_t exact_total(SearchRequest r) {
  Searcher s({Fixture::get().index()});
  r.exact_total = true;
  r.limit = 0;
  r.collapse_duplicates = false;
  auto res = s.search(r);
  CHECK(res.total_exact);
  return res.total;
}

bool has_stem(const LabelledDoc& d, const std::string& word) {
  Xapian::Stem stem("english");
  for (const auto& w : d.words)
    if (stem(w) == stem(word)) return true;
  return false;
}

}  // namespace

TEST_CASE("source: and --source match the labels (any of several)", "[search][filters]") {
  const auto& f = Fixture::get();
  for (const std::string source : {"Alpha Desk", "Beta Review", "Gamma Wire"}) {
    INFO(source);
    auto expected = f.paths_where([&](const LabelledDoc& d) { return d.source == source; });
    REQUIRE_FALSE(expected.empty());
    CHECK(search_paths("source:\"" + source + "\"") == expected);
    SearchRequest r;
    r.sources = {source};
    CHECK(search_paths("", r) == expected);
    CHECK(exact_total(r) == expected.size());
  }
  SearchRequest both;
  both.sources = {"Alpha Desk", "gamma wire"};
  auto expected = f.paths_where([](const LabelledDoc& d) { return d.source == "Alpha Desk" || d.source == "Gamma Wire"; });
  CHECK(search_paths("", both) == expected);
  CHECK(search_paths("source:\"Alpha Desk\" source:\"Gamma Wire\"") == expected);
}

TEST_CASE("actor: and --actor match the labels (all of several)", "[search][filters]") {
  const auto& f = Fixture::get();
  for (const std::string actor : {"North Korea", "Russia", "Ukraine", "China", "Vladimir Putin"}) {
    INFO(actor);
    auto expected = f.paths_where([&](const LabelledDoc& d) { return d.actors.count(actor) > 0; });
    REQUIRE_FALSE(expected.empty());
    CHECK(search_paths("actor:\"" + actor + "\"") == expected);
    SearchRequest r;
    r.actors = {actor};
    CHECK(search_paths("", r) == expected);
  }
  auto both = f.paths_where([](const LabelledDoc& d) { return d.actors.count("Russia") && d.actors.count("Ukraine"); });
  REQUIRE_FALSE(both.empty());
  SearchRequest r;
  r.actors = {"Russia", "Ukraine"};
  CHECK(search_paths("", r) == both);
  CHECK(search_paths("actor:Russia actor:Ukraine") == both);
}

TEST_CASE("aliases: DPRK, actor:DPRK and actor:\"North Korea\" find the same documents", "[search][aliases]") {
  const auto& f = Fixture::get();
  auto expected = f.paths_where([](const LabelledDoc& d) { return d.actors.count("North Korea") > 0; });
  REQUIRE(expected.size() > 8);
  CHECK(search_paths("actor:\"North Korea\"") == expected);
  CHECK(search_paths("actor:DPRK") == expected);
  CHECK(search_paths("DPRK") == expected);
  CHECK(search_paths("\"North Korea\"") == expected);
  CHECK(search_paths("North Korea") == expected);
  CHECK(search_paths("Pyongyang") == expected);
  SearchRequest r;
  r.actors = {"DPRK"};
  CHECK(search_paths("", r) == expected);
  auto putin = f.paths_where([](const LabelledDoc& d) { return d.actors.count("Vladimir Putin") > 0; });
  CHECK(search_paths("Putin") == putin);
  CHECK(search_paths("actor:Putin") == putin);
}

TEST_CASE("date ranges, partial dates, years and --since/--until match the labels", "[search][dates]") {
  const auto& f = Fixture::get();
  struct Case {
    std::string query, lo, hi;
  };
  const std::vector<Case> cases = {
      {"date:2024-06-01..2024-06-30", "2024-06-01", "2024-06-30"},
      {"date:2024-06..", "2024-06-01", "9999-12-31"},
      {"date:..2023-05", "0000-01-01", "2023-05-31"},
      {"date:2023-02..2023-04", "2023-02-01", "2023-04-30"},
      {"date:2024-02", "2024-02-01", "2024-02-29"},
      {"year:2024", "2024-01-01", "2024-12-31"},
      {"year:2023", "2023-01-01", "2023-12-31"},
      {"date:20230301..20230915", "2023-03-01", "2023-09-15"},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    auto expected = f.paths_where([&](const LabelledDoc& d) { return d.date >= c.lo && d.date <= c.hi; });
    REQUIRE_FALSE(expected.empty());
    CHECK(search_paths(c.query) == expected);
    SearchRequest r;
    r.query = c.query;
    CHECK(exact_total(r) == expected.size());
  }
  SearchRequest r;
  r.since = "2023-07";
  r.until = "2024-02-10";
  auto expected = f.paths_where([](const LabelledDoc& d) { return d.date >= "2023-07-01" && d.date <= "2024-02-10"; });
  CHECK(search_paths("", r) == expected);
  r.since = "2024";
  r.until = "";
  CHECK(search_paths("", r) == f.paths_where([](const LabelledDoc& d) { return d.date >= "2024-01-01"; }));
}

TEST_CASE("format: and words combine with filters as the labels say", "[search][filters]") {
  const auto& f = Fixture::get();
  for (const std::string format : {"md", "txt"})
    CHECK(search_paths("format:" + format) == f.paths_where([&](const LabelledDoc& d) { return d.format == format; }));
  // Stemmed: "convoy" also finds "convoys".
  CHECK(search_paths("convoy") == f.paths_where([](const LabelledDoc& d) { return has_stem(d, "convoy"); }));
  CHECK(search_paths("shells actor:Russia year:2024") == f.paths_where([](const LabelledDoc& d) {
    return has_stem(d, "shells") && d.actors.count("Russia") && d.date.compare(0, 4, "2024") == 0;
  }));
  CHECK(search_paths("tanker AND grain") ==
        f.paths_where([](const LabelledDoc& d) { return has_stem(d, "tanker") && has_stem(d, "grain"); }));
  CHECK(search_paths("tanker OR grain") ==
        f.paths_where([](const LabelledDoc& d) { return has_stem(d, "tanker") || has_stem(d, "grain"); }));
  CHECK(search_paths("tanker NOT grain") ==
        f.paths_where([](const LabelledDoc& d) { return has_stem(d, "tanker") && !has_stem(d, "grain"); }));
  CHECK(search_paths("+tanker -grain") ==
        f.paths_where([](const LabelledDoc& d) { return has_stem(d, "tanker") && !has_stem(d, "grain"); }));
  CHECK(search_paths("tanker -format:md") ==
        f.paths_where([](const LabelledDoc& d) { return has_stem(d, "tanker") && d.format != "md"; }));
  CHECK(search_paths("turb*") == f.paths_where([](const LabelledDoc& d) { return d.words.count("turbine") > 0; }));
  CHECK(search_paths("title:report") == f.paths_where([](const LabelledDoc&) { return true; }));
}

TEST_CASE("filters that cannot mean anything are query errors", "[search][errors]") {
  Searcher s({Fixture::get().index()});
  for (const std::string q : {"date:2024-13", "date:2024-02-30", "year:20x4", "date:..", "date:2024-06..2024-01"}) {
    INFO(q);
    SearchRequest r;
    r.query = q;
    CHECK_THROWS_AS(s.search(r), QueryError);
  }
  SearchRequest r;
  r.since = "yesterday";
  CHECK_THROWS_AS(s.search(r), QueryError);
  r = {};
  r.query = "shells";
  r.facets = {"colour"};
  CHECK_THROWS_AS(s.search(r), QueryError);
}

TEST_CASE("paging: offset and limit slice the same ranking", "[search][paging]") {
  Searcher s({Fixture::get().index()});
  SearchRequest all;
  all.query = "shells tanker grain";
  all.limit = 20;
  auto full = s.search(all);
  REQUIRE(full.hits.size() >= 8);
  SearchRequest page = all;
  page.offset = 3;
  page.limit = 4;
  auto part = s.search(page);
  REQUIRE(part.hits.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(part.hits[i].article.id == full.hits[i + 3].article.id);
    CHECK(part.hits[i].rank == i + 4);
  }
}

TEST_CASE("sorting by date: newest and oldest first", "[search][sort]") {
  Searcher s({Fixture::get().index()});
  for (auto order : {SortOrder::newest, SortOrder::oldest}) {
    SearchRequest r;
    r.query = "shells";
    r.sort = order;
    r.limit = 100;
    auto res = s.search(r);
    REQUIRE(res.hits.size() > 3);
    for (std::size_t i = 1; i < res.hits.size(); ++i) {
      const auto &a = res.hits[i - 1].article.date, &b = res.hits[i].article.date;
      if (order == SortOrder::newest) CHECK(a >= b);
      else CHECK(a <= b);
    }
  }
  SearchRequest recent;
  recent.query = "shells";
  recent.sort = SortOrder::recent;
  recent.limit = 100;
  SearchRequest plain = recent;
  plain.sort = SortOrder::relevance;
  CHECK(hit_paths(s, recent) == hit_paths(s, plain));  // the boost reorders, never filters
}

TEST_CASE("related documents come after every match, marked, without the words; --no-related leaves them out",
          "[search][related]") {
  const auto& f = Fixture::get();
  Searcher s({f.index()});
  std::size_t queries_with_related = 0;
  for (const std::string word : {"turbine", "tanker", "refinery", "convoy"}) {
    INFO(word);
    SearchRequest r;
    r.query = word;
    r.limit = 100;
    r.collapse_duplicates = false;
    auto res = s.search(r);
    auto matches = f.paths_where([&](const LabelledDoc& d) { return has_stem(d, word); });
    std::set<std::string> listed_matches, listed_related;
    bool seen_related = false;
    for (const auto& hit : res.hits) {
      if (hit.related) {
        seen_related = true;
        listed_related.insert(hit.article.path);
      } else {
        CHECK_FALSE(seen_related);  // no match after a related document
        listed_matches.insert(hit.article.path);
      }
    }
    CHECK(listed_matches == matches);
    CHECK(res.total == matches.size());  // related documents are not counted
    for (const auto& path : listed_related) CHECK(matches.count(path) == 0);
    if (!listed_related.empty()) ++queries_with_related;

    r.related = false;
    for (const auto& hit : s.search(r).hits) CHECK_FALSE(hit.related);
    CHECK(hit_paths(s, r) == matches);
  }
  CHECK(queries_with_related > 0);
}

TEST_CASE("related documents page on from the matches", "[search][related]") {
  Searcher s({Fixture::get().index()});
  SearchRequest all;
  all.query = "turbine";
  all.limit = 100;
  all.collapse_duplicates = false;
  auto whole = s.search(all);
  REQUIRE(whole.hits.size() >= 4);
  for (std::size_t offset = 1; offset + 2 <= whole.hits.size(); offset += 2) {
    SearchRequest page = all;
    page.offset = offset;
    page.limit = 2;
    auto part = s.search(page);
    REQUIRE(part.hits.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
      CHECK(part.hits[i].article.path == whole.hits[offset + i].article.path);
      CHECK(part.hits[i].related == whole.hits[offset + i].related);
      CHECK(part.hits[i].rank == offset + i + 1);
    }
  }
}

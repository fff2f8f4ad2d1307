#include <catch2/catch.hpp>

#include "corpus_index.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

using namespace dossier;
using namespace dossier::test;

namespace {

std::size_t corpus_report_count() {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(corpus_dir())) {
    auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".md" || ext == ".txt") && e.path().filename() != "README.md") ++n;
  }
  return n;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

TEST_CASE("the corpus is indexed whole, once", "[corpus]") {
  auto& index = CorpusIndex::get();
  CHECK(index.report.added == corpus_report_count());
  CHECK(index.report.skipped == 0);
  Searcher searcher({index.path});
  CHECK(searcher.document_count() == corpus_report_count());
}

TEST_CASE("ranking puts the reports about the query first", "[corpus][ranking]") {
  auto r = search("North Korean artillery shells");
  REQUIRE(r.hits.size() >= 3);
  for (std::size_t i = 0; i < 3; ++i) {
    INFO(r.hits[i].article.title);
    std::string text = lower(r.hits[i].article.title + " " + r.hits[i].snippet.text);
    CHECK(text.find("shell") != std::string::npos);
  }
  for (std::size_t i = 1; i < r.hits.size(); ++i) CHECK(r.hits[i - 1].score >= r.hits[i].score);
  CHECK(r.hits.front().rank == 1);
}

TEST_CASE("every hit's snippet highlights query words, stemmed forms included", "[corpus][snippet]") {
  auto r = search("shell");  // the index has "shells": the stem must match
  REQUIRE(r.total >= 3);
  for (const auto& hit : r.hits) {
    INFO(hit.article.title);
    if (hit.related) continue;  // they have none of the words, by definition
    REQUIRE_FALSE(hit.snippet.highlights.empty());
    for (const auto& span : hit.snippet.highlights) {
      REQUIRE(span.end <= hit.snippet.text.size());
      CHECK(lower(highlighted(hit.snippet, span)).rfind("shell", 0) == 0);
    }
  }
}

TEST_CASE("declared metadata comes back with every hit", "[corpus][metadata]") {
  auto r = search("title:Vostochny");
  REQUIRE(r.hits.size() == 1);
  const Article& a = r.hits[0].article;
  CHECK(a.source == "Tessellate Strategic Review");
  CHECK(a.date == "2024-08-27");
  CHECK(a.format == "md");
  CHECK(std::find(a.actors.begin(), a.actors.end(), "North Korea") != a.actors.end());
  CHECK(a.origins.at("source") == FieldOrigin::declared);
  CHECK(a.path.find("/corpus/tessellate/") != std::string::npos);
}

TEST_CASE("field filters narrow results", "[corpus][filters]") {
  auto all = search("shells", 100);
  auto kestrel = search("shells source:\"Kestrel Ridge Daily Assessment\"", 100);
  REQUIRE(kestrel.total > 0);
  CHECK(kestrel.total < all.total);
  for (const auto& h : kestrel.hits) CHECK(h.article.source == "Kestrel Ridge Daily Assessment");

  auto june = search("shells date:2024-06-01..2024-06-30", 100);
  REQUIRE(june.total > 0);
  for (const auto& h : june.hits) CHECK(h.article.date.rfind("2024-06", 0) == 0);
}

TEST_CASE("actor filters accept aliases", "[corpus][actors]") {
  auto canonical = search("actor:\"North Korea\"", 100);
  auto alias = search("actor:DPRK", 100);
  REQUIRE(canonical.total > 0);
  CHECK(alias.total == canonical.total);
  for (const auto& h : alias.hits)
    CHECK(std::find(h.article.actors.begin(), h.article.actors.end(), "North Korea") != h.article.actors.end());
}

TEST_CASE("documents without metadata get inferred fields, marked as inferred", "[corpus][metadata]") {
  auto r = search("Najin containers");
  REQUIRE_FALSE(r.hits.empty());
  const Article& a = r.hits[0].article;
  CHECK(a.format == "txt");
  CHECK(a.date == "2024-08-05");
  CHECK(a.origins.at("date") == FieldOrigin::text);
  CHECK(a.origins.at("title") == FieldOrigin::text);
  CHECK_FALSE(a.title.empty());
}

TEST_CASE("an unknown word matches nothing", "[corpus]") {
  auto r = search("zzyzxqwv");
  CHECK(r.total == 0);
  CHECK(r.hits.empty());
}

// --path-pattern: matching and the fields taken from paths.
#include <catch2/catch.hpp>

#include "path_pattern.hpp"

#include <dossier/errors.hpp>

using namespace dossier;

TEST_CASE("path patterns take fields from folder and file names", "[path-pattern]") {
  struct Row {
    const char* pattern;
    const char* path;
    bool matches;
    const char* source;
    int year;
    const char* country;
  };
  const Row rows[] = {
      {"Session */{country}_*_{year}.txt", "Session 79 - 2024/UKR_79_2024.txt", true, "", 2024, "UKR"},
      {"Session */{country}_*_{year}.txt", "deep/er/Session 70 - 2015/EU_70_2015.txt", true, "", 2015, "EU"},
      {"Session */{country}_*_{year}.txt", "Session 79 - 2024/UKR_79_24.txt", false, "", 0, ""},  // not 4 digits
      {"Session */{country}_*_{year}.txt", "UKR_79_2024.txt", false, "", 0, ""},
      {"{source}/*", "Reuters/2024/a.txt", true, "2024", 0, ""},  // the file's own folder
      {"/{source}/**", "Reuters/2024/a.txt", true, "Reuters", 0, ""},  // anchored: the top folder
      {"/{source}/*", "Reuters/2024/a.txt", false, "", 0, ""},
      {"**/{year}/*.md", "x/y/2023/notes.md", true, "", 2023, ""},
      {"{source}/{year}-?\?-?\?_*", "Wire/2024-06-18_brief.pdf", true, "Wire", 2024, ""},
      {"*.txt", "a/b.md", false, "", 0, ""},
  };
  for (const auto& row : rows) {
    INFO(row.pattern << " on " << row.path);
    PathPattern pattern(row.pattern);
    auto fields = pattern.match(row.path);
    REQUIRE(fields.has_value() == row.matches);
    if (!fields) continue;
    CHECK(fields->source == row.source);
    CHECK(fields->year.value_or(0) == row.year);
    if (*row.country) {
      REQUIRE(fields->countries.size() == 1);
      CHECK(fields->countries[0] == row.country);
    } else {
      CHECK(fields->countries.empty());
    }
  }
}

TEST_CASE("path patterns: dates, titles and several actors", "[path-pattern]") {
  PathPattern dated("{date}-{title}.md");
  auto f = dated.match("briefs/2024-06-18-Kremlin_visit.md");
  REQUIRE(f);
  REQUIRE(f->date);
  CHECK(f->date->iso() == "2024-06-18");
  CHECK(f->year == 2024);
  CHECK(f->title == "Kremlin visit");

  PathPattern actors("{actor}+{actor}/*");
  auto a = actors.match("Russia+China/x.txt");
  REQUIRE(a);
  CHECK(a->actors == std::vector<std::string>{"Russia", "China"});

  PathPatterns list({"nomatch/{source}/*", "{source}/*"});
  auto first = list.match("/data/root/Desk/a.txt", "/data/root");
  REQUIRE(first);
  CHECK(first->source == "Desk");
  CHECK_FALSE(list.match("/data/root/a.txt", "/data/root"));  // the root's own name is not a field
}

TEST_CASE("bad path patterns are refused with a message", "[path-pattern]") {
  for (const char* bad : {"", "{nosuchfield}/*", "{source/*", "a**b/*", "}x"}) {
    INFO(bad);
    CHECK_THROWS_AS(PathPattern(bad), InvalidArgument);
  }
}

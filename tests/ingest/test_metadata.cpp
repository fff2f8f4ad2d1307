// Metadata precedence: what a document declares wins, otherwise inferred, and
// the index records how each field was found.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <utime.h>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace dossier;
using namespace dossier::test;

namespace {

struct Indexed {
  TempDir dir;
  std::string folder;
  std::string index;
  using Files = std::map<std::string, std::string>;
  explicit Indexed(const Files& files) {
    for (const auto& [name, content] : files) dir.write("in/" + name, content);
    folder = std::filesystem::canonical(dir.path() + "/in").string();
    index = dir.path() + "/index";
  }
  IndexReport run(IndexerOptions options = {}) {
    Indexer indexer(index, std::move(options));
    return indexer.add_folder(folder);
  }
  Article doc(const std::string& name) {
    Searcher searcher({index});
    auto a = searcher.document(folder + "/" + name);
    if (!a) FAIL("no document for " << name);
    return *a;
  }
};

FieldOrigin origin(const Article& a, const std::string& field) {
  auto it = a.origins.find(field);
  return it == a.origins.end() ? FieldOrigin::none : it->second;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

void set_mtime(const std::string& path, long long seconds) {
  struct utimbuf t {static_cast<time_t>(seconds), static_cast<time_t>(seconds)};
  REQUIRE(::utime(path.c_str(), &t) == 0);
}

}  // namespace

TEST_CASE("title: declared, else path, else first heading, else first sentence", "[metadata][title]") {
  Indexed in({{"declared.md", "---\ntitle: Declared title\n---\n# A heading\nBody text.\n"},
              {"heading.md", "# The heading\n\nBody text here.\n"},
              {"sentence.txt", "This first sentence is long enough to be a title. Then more follows.\n"},
              {"titles/Weekly_roundup.txt", "no heading. just text without a headline line at all.\n"},
              {"emphasis.txt", "**Mr President,**\n\nWe meet again this year.\n"}});
  IndexerOptions options;
  options.path_patterns = {"titles/{title}.txt"};
  REQUIRE(in.run(options).skipped == 0);

  auto declared = in.doc("declared.md");
  CHECK(declared.title == "Declared title");
  CHECK(origin(declared, "title") == FieldOrigin::declared);
  auto heading = in.doc("heading.md");
  CHECK(heading.title == "The heading");
  CHECK(origin(heading, "title") == FieldOrigin::text);
  auto sentence = in.doc("sentence.txt");
  CHECK(sentence.title == "This first sentence is long enough to be a title.");
  CHECK(origin(sentence, "title") == FieldOrigin::text);
  CHECK(in.doc("emphasis.txt").title == "Mr President,");  // Markdown emphasis is not part of a title
  auto from_path = in.doc("titles/Weekly_roundup.txt");
  CHECK(from_path.title == "Weekly roundup");
  CHECK(origin(from_path, "title") == FieldOrigin::path);
}

TEST_CASE("date: declared, path, text (with --year), path year, file name, file time", "[metadata][date]") {
  Indexed in({{"declared.md", "---\ndate: 18 June 2024\n---\nWritten on 2020-01-01.\n"},
              {"text.txt", "Kyiv, June 18, 2024 - talks resumed.\n"},
              {"yearless.txt", "On June 17 the talks resumed.\n"},
              {"own-year.txt", "On Jun. 17 the talks resumed, as in 2021 and 2023.\n"},
              {"2024-03-05-brief.txt", "No date in this text.\n"},
              {"undated.txt", "No date in this text either.\n"},
              {"dated/2019-11-09/a.txt", "A date of 1 May 2001 in the text.\n"},
              {"years/2023/b.txt", "Mentions 5 May 2001 first, then 7 October 2023.\n"},
              {"years/2022/c.txt", "Mentions only 5 May 2001.\n"}});
  set_mtime(in.folder + "/undated.txt", 1700000000);  // 2023-11-14
  set_mtime(in.folder + "/yearless.txt", 1700000000);
  IndexerOptions options;
  options.year = 2023;
  options.path_patterns = {"dated/{date}/*", "years/{year}/*"};
  REQUIRE(in.run(options).skipped == 0);

  auto check = [&](const std::string& name, const std::string& date, FieldOrigin o) {
    INFO(name);
    auto a = in.doc(name);
    CHECK(a.date == date);
    CHECK(origin(a, "date") == o);
  };
  check("declared.md", "2024-06-18", FieldOrigin::declared);
  check("text.txt", "2024-06-18", FieldOrigin::text);
  check("yearless.txt", "2023-06-17", FieldOrigin::text);  // --year
  check("own-year.txt", "2023-06-17", FieldOrigin::text);  // --year wins over the text's years
  check("2024-03-05-brief.txt", "2024-03-05", FieldOrigin::path);
  check("undated.txt", "2023-11-14", FieldOrigin::file_time);
  check("dated/2019-11-09/a.txt", "2019-11-09", FieldOrigin::path);
  check("years/2023/b.txt", "2023-10-07", FieldOrigin::text);  // the text's date of the path's year
  check("years/2022/c.txt", "2022", FieldOrigin::path);  // only the year is known, and shown as such
}

TEST_CASE("date: a year alone stays a year, shown and filtered as one", "[metadata][date]") {
  Indexed in({{"declared.md", "---\ndate: 2019\n---\nA declared year and no date in the text.\n"},
              {"Session 72 - 2017/plain.txt", "A speech dated only by its session's year.\n"},
              {"day.md", "---\ndate: 2017-01-05\n---\nA day in January.\n"}});
  auto report = in.run();
  REQUIRE(report.skipped == 0);
  CHECK(report.problems.empty());  // "2019" is understood, not warned about
  CHECK(in.doc("declared.md").date == "2019");
  CHECK(origin(in.doc("declared.md"), "date") == FieldOrigin::declared);
  CHECK(in.doc("Session 72 - 2017/plain.txt").date == "2017");

  Searcher searcher({in.index});
  auto names = [&](const std::string& query, const std::string& since = "", const std::string& until = "") {
    SearchRequest r;
    r.query = query;
    r.since = since;
    r.until = until;
    r.collapse_duplicates = false;
    std::set<std::string> out;
    for (const auto& h : searcher.search(r).hits) out.insert(h.article.path.substr(in.folder.size() + 1));
    return out;
  };
  const std::string speech = "Session 72 - 2017/plain.txt";
  CHECK(names("date:2017") == std::set<std::string>{speech, "day.md"});
  CHECK(names("year:2017") == std::set<std::string>{speech, "day.md"});
  CHECK(names("date:2017-01") == std::set<std::string>{"day.md"});  // not known to be January
  CHECK(names("", "2017", "2017") == std::set<std::string>{speech, "day.md"});
  CHECK(names("", "2017-02") == std::set<std::string>{"declared.md"});
  CHECK(names("", "", "2016").empty());
  CHECK(names("date:2018..2019") == std::set<std::string>{"declared.md"});
}

TEST_CASE("date: a year-less date takes the text's own year, else the file's year", "[metadata][date]") {
  Indexed in({{"own.txt", "On June 17 officials met; the 2022 accord was cited.\n"},
              {"file-year.txt", "On June 17 officials met.\n"}});
  set_mtime(in.folder + "/file-year.txt", 1600000000);  // 2020-09-13
  REQUIRE(in.run().skipped == 0);
  CHECK(in.doc("own.txt").date == "2022-06-17");
  CHECK(in.doc("file-year.txt").date == "2020-06-17");
  CHECK(origin(in.doc("file-year.txt"), "date") == FieldOrigin::text);
}

TEST_CASE("source: declared, site name, URL domain, path, --source, else unknown", "[metadata][source]") {
  Indexed in({{"declared.md", "---\nsource: Declared Wire\nurl: https://other.example/x\n---\ntext\n"},
              {"site.html", "<html><head><meta property=\"og:site_name\" content=\"Site Name\"></head><body>x</body></html>"},
              {"url.json", R"({"title": "t", "body": "b", "url": "https://www.news.example.org/a/b"})"},
              {"Desk One/report.txt", "path source\n"},
              {"loose.txt", "run source\n"}});
  IndexerOptions options;
  options.path_patterns = {"/{source}/*.txt"};
  options.source = "Run Source";
  REQUIRE(in.run(options).skipped == 0);

  auto check = [&](const std::string& name, const std::string& source, FieldOrigin o) {
    INFO(name);
    auto a = in.doc(name);
    CHECK(a.source == source);
    CHECK(origin(a, "source") == o);
  };
  check("declared.md", "Declared Wire", FieldOrigin::declared);
  check("site.html", "Site Name", FieldOrigin::declared);
  check("url.json", "news.example.org", FieldOrigin::declared);
  check("Desk One/report.txt", "Desk One", FieldOrigin::path);
  check("loose.txt", "Run Source", FieldOrigin::run);

  Indexed bare(Indexed::Files{{"x.txt", "no source anywhere\n"}});
  REQUIRE(bare.run().skipped == 0);
  CHECK(bare.doc("x.txt").source.empty());
  CHECK(origin(bare.doc("x.txt"), "source") == FieldOrigin::none);
}

TEST_CASE("actors: declared names go through aliases, path codes become countries", "[metadata][actors]") {
  Indexed in({{"declared.md", "---\nactors: [DPRK, Putin, Some Unknown Body]\n---\nNo names in the text.\n"},
              {"Session 79 - 2024/UKR_79_2024.txt", "We thank our partners.\n"},
              {"found.txt", "The Kremlin and NATO traded words.\n"}});
  IndexerOptions options;
  options.path_patterns = {"Session */{country}_*_{year}.txt"};
  REQUIRE(in.run(options).skipped == 0);

  auto declared = in.doc("declared.md");
  CHECK(declared.actors == std::vector<std::string>{"North Korea", "Some Unknown Body", "Vladimir Putin"});
  CHECK(origin(declared, "actors") == FieldOrigin::declared);
  auto path = in.doc("Session 79 - 2024/UKR_79_2024.txt");
  CHECK(path.actors == std::vector<std::string>{"Ukraine"});
  CHECK(origin(path, "actors") == FieldOrigin::path);
  CHECK(path.date == "2024");
  auto found = in.doc("found.txt");
  CHECK(has(found.actors, "Russia"));
  CHECK(has(found.actors, "NATO"));
  CHECK(origin(found, "actors") == FieldOrigin::text);
}

TEST_CASE("dossier-search --json shows how each field was found", "[metadata][cli]") {
  Indexed in(Indexed::Files{{"r.md", "---\ntitle: Declared\n---\nZanzibar talks on June 18.\n"}});
  auto indexed = run_process({index_bin(), in.folder, "--index", in.index, "--year", "2024", "--source", "Desk", "-q"});
  REQUIRE(indexed.exit_code == 0);
  auto found = run_process({search_bin(), "zanzibar", "--index", in.index, "--json"});
  REQUIRE(found.exit_code == 0);
  auto j = nlohmann::json::parse(found.out);
  REQUIRE(j["hits"].size() == 1);
  const auto& from = j["hits"][0]["fields_from"];
  CHECK(from["title"] == "declared");
  CHECK(from["date"] == "text");
  CHECK(from["source"] == "run");
  CHECK(j["hits"][0]["date"] == "2024-06-18");
}

TEST_CASE("date: a year standing alone in the file or folder names beats the file's time", "[metadata][date]") {
  Indexed in({{"Session 72 - 2017/FSM_72_2017.txt", "The speech mentions 1 May 2001 only.\n"},
              {"Session 72 - 2017/plain.txt", "No date here.\n"},
              {"2019/q3/brief.md", "On 12 August 2019 the talks resumed.\n"},
              {"vol12345/notes.txt", "No date here either.\n"},
              {"2021/2024-03-05-brief.txt", "No date in this text.\n"}});
  for (const char* f : {"/Session 72 - 2017/FSM_72_2017.txt", "/Session 72 - 2017/plain.txt", "/vol12345/notes.txt"})
    set_mtime(in.folder + f, 1700000000);  // 2023-11-14
  REQUIRE(in.run().skipped == 0);
  auto check = [&](const std::string& name, const std::string& date, FieldOrigin o) {
    INFO(name);
    auto a = in.doc(name);
    CHECK(a.date == date);
    CHECK(origin(a, "date") == o);
  };
  check("Session 72 - 2017/FSM_72_2017.txt", "2017", FieldOrigin::path);  // 2001 is only mentioned
  check("Session 72 - 2017/plain.txt", "2017", FieldOrigin::path);        // from the folder
  check("2019/q3/brief.md", "2019-08-12", FieldOrigin::text);                   // the text's date of that year
  check("vol12345/notes.txt", "2023-11-14", FieldOrigin::file_time);            // 2345 is part of a number
  check("2021/2024-03-05-brief.txt", "2024-03-05", FieldOrigin::path);          // a whole date in the name wins
}

// Each format's reader on small fixtures, then a folder of every format indexed
// and read back through the Searcher.
#include <catch2/catch.hpp>

#include "pdf_fixture.hpp"
#include "readers/child_process.hpp"
#include "readers/reader.hpp"
#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <algorithm>

using namespace dossier;
using namespace dossier::test;

namespace {

ReadOutcome read(std::string_view format, std::string_view bytes,
                 const std::map<std::string, std::string>* field_map = nullptr) {
  ReaderContext context{"fixture", field_map};
  return read_document(format, bytes, context);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

bool has_actor(const std::vector<std::string>& actors, const std::string& name) {
  return std::find(actors.begin(), actors.end(), name) != actors.end();
}

const char* const kPage = R"(<!DOCTYPE html>
<html><head>
<title>Kremlin courts Pyongyang</title>
<meta charset="utf-8">
<meta name="author" content="Jane Analyst">
<meta name="description" content="A summary naming Jens Stoltenberg.">
<meta name="keywords" content="Russia, North Korea">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="OG title">
<meta property="article:published_time" content="2024-06-18T09:30:00Z">
<link rel="canonical" href="https://www.ledger.example/kremlin">
<style>body { color: red } .zebrastyle {}</style>
<script>var trackingPixel = "zebrascript";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World zebranav</a></nav>
<header><h1>Kremlin courts Pyongyang</h1></header>
<article><p>Putin &amp; Kim met in <b>Pyongyang</b>.</p><p>Second&nbsp;paragraph here.</p></article>
<aside>Related zebraaside stories</aside>
<footer>Copyright zebrafooter</footer>
<noscript>Enable zebranoscript</noscript>
</body></html>)";

}  // namespace

TEST_CASE("HTML: title, meta tags and visible text only", "[formats][html]") {
  auto out = read("html", kPage);
  REQUIRE(out.failure_reason.empty());
  REQUIRE(out.records.size() == 1);
  const RawRecord& r = out.records[0];
  CHECK(r.title == "Kremlin courts Pyongyang");
  CHECK(r.heading == "Kremlin courts Pyongyang");
  CHECK(r.site_name == "The Daily Ledger");
  CHECK(r.date == "2024-06-18T09:30:00Z");
  CHECK(r.url == "https://www.ledger.example/kremlin");
  CHECK(r.author == "Jane Analyst");
  CHECK(contains(r.description, "Jens Stoltenberg"));
  CHECK(contains(r.description, "North Korea"));
  CHECK(contains(r.text, "Putin & Kim met in Pyongyang."));
  CHECK(contains(r.text, "paragraph here."));
  for (const char* hidden : {"zebrastyle", "zebrascript", "zebranav", "zebraaside", "zebrafooter", "zebranoscript",
                             "trackingPixel"})
    CHECK_FALSE(contains(r.text, hidden));
  CHECK(out.warnings.empty());
}

TEST_CASE("HTML: a page without <title> uses og:title, a cut-off page is read with a warning", "[formats][html]") {
  auto out = read("html", R"(<html><head><meta property="og:title" content="Only OG"></head><body><p>Body</p></body></html>)");
  REQUIRE(out.records.size() == 1);
  CHECK(out.records[0].title == "Only OG");

  auto cut = read("html", "<html><head><title>Cut</title></head><body><p>Text that stops <b>mid");
  REQUIRE(cut.failure_reason.empty());
  REQUIRE(cut.records.size() == 1);
  CHECK(contains(cut.records[0].text, "Text that stops mid"));
  CHECK_FALSE(cut.warnings.empty());
}

TEST_CASE("JSON: one object, an array, a wrapper object, and field names mapped", "[formats][json]") {
  auto one = read("json", R"({"id": "a1", "headline": "One", "content": "Body one", "published_at": "2024-06-18",
                               "publisher": {"name": "Wire"}, "people": ["Putin"], "countries": "Russia; Ukraine"})");
  REQUIRE(one.failure_reason.empty());
  REQUIRE(one.records.size() == 1);
  CHECK_FALSE(one.multi_record);
  const RawRecord& r = one.records[0];
  CHECK(r.declared_id == "a1");
  CHECK(r.title == "One");
  CHECK(r.text == "Body one");
  CHECK(r.date == "2024-06-18");
  CHECK(r.source == "Wire");
  auto actors = r.actors;
  std::sort(actors.begin(), actors.end());
  CHECK(actors == std::vector<std::string>{"Putin", "Russia", "Ukraine"});

  auto array = read("json", R"([{"_id": 7, "title": "A", "body": "x"}, 5, {"title": "B", "text": "y", "date": 1718668800}])");
  REQUIRE(array.records.size() == 2);
  CHECK(array.multi_record);
  CHECK(array.records[0].declared_id == "7");
  CHECK(array.records[1].date == "2024-06-18");  // a Unix time
  CHECK(array.warnings.size() == 1);               // the 5

  auto wrapped = read("json", R"({"status": "ok", "articles": [{"title": "W1", "body": "b"}, {"title": "W2", "body": "c"}]})");
  REQUIRE(wrapped.records.size() == 2);
  CHECK(wrapped.records[1].title == "W2");

  std::map<std::string, std::string> map = {{"story_html", "body"}, {"kicker", "title"}, {"meta.when", "date"}};
  auto mapped = read("json", R"({"kicker": "Mapped", "story_html": "Mapped body", "meta": {"when": "18 June 2024"},
                                  "title": "loses to the mapped field"})", &map);
  REQUIRE(mapped.records.size() == 1);
  CHECK(mapped.records[0].title == "Mapped");
  CHECK(mapped.records[0].text == "Mapped body");
  CHECK(mapped.records[0].date == "18 June 2024");
}

TEST_CASE("JSONL: one record a line, broken lines are left out with a warning", "[formats][json]") {
  auto out = read("jsonl", "{\"title\": \"L1\", \"text\": \"one\"}\n\n{not json\n{\"title\": \"L3\", \"text\": \"three\"}\n");
  REQUIRE(out.failure_reason.empty());
  CHECK(out.multi_record);
  std::size_t real = std::count_if(out.records.begin(), out.records.end(), [](const RawRecord& r) { return !r.title.empty(); });
  CHECK(real == 2);
  CHECK(out.warnings.size() == 1);

  auto bad = read("jsonl", "nope\nstill nope\n");
  CHECK(bad.failure_reason == "malformed");
  auto bad_json = read("json", "{\"title\": \"unterminated");
  CHECK(bad_json.failure_reason == "malformed");
  CHECK(contains(bad_json.failure_detail, "not valid JSON"));
}

TEST_CASE("CSV: header row, quoted fields with commas, quotes and line breaks", "[formats][csv]") {
  auto out = read("csv",
                  "id,title,body,date,source,actors\r\n"
                  "c1,\"Talks, at last\",\"He said \"\"no\"\".\nThen left.\",2024-06-18,Wire,\"Russia, Ukraine\"\r\n"
                  "c2,Plain,Plain body,,,\r\n");
  REQUIRE(out.failure_reason.empty());
  REQUIRE(out.records.size() == 2);
  const RawRecord& r = out.records[0];
  CHECK(r.declared_id == "c1");
  CHECK(r.title == "Talks, at last");
  CHECK(r.text == "He said \"no\".\nThen left.");
  CHECK(r.date == "2024-06-18");
  CHECK(r.source == "Wire");
  CHECK(r.actors == std::vector<std::string>{"Russia", "Ukraine"});
  CHECK(out.records[1].title == "Plain");

  auto semicolons = read("csv", "titel;text\nEins;\"a;b\"\n");
  std::map<std::string, std::string> map = {{"titel", "title"}};
  semicolons = read("csv", "titel;text\nEins;\"a;b\"\n", &map);
  REQUIRE(semicolons.records.size() == 1);
  CHECK(semicolons.records[0].title == "Eins");
  CHECK(semicolons.records[0].text == "a;b");

  CHECK(read("csv", "a,b,c\n1,2,3\n").failure_reason == "malformed");  // no title or text column
  auto unterminated = read("csv", "title,body\nT,\"never closed\n");
  REQUIRE(unterminated.records.size() == 1);
  CHECK_FALSE(unterminated.warnings.empty());
}

TEST_CASE("PDF: text and the information dictionary through pdftotext", "[formats][pdf]") {
  if (find_program("pdftotext").empty()) {
    WARN("pdftotext not installed: PDF reading not tested");
    CHECK(read("pdf", minimal_pdf("x", "y", "D:20240618")).failure_reason == "pdftotext missing");
    return;
  }
  auto out = read("pdf", minimal_pdf("Putin visited North Korea on June 18 2024", "ISW assessment", "D:20240618120000Z"));
  REQUIRE(out.failure_reason.empty());
  REQUIRE(out.records.size() == 1);
  CHECK(contains(out.records[0].text, "Putin visited North Korea"));
  CHECK(out.records[0].title == "ISW assessment");
  CHECK(out.records[0].author == "Jane Analyst");
  CHECK(out.records[0].date.substr(0, 10) == "2024-06-18");
}

TEST_CASE("PDF: a fake or truncated PDF is skipped with a reason", "[formats][pdf]") {
  auto fake = read("pdf", "this is not a pdf at all");
  CHECK(fake.failure_reason == "malformed");
  CHECK(contains(fake.failure_detail, "not a PDF"));
  if (find_program("pdftotext").empty()) return;
  std::string pdf = minimal_pdf("Some text here", "T", "D:20240618");
  auto truncated = read("pdf", pdf.substr(0, 60));
  CHECK_FALSE(truncated.failure_reason.empty());
  CHECK(truncated.records.empty());
}

TEST_CASE("a folder of every format is indexed and searchable", "[formats][folder]") {
  TempDir dir;
  std::string folder = dir.path() + "/in";
  dir.write("in/page.html", kPage);
  dir.write("in/one.json", R"({"id": "json-1", "title": "Json title", "body": "Quokka report from the JSON file."})");
  dir.write("in/many.jsonl", "{\"title\": \"L1\", \"text\": \"quokka line one\"}\n{\"title\": \"L2\", \"text\": \"quokka line two\"}\n");
  dir.write("in/table.csv", "title,body\nRow one,quokka row one\nRow two,\"quokka, row two\"\n");
  dir.write("in/notes.md", "---\ntitle: >-\n  A title folded\n  over lines\nsource: \"Desk \\\"A\\\"\"\n---\nquokka notes\n");
  dir.write("in/plain.txt", "Plain quokka text.\n");
  bool pdf = !find_program("pdftotext").empty();
  if (pdf) dir.write("in/doc.pdf", minimal_pdf("quokka in a PDF", "Pdf title", "D:20240618"));

  std::string index = dir.path() + "/index";
  {
    Indexer indexer(index);
    auto report = indexer.add_folder(folder);
    CHECK(report.skipped == 0);
    CHECK(report.added == (pdf ? 9u : 8u));
  }
  Searcher searcher({index});
  SearchRequest request;
  request.query = "quokka";
  request.limit = 20;
  request.exact_total = true;
  request.collapse_duplicates = false;
  auto results = searcher.search(request);
  CHECK(results.total == (pdf ? 8u : 7u));

  auto page = searcher.document(folder + "/page.html");
  REQUIRE(page);
  CHECK(page->format == "html");
  CHECK(page->source == "The Daily Ledger");
  CHECK(page->date == "2024-06-18");
  CHECK(has_actor(page->actors, "Vladimir Putin"));
  CHECK(has_actor(page->actors, "Jens Stoltenberg"));  // named only in the description

  auto json = searcher.document("json-1");
  REQUIRE(json);
  CHECK(json->title == "Json title");
  auto line = searcher.document(folder + "/many.jsonl#2");
  REQUIRE(line);
  CHECK(line->title == "L2");
  auto md = searcher.document(folder + "/notes.md");
  REQUIRE(md);
  CHECK(md->title == "A title folded over lines");
  CHECK(md->source == "Desk \"A\"");
  if (pdf) {
    auto doc = searcher.document(folder + "/doc.pdf");
    REQUIRE(doc);
    CHECK(doc->title == "Pdf title");
    CHECK(doc->date == "2024-06-18");
    CHECK(doc->origins.at("date") == FieldOrigin::declared);
  }
}

TEST_CASE("converter child processes are bounded in time and output", "[formats][child]") {
  CHECK(find_program("no-such-converter-here").empty());
  std::string sh = find_program("sh");
  REQUIRE_FALSE(sh.empty());

  ChildLimits quick;
  quick.wall_clock = std::chrono::milliseconds(300);
  auto slow = run_child({sh, "-c", "sleep 20"}, "", quick);
  CHECK(slow.started);
  CHECK(slow.timed_out);

  ChildLimits small;
  small.max_output_bytes = 1000;
  auto chatty = run_child({sh, "-c", "while :; do echo yes; done"}, "", small);
  CHECK(chatty.output_capped);
  CHECK(chatty.out.size() == 1000);

  // Input goes in on stdin; a child that stops reading early does not hurt the writer.
  std::string big(4 * 1024 * 1024, 'x');
  auto head = run_child({sh, "-c", "head -c 10"}, big, ChildLimits{});
  CHECK(head.exit_code == 0);
  CHECK(head.out == "xxxxxxxxxx");
  auto cat = run_child({sh, "-c", "cat"}, "round trip", ChildLimits{});
  CHECK(cat.out == "round trip");
}

// dossier-search end to end: formats, escaping, exit codes, hostile queries.
#include "fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace dossier::test;

namespace {

// Bytes a terminal could act on: C0 controls but newline, DEL, C1 controls.
bool has_control(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;
  }
  return false;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("JSON output keeps the v1 keys and parses", "[search][json]") {
  auto r = Fixture::get().cli({"--json", "--facets", "source,actor,year,month,format", "shells"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"version", "query", "total", "total_exact", "hits", "facets"}) CHECK(j.contains(key));
  CHECK(j["version"] == 1);
  CHECK(j["total_exact"] == true);
  for (const char* field : {"source", "actor", "year", "month", "format"}) CHECK(j["facets"].contains(field));
  REQUIRE_FALSE(j["hits"].empty());
  for (const auto& hit : j["hits"]) {
    for (const char* key : {"rank", "id", "path", "url", "title", "source", "date", "actors", "format", "score",
                            "copies", "fields_from", "snippet"})
      CHECK(hit.contains(key));
    CHECK(hit["snippet"].contains("text"));
    CHECK(hit["snippet"].contains("highlights"));
  }
  // --format json is the same thing
  auto same = Fixture::get().cli({"--format", "json", "--facets", "source,actor,year,month,format", "shells"});
  CHECK(nlohmann::json::parse(same.out) == j);
}

TEST_CASE("JSONL has one hit a line, TREC lines have six fields", "[search][jsonl][trec]") {
  auto r = Fixture::get().cli({"--format", "jsonl", "-n", "5", "shells"});
  REQUIRE(r.exit_code == 0);
  auto lines = lines_of(r.out);
  CHECK(lines.size() == 5);
  for (const auto& line : lines) CHECK(nlohmann::json::parse(line).contains("snippet"));

  TempDir tmp;
  std::string file = tmp.write("watch.tsv", "# a comment\nboats\tshells tanker\n\ngrain\nnada\tzzqqxxnothing\n");
  auto t = Fixture::get().cli({"--queries", file, "--format", "trec", "-n", "3"});
  REQUIRE(t.exit_code == 0);
  auto rows = lines_of(t.out);
  REQUIRE(rows.size() == 6);
  for (const auto& row : rows) {
    std::istringstream in(row);
    std::string qid, q0, docid, rank, score, tag, extra;
    in >> qid >> q0 >> docid >> rank >> score >> tag;
    CHECK((qid == "boats" || qid == "4"));  // unnamed: the line number
    CHECK(q0 == "Q0");
    CHECK(tag == "dossier");
    CHECK_FALSE(in >> extra);
  }
  CHECK(rows[0].rfind("boats Q0 ", 0) == 0);
  CHECK(rows[0].find(" 1 ") != std::string::npos);

  auto jl = Fixture::get().cli({"--queries", file, "--format", "jsonl", "-n", "2"});
  for (const auto& line : lines_of(jl.out)) CHECK(nlohmann::json::parse(line).contains("name"));
  auto text = Fixture::get().cli({"--queries", file, "-n", "1"});
  CHECK(text.out.find("== boats: shells tanker") != std::string::npos);
  CHECK(text.out.find("== nada: zzqqxxnothing") != std::string::npos);
}

TEST_CASE("HTML output is a standalone page with everything escaped", "[search][html]") {
  auto r = SpecialFixture::get().cli({"--format", "html", "-n", "20", "quartermaster"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(r.out.find("</html>") != std::string::npos);
  CHECK(r.out.find("<mark>quartermaster</mark>") != std::string::npos);
  CHECK(r.out.find("&lt;script&gt;") != std::string::npos);
  CHECK(r.out.find("<script") == std::string::npos);
  CHECK(r.out.find("<b>Bold") == std::string::npos);
  CHECK(r.out.find("&lt;b&gt;Bold&lt;/b&gt;") != std::string::npos);
  CHECK(r.out.find("Markup &lt;Desk&gt;") != std::string::npos);
  CHECK_FALSE(has_control(r.out));
  // The query is escaped too.
  auto q = SpecialFixture::get().cli({"--format", "html", "quartermaster <img src=x onerror=alert(1)>"});
  CHECK(q.out.find("<img") == std::string::npos);
}

TEST_CASE("control characters from documents never reach text output", "[search][terminal]") {
  for (const char* colour : {"never", "always"}) {
    auto r = SpecialFixture::get().cli({"--color", colour, "-n", "20", "quartermaster"});
    REQUIRE(r.exit_code == 0);
    std::string visible = r.out;
    // Our own colour sequences are the only escapes allowed.
    for (const char* own : {"\x1b[1;33m", "\x1b[0m", "\x1b[1m", "\x1b[2m"})
      for (std::size_t p; (p = visible.find(own)) != std::string::npos;) visible.erase(p, std::string(own).size());
    CHECK_FALSE(has_control(visible));
    CHECK(r.out.find("\xE2\x80\xAE") == std::string::npos);
  }
  auto piped = SpecialFixture::get().cli({"quartermaster"});
  CHECK(piped.out.find("[[quartermaster]]") != std::string::npos);
  auto no_colour = run_process({search_bin(), "--index", SpecialFixture::get().index(), "quartermaster"},
                               {{"NO_COLOR", "1"}});
  CHECK(no_colour.out.find('\x1b') == std::string::npos);
}

TEST_CASE("exit codes: 0 matched, 1 nothing, 2 usage or impossible filter, 3 index problem", "[search][exit]") {
  const auto& f = Fixture::get();
  CHECK(f.cli({"shells"}).exit_code == 0);
  CHECK(f.cli({"zzqqxxnothing"}).exit_code == 1);
  CHECK(f.cli({}).exit_code == 2);
  CHECK(f.cli({"--sort", "sideways", "shells"}).exit_code == 2);
  for (const std::string bad : {"date:2024-13", "date:2024-02-30..", "year:twenty"}) {
    auto r = f.cli({bad});
    CHECK(r.exit_code == 2);
    CHECK(lines_of(r.err).size() == 1);
  }
  auto facets = f.cli({"--facets", "source,colour", "shells"});
  CHECK(facets.exit_code == 2);
  CHECK(facets.err.find("colour") != std::string::npos);
  CHECK(f.cli({"--since", "2024-13", "shells"}).exit_code == 2);
  CHECK(f.cli({"--like", "/no/such/report.md"}).exit_code == 2);
  TempDir tmp;
  CHECK(run_process({search_bin(), "--index", tmp.path() + "/missing", "shells"}).exit_code == 3);
  tmp.write("not-an-index/file.txt", "hello");
  CHECK(run_process({search_bin(), "--index", tmp.path() + "/not-an-index", "shells"}).exit_code == 3);
}

TEST_CASE("queries the parser rejects fall back to their words with a notice", "[search][fallback]") {
  const auto& f = Fixture::get();
  for (const std::string q : {"shells AND", "\"shells tanker", "shells ..", "(shells OR", "shells NEAR", "AND OR NOT"}) {
    INFO(q);
    auto r = f.cli({"--json", q});
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    REQUIRE_NOTHROW(nlohmann::json::parse(r.out));
    CHECK(lines_of(r.err).size() <= 1);
  }
  auto r = f.cli({"shells AND"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("searched for the words") != std::string::npos);
  auto question = f.cli({"--json", "What did the report say about shells?"});
  CHECK(question.exit_code == 0);
}

TEST_CASE("hostile queries are answered cleanly", "[search][hostile]") {
  const auto& f = Fixture::get();
  std::string huge;
  while (huge.size() < 100 * 1024) huge += "shells tanker grain ";
  std::string binary = "shells \x01\x02\x7f\xff\xfe\xc3\x28 \x1b[2J tanker";
  std::string wildcards = "* ** a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p* q* r* s* t*";
  for (const std::string& q : {huge, binary, wildcards, std::string(5000, '('), std::string(3000, '"'),
                               std::string("date:2024-06..2024-07 ) ( \" :: .."), std::string(200, '*')}) {
    INFO(q.substr(0, 60));
    auto r = f.cli({"--json", q});
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    REQUIRE_NOTHROW(nlohmann::json::parse(r.out));
    CHECK_FALSE(has_control(r.err));
  }
}

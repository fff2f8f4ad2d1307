#include <catch2/catch.hpp>

#include "flat_front_matter.hpp"
#include "front_matter.hpp"
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using dossier::split_front_matter;

TEST_CASE("front matter fields and body are split", "[front_matter]") {
  auto r = split_front_matter(
      "---\ntitle: \"Daily: shells\"\nsource: Kestrel\ndate: 2024-06-21\nactors: [North Korea, Russia]\n---\n# Head\nBody");
  REQUIRE(r.front_matter);
  CHECK(r.error.empty());
  CHECK(r.front_matter->scalars.at("title") == "Daily: shells");
  CHECK(r.front_matter->scalars.at("source") == "Kestrel");
  CHECK(r.front_matter->scalars.at("date") == "2024-06-21");
  CHECK(r.front_matter->actors == std::vector<std::string>{"North Korea", "Russia"});
  CHECK(r.body == "# Head\nBody");
}

TEST_CASE("front matter: YAML block lists, folded titles and escapes", "[front_matter]") {
  auto r = split_front_matter(
      "---\ntitle: >\n  A title folded\n  over lines\nsubtitle: \"tab\\there\"\nactors:\n  - DPRK\n  - Putin\n---\nx");
  REQUIRE(r.front_matter);
  CHECK(r.front_matter->scalars.at("title") == "A title folded over lines");
  CHECK(r.front_matter->scalars.at("subtitle") == "tab\there");
  CHECK(r.front_matter->actors == std::vector<std::string>{"DPRK", "Putin"});
}

TEST_CASE("text without front matter is all body", "[front_matter]") {
  auto r = split_front_matter("Just a report.\n---\nnot a header");
  CHECK_FALSE(r.front_matter);
  CHECK(r.error.empty());
  CHECK(r.body == "Just a report.\n---\nnot a header");
}

TEST_CASE("malformed front matter is reported and nothing is lost", "[front_matter]") {
  SECTION("no closing line") {
    auto r = split_front_matter("---\ntitle: x\nbody text");
    CHECK_FALSE(r.front_matter);
    CHECK_FALSE(r.error.empty());
    CHECK(r.body == "---\ntitle: x\nbody text");
  }
  SECTION("invalid YAML") {
    auto r = split_front_matter("---\ntitle: [unclosed\n---\nbody");
    CHECK_FALSE(r.front_matter);
    CHECK(r.error.find("YAML") != std::string::npos);
  }
}

namespace {

bool same_fields(const dossier::FrontMatter& a, const dossier::FrontMatter& b) {
  return a.scalars == b.scalars && a.actors == b.actors;
}

// The flat reader's fields for `block`, checked against the YAML parser's.
// Returns whether the flat reader took it.
bool flat_agrees_with_yaml(const std::string& block) {
  auto flat = dossier::read_flat_front_matter(block);
  std::string error;
  auto yaml = dossier::read_yaml_front_matter(block, error);
  INFO("block: " << block);
  if (flat) {
    REQUIRE(yaml);
    CHECK(same_fields(*flat, *yaml));
  }
  return flat.has_value();
}

}  // namespace

TEST_CASE("flat front matter is read without the YAML parser, as the parser reads it", "[front_matter]") {
  const char* taken[] = {
      "title: \"BAHIA COCOA REVIEW\"\nsource: Reuters\ndate: 1987-02-26\nactors: [\"El Salvador\", \"United States\"]\n",
      "title: STANDARD OIL <SRD> TO FORM UNIT\nurl: http://example.org/a?b=c\ntime: 12:30\n",
      "Title: Bob's report on \"shells\"\nactors: Russia, Ukraine\n",
      "actors: [North Korea, Russia]\nauthor: [A. Writer, B. Other]\nempty:\n# a comment\n\nsource: 'Kestrel Desk'\n",
      "actors: []\ntags: []\ntitle: Überblick der Lage  \n",
      "countries: \"DPRK, Iran\"\npeople: [ \"  Kim  \" , Putin ]\nid: 42\n",
  };
  for (const char* block : taken) CHECK(flat_agrees_with_yaml(block));

  // Forms the flat reader leaves to the parser (each must be declined, not misread).
  const char* declined[] = {
      "title: >\n  folded\n  lines\n",       // block scalars and continued lines
      "subtitle: \"tab\\there\"\n",          // escapes
      "actors:\n  - DPRK\n",                 // block lists
      "title: a: b\n",                       // a colon inside a plain value
      "title: x # comment\n",                // a trailing comment
      "title: ~\n",                          // null written out
      "title: *anchor\n",                    // aliases, tags, anchors
      "title: !tag x\n",
      "title: one\ntitle: two\n",            // repeated keys
      "actors: [a, , b]\n",                  // an empty item
      "actors: [\"a, b\", c]\n",             // a comma inside a quoted item
      "title:\tx\n",                         // tabs
      "just text\n",                         // not key: value at all
      "",                                    // nothing
      "key:value\n",                         // no space: a plain scalar, not a map
      "title: {a: b}\n",
  };
  for (const char* block : declined) CHECK_FALSE(flat_agrees_with_yaml(block));
}

TEST_CASE("the shipped corpus's front matter reads the same either way", "[front_matter]") {
  std::size_t compared = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dossier::test::corpus_dir())) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.rfind("---\n", 0) != 0) continue;
    std::size_t close = text.find("\n---", 4);
    if (close == std::string::npos) continue;
    flat_agrees_with_yaml(text.substr(4, close - 3));
    ++compared;
  }
  CHECK(compared > 10);
}

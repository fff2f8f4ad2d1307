#include <catch2/catch.hpp>

#include "front_matter.hpp"

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

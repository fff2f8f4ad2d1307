#include <catch2/catch.hpp>

#include "snippet.hpp"

using dossier::snippet_from_marked;

TEST_CASE("marked snippets become text and byte spans", "[snippet]") {
  auto s = snippet_from_marked("Putin met \x01North\x02 \x01Korean\x02 officials &amp; &lt;staff&gt;");
  CHECK(s.text == "Putin met North Korean officials & <staff>");
  REQUIRE(s.highlights.size() == 2);
  CHECK(s.text.substr(s.highlights[0].start, s.highlights[0].end - s.highlights[0].start) == "North");
  CHECK(s.text.substr(s.highlights[1].start, s.highlights[1].end - s.highlights[1].start) == "Korean");
}

TEST_CASE("span offsets are bytes into UTF-8 text", "[snippet]") {
  auto s = snippet_from_marked("Russian\xE2\x80\x93\x01Korean\x02 ties");
  REQUIRE(s.highlights.size() == 1);
  CHECK(s.highlights[0].start == 10);
  CHECK(s.highlights[0].end == 16);
}

TEST_CASE("newlines in snippets become spaces and empty marks vanish", "[snippet]") {
  auto s = snippet_from_marked("line one\nline\x01\x02 two");
  CHECK(s.text == "line one line two");
  CHECK(s.highlights.empty());
}

#include <catch2/catch.hpp>

#include "snippet.hpp"

#include <string>
#include <vector>

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

TEST_CASE("SnippetMaker reads words as Xapian does around ASCII and other letters", "[snippet]") {
  // The tokenizer has a fast path for ASCII: words must still end and begin
  // at the same places next to apostrophes, digits and non-ASCII letters.
  struct Case {
    std::string text, word;
    std::vector<std::string> marked;
  };
  const std::vector<Case> cases = {
      {"Korea's army", "korea's", {"Korea's"}},
      {"Korea\xE2\x80\x99s army", "korea's", {"Korea\xE2\x80\x99s"}},
      {"it's here", "it", {}},
      {"na\xC3\xAFve caf\xC3\xA9-goers", "na\xC3\xAFve", {"na\xC3\xAFve"}},
      {"na\xC3\xAFve caf\xC3\xA9-goers", "caf\xC3\xA9", {"caf\xC3\xA9"}},
      {"x1 abc123def abc", "abc123def", {"abc123def"}},
      {"end.Kirkuk,oil Kirkuk's", "kirkuk", {"Kirkuk"}},
      {"\xC3\xBCmlaut \xC3\x9C" "ber \xC3\xBC" "ber", "\xC3\xBC" "ber", {"\xC3\x9C" "ber", "\xC3\xBC" "ber"}},
      {"trailing'", "trailing", {"trailing"}},
  };
  for (const auto& c : cases) {
    INFO("text: " << c.text << " word: " << c.word);
    dossier::HighlightTerms terms;
    terms.words.insert(c.word);
    dossier::SnippetMaker maker(terms, Xapian::Stem());
    const dossier::Snippet s = maker.make(c.text, 200);
    std::vector<std::string> marked;
    for (const auto& h : s.highlights) marked.push_back(s.text.substr(h.start, h.end - h.start));
    CHECK(marked == c.marked);
  }
}

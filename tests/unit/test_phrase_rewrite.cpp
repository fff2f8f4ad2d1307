// Phrases on an index whose commonest function words have no positions
// (schema::kStemsOnlyNoStopPositionsScheme).
#include <catch2/catch.hpp>

#include "gazetteer.hpp"
#include "query_builder.hpp"
#include "query_rewriter.hpp"
#include "schema.hpp"

#include <xapian.h>

using namespace dossier;

namespace {

Xapian::Query phrase(std::vector<std::string> terms) {
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
}

}  // namespace

TEST_CASE("the positionless words are stems of a few function words, not of content words", "[phrase]") {
  for (const char* stem : {"the", "of", "to", "and", "a", "in", "is", "for", "on", "it"})
    CHECK(schema::positionless_stem(stem));
  for (const char* stem : {"us", "bank", "nation", "Zthe", "", "S"}) CHECK_FALSE(schema::positionless_stem(stem));
  CHECK(schema::stop_words_positionless("stems-only-2", true));
  CHECK(schema::stop_words_positionless("", false));
  CHECK_FALSE(schema::stop_words_positionless("stems-only-1", true));
  CHECK_FALSE(schema::stop_words_positionless("", true));
  CHECK(schema::term_scheme("stems-only-2", true) == schema::TermScheme::stems_only);
}

TEST_CASE("a phrase leaves out its function words and keeps a window over their places", "[phrase]") {
  struct Case {
    Xapian::Query in;
    std::string want;
  };
  const Case cases[] = {
      {phrase({"Zbank", "Zof", "Zengland"}), "Query((Zbank PHRASE 3 Zengland))"},
      {phrase({"Zthe", "Zbank", "Zof", "Zengland", "Zrais"}), "Query((Zbank PHRASE 4 Zengland PHRASE 4 Zrais))"},
      {phrase({"Zthe", "Zeconomi"}), "Query(Zeconomi)"},
      {phrase({"Zto", "Zbe", "Zor", "Znot"}), "Query((Zto AND Zbe AND Zor AND Znot))"},
      {phrase({"Zbank", "Zengland"}), "Query((Zbank PHRASE 2 Zengland))"},
      // Title words keep their positions: title phrases stay exact.
      {phrase({"ZSbank", "ZSof", "ZSengland"}), "Query((ZSbank PHRASE 3 ZSof PHRASE 3 ZSengland))"},
      {Xapian::Query("Zthe"), "Query(Zthe)"},
  };
  for (const auto& c : cases) CHECK(without_positionless_words(c.in).get_description() == c.want);
}

TEST_CASE("quoted phrases become placeholders only when asked, and only where they stand alone", "[phrase]") {
  Gazetteer g;
  auto text = [&g](const std::string& q, bool placeholders) { return rewrite_query(q, g, placeholders).text; };
  CHECK(text("\"bank of england\" rates", false) == "\"bank of england\" rates");
  RewrittenQuery r = rewrite_query("\"bank of england\" rates -\"the end\"", g, true);
  CHECK(r.text == "dossierphrase:0 rates -dossierphrase:1");
  CHECK(r.phrases == std::vector<std::string>{"bank of england", "the end"});
  // Field values, phrases glued to a word and phrases next to NEAR stay as typed.
  CHECK(text("title:\"bank of england\"", true) == "title:\"bank of england\"");
  CHECK(text("x\"bank of england\"", true) == "x\"bank of england\"");
  CHECK(text("\"bank of england\" NEAR rates", true) == "\"bank of england\" NEAR rates");
  CHECK(text("rates NEAR \"bank of england\"", true) == "rates NEAR \"bank of england\"");
}

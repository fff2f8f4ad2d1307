// Phrases on an index whose commonest function words (and, from stems-only-3,
// some numbers and the title terms) have no positions.
#include <catch2/catch.hpp>

#include <dossier/errors.hpp>

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

TEST_CASE("the positionless words are stems of function words, not of content words", "[phrase]") {
  using schema::Revision;
  for (const char* stem : {"the", "of", "to", "and", "a", "in", "is", "for", "on", "it"}) {
    CHECK(schema::positionless_stem(stem, Revision::stems_2));
    CHECK(schema::positionless_stem(stem, Revision::stems_3));
    CHECK_FALSE(schema::positionless_stem(stem, Revision::stems_1));
  }
  // stems-only-3 adds more function words, not names or content words.
  for (const char* stem : {"said", "about", "after", "becaus", "between"}) {
    CHECK(schema::positionless_stem(stem, Revision::stems_3));
    CHECK_FALSE(schema::positionless_stem(stem, Revision::stems_2));
  }
  for (const char* stem : {"us", "who", "may", "no", "one", "new", "bank", "nation", "Zthe", "", "S"}) {
    INFO(stem);
    CHECK_FALSE(schema::positionless_stem(stem, Revision::stems_3));
  }
  // Numbers with a separator lose positions from stems-only-3; plain integers keep them ("F-16", "1718").
  for (const char* n : {"1.19", "132,000", "2,858,000"}) {
    CHECK(schema::positionless_number(n, Revision::stems_3));
    CHECK_FALSE(schema::positionless_number(n, Revision::stems_2));
  }
  for (const char* n : {"16", "1987", "4th", "1.5x", "a.b", ""})
    CHECK_FALSE(schema::positionless_number(n, Revision::stems_3));
  CHECK(schema::title_positions(Revision::stems_2));
  CHECK_FALSE(schema::title_positions(Revision::stems_3));

  CHECK(schema::revision_of("stems-only-3", true) == Revision::stems_3);
  CHECK(schema::revision_of("stems-only-2", true) == Revision::stems_2);
  CHECK(schema::revision_of("", false) == Revision::stems_3);
  CHECK(schema::revision_of("stems-only-1", true) == Revision::stems_1);
  CHECK(schema::revision_of("", true) == Revision::stems_1);
  for (auto p : {Revision::stems_1, Revision::stems_2, Revision::stems_3})
    CHECK(schema::revision_of(schema::scheme_name(p), true) == p);
  CHECK(schema::term_scheme("stems-only-2", true) == schema::TermScheme::stems_only);
  CHECK(schema::term_scheme("stems-only-3", true) == schema::TermScheme::stems_only);
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
      // Title terms of a stems-only-2 index keep their positions: title phrases stay exact.
      {phrase({"ZSbank", "ZSof", "ZSengland"}), "Query((ZSbank PHRASE 3 ZSof PHRASE 3 ZSengland))"},
      {Xapian::Query("Zthe"), "Query(Zthe)"},
  };
  for (const auto& c : cases)
    CHECK(without_positionless_words(c.in, schema::Revision::stems_2).get_description() == c.want);
  // Nothing changes on an index whose words all have positions.
  CHECK(without_positionless_words(phrase({"Zbank", "Zof", "Zengland"}), schema::Revision::stems_1).get_description() ==
        "Query((Zbank PHRASE 3 Zof PHRASE 3 Zengland))");
}

TEST_CASE("from stems-only-3 a phrase also drops more function words and requires its numbers", "[phrase]") {
  struct Case {
    Xapian::Query in;
    std::string want;
  };
  const Case cases[] = {
      // Stems are terms without a prefix from stems-only-3.
      {phrase({"said", "the", "minist"}), "Query(minist)"},
      {phrase({"war", "between", "iran", "and", "iraq"}), "Query((war PHRASE 5 iran PHRASE 5 iraq))"},
      // A number without positions must occur; the other words keep their order.
      {phrase({"1.5", "billion", "dlrs"}), "Query(((billion PHRASE 2 dlrs) AND 1.5))"},
      {phrase({"rose", "2,858,000", "dlrs"}), "Query(((rose PHRASE 3 dlrs) AND 2,858,000))"},
      {phrase({"1.5", "billion"}), "Query((billion AND 1.5))"},
      {phrase({"about", "1.5"}), "Query((about AND 1.5))"},
      // Integers keep their positions ("F-16").
      {phrase({"f", "16"}), "Query((f PHRASE 2 16))"},
      // Title terms are not stems: left as they are.
      {phrase({"Sbank", "Sof", "Sengland"}), "Query((Sbank PHRASE 3 Sof PHRASE 3 Sengland))"},
  };
  for (const auto& c : cases)
    CHECK(without_positionless_words(c.in, schema::Revision::stems_3).get_description() == c.want);
}

TEST_CASE("quoted phrases become placeholders only when asked, and only where they stand alone", "[phrase]") {
  Gazetteer g;
  auto text = [&g](const std::string& q, bool placeholders) { return rewrite_query(q, g, placeholders).text; };
  CHECK(text("\"bank of england\" rates", false) == "\"bank of england\" rates");
  RewrittenQuery r = rewrite_query("\"bank of england\" rates -\"the end\"", g, true);
  CHECK(r.text == "dossierphrase:0 rates -dossierphrase:1");
  CHECK(r.phrases == std::vector<std::string>{"bank of england", "the end"});
  // Title values become placeholders only when asked (title terms without positions).
  RewrittenQuery t =
      rewrite_query("title:\"bank of england\" -title:north-korea title:oil title:sanct*", g, true, true);
  CHECK(t.text == "dossiertitle:0 -dossiertitle:1 dossiertitle:2 dossierwild:0");
  CHECK(t.titles == std::vector<std::string>{"\"bank of england\"", "north-korea", "oil"});
  // Field values, phrases glued to a word and phrases next to NEAR stay as typed.
  CHECK(text("title:\"bank of england\"", true) == "title:\"bank of england\"");
  CHECK(text("x\"bank of england\"", true) == "x\"bank of england\"");
  CHECK(text("\"bank of england\" NEAR rates", true) == "\"bank of england\" NEAR rates");
  CHECK(text("rates NEAR \"bank of england\"", true) == "rates NEAR \"bank of england\"");
}

TEST_CASE("a wildcard or a title phrase next to NEAR or ADJ is refused before Xapian's parser", "[phrase]") {
  Gazetteer g;
  for (const char* q : {"opec* NEAR price", "price ADJ opec*", "price NEAR/3 opec*", "title:\"crude oil\" NEAR price",
                        "price ADJ title:crude-oil", "title:opec* NEAR price"}) {
    INFO(q);
    CHECK_THROWS_AS(rewrite_query(q, g, true, true), QueryError);
  }
  for (const char* q : {"opec NEAR price", "title:oil NEAR price", "opec* price", "title:\"crude oil\" price"}) {
    INFO(q);
    CHECK_NOTHROW(rewrite_query(q, g, true, true));
  }
}

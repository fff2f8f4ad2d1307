// The term scheme: each word is indexed once, as "Z" + its stem, with positions
// (README "Performance"). Phrases, wildcards, title: and did-you-mean work on
// stems; an index of the older scheme (words and stems) is still searched as
// before and refused for writing, instead of being mixed.
#include <catch2/catch.hpp>

#include "exact_count.hpp"
#include "schema.hpp"
#include "test_support.hpp"

#include <dossier/errors.hpp>
#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <xapian.h>

using namespace dossier;
using namespace dossier::test;

namespace {

void index_folder(const std::string& index, const std::string& folder) {
  Indexer indexer(index);
  indexer.add_folder(folder);
}

}  // namespace

TEST_CASE("a new index holds each word once, as its stem with positions, and says so", "[scheme]") {
  TempDir dir;
  std::string index = dir.path() + "/index";
  dir.write("in/a.txt", "Organisations of the nations\n\nThe nations united against hunger, said the organisations.\n");
  index_folder(index, dir.path() + "/in");
  Xapian::Database db(index);
  CHECK(db.get_metadata(std::string(schema::kTermSchemeKey)) == schema::kStemsRevision3Scheme);
  CHECK_FALSE(db.term_exists("nations"));
  CHECK_FALSE(db.term_exists("united"));
  REQUIRE(db.term_exists("nation"));  // the stem itself, without "Z" (stems-only-3)
  CHECK_FALSE(db.term_exists("Znation"));
  CHECK(db.positionlist_begin(1, "nation") != db.positionlist_end(1, "nation"));
  CHECK(db.term_exists("Sorganis"));  // the title, under its prefix
}

TEST_CASE("phrases, wildcards and title: search stems", "[scheme]") {
  TempDir dir;
  std::string index = dir.path() + "/index";
  dir.write("in/a.txt", "Turbine report\n\nThe nations united against hunger.\n");
  dir.write("in/b.txt", "Other report\n\nA nationalist grid and a united front.\n");
  index_folder(index, dir.path() + "/in");
  CHECK(exact_count(index, "\"nations united\"") == 1);
  CHECK(exact_count(index, "\"nation unite\"") == 1);  // the phrase's words by their stems
  CHECK(exact_count(index, "\"united nations\"") == 0);
  CHECK(exact_count(index, "nation*") == 2);          // nations, nationalist
  CHECK(exact_count(index, "nations*") == 1);         // the typed word's own stem
  CHECK(exact_count(index, "title:turb*") == 1);
  CHECK(exact_count(index, "title:turbines") == 1);
  CHECK(exact_count(index, "+unit* -hunger") == 1);
}

TEST_CASE("an index of the older scheme is searched as before and not written to", "[scheme]") {
  TempDir dir;
  std::string index = dir.path() + "/index";
  {
    // What dossier wrote before the scheme was recorded: words and "Z" stems.
    Xapian::WritableDatabase db(index, Xapian::DB_CREATE_OR_OPEN);
    Xapian::TermGenerator terms;
    terms.set_stemmer(Xapian::Stem("english"));
    terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Xapian::Document doc;
    terms.set_document(doc);
    terms.index_text("The nations united against hunger.");  // plain "the" marks the older scheme
    doc.add_boolean_term(schema::id_term("old-1", schema::Revision::stems_1));
    db.replace_document(schema::id_term("old-1", schema::Revision::stems_1), doc);
    db.commit();
  }
  CHECK(exact_count(index, "nation") == 1);
  CHECK(exact_count(index, "\"nations united\"") == 1);
  CHECK(exact_count(index, "nation*") == 1);
  dir.write("in/a.txt", "More about nations.\n");
  try {
    index_folder(index, dir.path() + "/in");
    FAIL("an older index was written to");
  } catch (const DatabaseError& e) {
    CHECK(std::string(e.what()).find("older dossier") != std::string::npos);
  }
  Xapian::Database db(index);
  CHECK(db.get_doccount() == 1);
}

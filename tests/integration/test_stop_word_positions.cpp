// The commonest function words keep no positions in new indexes, nor do
// numbers like "1.5" or title terms (schema::kStemsRevision3Scheme); phrases,
// title: phrases included, still work.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <xapian.h>

#include <set>

using namespace dossier;
using namespace dossier::test;

namespace {

std::set<std::string> matching_files(const std::string& index, const std::string& query) {
  Searcher s({index});
  SearchRequest r;
  r.query = query;
  r.limit = 100;
  r.exact_total = true;
  r.feedback = false;
  r.related = false;
  r.collapse_duplicates = false;
  std::set<std::string> files;
  for (const auto& hit : s.search(r).hits) files.insert(hit.article.path.substr(hit.article.path.rfind('/') + 1));
  return files;
}

void write_reports(const TempDir& dir) {
  dir.write("reports/a.md", "---\ntitle: The Bank of England holds\n---\nRates. The Bank of England raised its rates on Monday.\n");
  dir.write("reports/b.txt", "Rates. England said its bank would wait.\n");            // wrong order
  dir.write("reports/c.txt", "Rates. The bank in England was closed on Monday.\n");     // another function word
  dir.write("reports/d.txt", "Rates. A bank statement from England came on Monday.\n");  // words too far apart
  dir.write("reports/e.txt", "Hamlet. To be or not to be, that is the question.\n");
  dir.write("reports/f.txt", "Memo. Not one of them is to be trusted, or so it seems.\n");
}

// A document is found by its id whatever form the index gives id terms.
bool found_by_id(const std::string& index, const std::string& query) {
  Searcher s({index});
  SearchRequest r;
  r.query = query;
  auto hits = s.search(r).hits;
  REQUIRE_FALSE(hits.empty());
  auto doc = s.document(hits.front().article.id);
  return doc && doc->id == hits.front().article.id;
}

bool has_positions(const Xapian::Database& db, const std::string& term) {
  auto doc = db.postlist_begin(term);
  REQUIRE(doc != db.postlist_end(term));
  return db.positionlist_begin(*doc, term) != db.positionlist_end(*doc, term);
}

}  // namespace

TEST_CASE("a new index keeps no positions for function words, and its phrases skip them", "[stop-positions]") {
  TempDir dir;
  write_reports(dir);
  const std::string index = dir.path() + "/index";
  {
    Indexer indexer(index);
    CHECK(indexer.add_folder(dir.path() + "/reports").added == 6);
  }
  {
    Xapian::Database db(index);
    CHECK(db.get_metadata("dossier:terms") == "stems-only-3");
    CHECK_FALSE(has_positions(db, "the"));
    CHECK_FALSE(has_positions(db, "of"));
    CHECK_FALSE(has_positions(db, "said"));
    CHECK(has_positions(db, "bank"));
    CHECK_FALSE(has_positions(db, "Sbank"));  // title words keep theirs as plain words only
    CHECK(has_positions(db, "hold"));         // "holds", only in a.md's title
    CHECK(db.get_termfreq("the") == 3);
    CHECK_FALSE(db.term_exists("Zthe"));  // stems without a prefix
  }
  CHECK(found_by_id(index, "hamlet"));
  // The other words in order, within a window covering the function words' places.
  CHECK(matching_files(index, "\"bank of england\"") == std::set<std::string>{"a.md", "c.txt"});
  CHECK(matching_files(index, "\"The Bank of England raised\"") == std::set<std::string>{"a.md"});
  CHECK(matching_files(index, "rates -\"bank of england\"") == std::set<std::string>{"b.txt", "d.txt"});
  CHECK(matching_files(index, "\"england said its bank\"") == std::set<std::string>{"b.txt"});
  CHECK(matching_files(index, "\"england said\"") == matching_files(index, "england"));
  // A phrase of function words only requires them all.
  CHECK(matching_files(index, "\"to be or not to be\"") == std::set<std::string>{"e.txt", "f.txt"});
  // A title phrase: its words in the title, in that order.
  CHECK(matching_files(index, "title:\"bank of england\"") == std::set<std::string>{"a.md"});
  CHECK(matching_files(index, "title:\"england holds\"") == std::set<std::string>{"a.md"});
  CHECK(matching_files(index, "title:\"bank england\"").empty());
  CHECK(matching_files(index, "title:\"holds england\"").empty());
  CHECK(matching_files(index, "title:bank-of-england") == std::set<std::string>{"a.md"});
  CHECK(matching_files(index, "rates -title:\"england holds\"") == std::set<std::string>{"b.txt", "c.txt", "d.txt"});
  // Proximity operators and punctuation phrases leave the function words out
  // too (they would otherwise ask for positions that are not there).
  CHECK(matching_files(index, "bank ADJ of ADJ england") == std::set<std::string>{"a.md", "c.txt", "d.txt"});
  CHECK(matching_files(index, "bank/of/england") == std::set<std::string>{"a.md", "c.txt"});
  CHECK(matching_files(index, "of NEAR england") == matching_files(index, "england"));
  auto near = matching_files(index, "bank NEAR/3 of NEAR/3 england");
  CHECK(near == matching_files(index, "bank NEAR/3 england"));
  CHECK(near.count("a.md") == 1);
  CHECK(near.count("e.txt") == 0);
}

TEST_CASE("a phrase with a number that has no positions requires the number beside the other words in order",
          "[stop-positions]") {
  TempDir dir;
  dir.write("reports/g.txt", "Crude rose 1.5 pct to 18.20 dlrs on Monday.\n");
  dir.write("reports/h.txt", "Crude fell 1.5 pct and later rose 2.5 pct.\n");
  dir.write("reports/i.txt", "Output of F-16 jets rose 3 pct, to 1,200 planes.\n");
  const std::string index = dir.path() + "/index";
  {
    Indexer indexer(index);
    CHECK(indexer.add_folder(dir.path() + "/reports").added == 3);
  }
  {
    Xapian::Database db(index);
    CHECK_FALSE(has_positions(db, "1.5"));
    CHECK_FALSE(has_positions(db, "1,200"));
    CHECK(has_positions(db, "16"));  // integers keep theirs: "F-16" stays a phrase
  }
  CHECK(matching_files(index, "\"rose 1.5 pct\"") == std::set<std::string>{"g.txt", "h.txt"});
  CHECK(matching_files(index, "\"rose 3.5 pct\"").empty());
  CHECK(matching_files(index, "\"1.5 pct to 18.20 dlrs\"") == std::set<std::string>{"g.txt"});
  CHECK(matching_files(index, "\"pct rose 1.5\"").empty());
  CHECK(matching_files(index, "F-16") == std::set<std::string>{"i.txt"});
  CHECK(matching_files(index, "\"16 F\"").empty());
}

TEST_CASE("an index whose function words have positions keeps them and its exact phrases", "[stop-positions]") {
  TempDir dir;
  write_reports(dir);
  const std::string index = dir.path() + "/index";
  {
    // As an index written before this scheme: recorded, empty.
    Xapian::WritableDatabase db(index, Xapian::DB_CREATE);
    db.set_metadata("dossier:terms", "stems-only-1");
    db.commit();
  }
  {
    Indexer indexer(index);
    CHECK(indexer.add_folder(dir.path() + "/reports").added == 6);
  }
  {
    Xapian::Database db(index);
    CHECK(db.get_metadata("dossier:terms") == "stems-only-1");
    CHECK(has_positions(db, "Zthe"));
    CHECK(has_positions(db, "Zof"));
    CHECK(has_positions(db, "ZSof"));
  }
  CHECK(found_by_id(index, "hamlet"));
  CHECK(matching_files(index, "\"bank of england\"") == std::set<std::string>{"a.md"});
  CHECK(matching_files(index, "\"to be or not to be\"") == std::set<std::string>{"e.txt"});

  // Only positions differ: every term's postings and counts, and so every
  // document's length and every ranking, are those of the new scheme.
  TempDir other;
  write_reports(other);
  const std::string new_index = other.path() + "/index";
  Indexer(new_index).add_folder(other.path() + "/reports");
  Xapian::Database old_db(index), new_db(new_index);
  CHECK(old_db.get_total_length() == new_db.get_total_length());
  // (The old scheme writes "Z" + stem, the new one the stem itself.)
  for (const char* term : {"the", "to", "of", "bank", "Sof"}) {
    INFO(term);
    const std::string old_term = std::string("Z") + term;
    CHECK(old_db.get_termfreq(old_term) == new_db.get_termfreq(term));
    CHECK(old_db.get_collection_freq(old_term) == new_db.get_collection_freq(term));
  }
}

TEST_CASE("indexes whose words are written differently are searched together with a warning", "[stop-positions]") {
  TempDir dir;
  write_reports(dir);
  const std::string old_index = dir.path() + "/old", new_index = dir.path() + "/new";
  {
    // As an index of an earlier dossier: "Z" stems (stems-only-2).
    Xapian::WritableDatabase db(old_index, Xapian::DB_CREATE);
    db.set_metadata("dossier:terms", "stems-only-2");
    db.commit();
  }
  Indexer(old_index).add_folder(dir.path() + "/reports");
  Indexer(new_index).add_folder(dir.path() + "/reports");
  SearchRequest r;
  r.query = "hamlet";
  auto mentions_schemes = [](const SearchResults& results) {
    for (const auto& n : results.notices)
      if (n.find("holds its words as") != std::string::npos) return true;
    return false;
  };
  CHECK_FALSE(mentions_schemes(Searcher({new_index}).search(r)));
  CHECK_FALSE(mentions_schemes(Searcher({old_index}).search(r)));
  CHECK_FALSE(mentions_schemes(Searcher({new_index, new_index + "/../new"}).search(r)));
  SearchResults mixed = Searcher({new_index, old_index}).search(r);
  CHECK(mentions_schemes(mixed));
  CHECK(mixed.hits.size() >= 1);  // the first index still answers
}

#include <catch2/catch.hpp>

#include "data_packing.hpp"
#include "schema.hpp"
#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <xapian.h>

#include <string>

using namespace dossier;
using namespace dossier::test;

namespace {

// A report with words of its own ("codeword<N>") among ones every report shares.
std::string report(const std::string& desk, int n) {
  std::string text = "---\ntitle: " + desk + " assessment " + std::to_string(n) + "\nsource: " + desk +
                     " Monitor\ndate: 2024-06-" + std::to_string(10 + n % 20) + "\n---\n";
  for (int p = 0; p < 6; ++p)
    text += "Officials said the border talks resumed on day " + std::to_string(p) + " while shelling continued near " +
            "the ceasefire line, and the " + desk + " desk noted codeword" + std::to_string(n) + " in its report.\n";
  return text;
}

void write_reports(const TempDir& dir, const std::string& folder, const std::string& desk, int from, int to) {
  for (int n = from; n < to; ++n) dir.write(folder + "/" + desk + "-" + std::to_string(n) + ".md", report(desk, n));
}

struct Stored {
  std::string dictionary_id;  // the index's current one ("" when none)
  std::size_t packed = 0, unpacked = 0;
};

Stored stored(const std::string& index) {
  Xapian::Database db(index);
  Stored s;
  s.dictionary_id = db.get_metadata(std::string(kCurrentDictionaryKey));
  const unsigned slot = *schema::spec(schema::Field::packed_data).slot;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    bool packed = is_packed(doc.get_value(slot));
    CHECK(packed == doc.get_data().empty());  // packed into the value, or the data as it is
    ++(packed ? s.packed : s.unpacked);
  }
  return s;
}

// The text of the one document holding `word`, as the searcher gives it.
std::string text_with(const std::vector<std::string>& indexes, const std::string& word) {
  Searcher searcher(indexes);
  SearchRequest r;
  r.query = word;
  r.related = false;
  auto results = searcher.search(r);
  REQUIRE(results.hits.size() == 1);
  auto article = searcher.document(results.hits.front().article.id);
  REQUIRE(article);
  return article->text;
}

}  // namespace

TEST_CASE("a folder's documents are stored packed with a dictionary learnt from them, and read back exactly",
          "[packing]") {
  TempDir dir;
  write_reports(dir, "in", "Kestrel", 0, 120);
  std::string index = dir.path() + "/index";
  REQUIRE(Indexer(index).add_folder(dir.path() + "/in").added == 120);

  Stored s = stored(index);
  CHECK_FALSE(s.dictionary_id.empty());
  CHECK(s.packed == 120);
  CHECK(s.unpacked == 0);
  std::string text = text_with({index}, "codeword77");
  CHECK(text.find("the Kestrel desk noted codeword77 in its report.") != std::string::npos);
  CHECK(text.rfind("Officials said the border talks resumed on day 0", 0) == 0);

  // A library caller's article is packed with the same dictionary.
  {
    Indexer indexer(index);
    Article a;
    a.id = "memo-1";
    a.title = "Memo";
    a.text = "A memo naming codewordmemo once.";
    indexer.add_article(a);
    indexer.commit();
  }
  CHECK(stored(index).packed == 121);
  CHECK(text_with({index}, "codewordmemo") == "A memo naming codewordmemo once.");
}

TEST_CASE("an index without a dictionary learns one when enough documents come, and reads both kinds",
          "[packing][incremental]") {
  TempDir dir;
  std::string folder = dir.path() + "/in", index = dir.path() + "/index";
  write_reports(dir, "in", "Corvane", 0, 3);
  REQUIRE(Indexer(index).add_folder(folder).added == 3);
  Stored few = stored(index);
  CHECK(few.dictionary_id.empty());  // three documents teach nothing
  CHECK(few.unpacked == 3);

  write_reports(dir, "in", "Corvane", 3, 100);
  REQUIRE(Indexer(index).add_folder(folder).added == 97);
  Stored more = stored(index);
  CHECK_FALSE(more.dictionary_id.empty());
  CHECK(more.packed == 97);
  CHECK(more.unpacked == 3);
  CHECK(text_with({index}, "codeword1").find("Corvane desk noted codeword1 ") != std::string::npos);
  CHECK(text_with({index}, "codeword50").find("Corvane desk noted codeword50 ") != std::string::npos);

  // A changed gazetteer rewrites every document's stored data, packed or not,
  // with the dictionary the index already has.
  std::string actors = dir.write("actors.tsv", "Corvane Desk\torganisation\tCorvane desk\n");
  IndexerOptions with_actors;
  with_actors.actors_file = actors;
  CHECK(Indexer(index, with_actors).add_folder(folder).unchanged == 100);
  Stored refreshed = stored(index);
  CHECK(refreshed.dictionary_id == more.dictionary_id);
  CHECK(refreshed.packed == 100);
  Searcher searcher({index});
  SearchRequest r;
  r.actors = {"Corvane Desk"};
  r.exact_total = true;
  r.collapse_duplicates = false;  // the reports are near copies of each other
  CHECK(searcher.search(r).total == 100);
  CHECK(text_with({index}, "codeword2").find("Corvane desk noted codeword2 ") != std::string::npos);
}

TEST_CASE("indexes with dictionaries of their own are searched together", "[packing][shards]") {
  TempDir dir;
  write_reports(dir, "a", "Kestrel", 0, 60);
  write_reports(dir, "b", "Quillon", 100, 160);
  std::string a = dir.path() + "/index-a", b = dir.path() + "/index-b";
  REQUIRE(Indexer(a).add_folder(dir.path() + "/a").added == 60);
  REQUIRE(Indexer(b).add_folder(dir.path() + "/b").added == 60);
  REQUIRE_FALSE(stored(a).dictionary_id.empty());
  REQUIRE_FALSE(stored(b).dictionary_id.empty());
  CHECK(stored(a).dictionary_id != stored(b).dictionary_id);

  CHECK(text_with({a, b}, "codeword5").find("Kestrel desk noted codeword5 ") != std::string::npos);
  CHECK(text_with({a, b}, "codeword150").find("Quillon desk noted codeword150 ") != std::string::npos);
  CHECK(text_with({b, a}, "codeword5").find("Kestrel desk noted codeword5 ") != std::string::npos);
}

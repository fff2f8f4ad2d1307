// What the value slots keep: a file's document whose id is its path keeps the
// path once (as the id), and stamps are packed; re-runs find files and their
// state all the same, in new indexes and in indexes written with a path slot
// for every document and stamps in digits.
#include <catch2/catch.hpp>

#include "schema.hpp"
#include "test_support.hpp"
#include "walker.hpp"

#include <dossier/indexer.hpp>

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace dossier;
using namespace dossier::test;

namespace {

unsigned slot(schema::Field f) { return *schema::spec(f).slot; }

void write_later(const std::string& path, const std::string& content) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::ofstream(path, std::ios::binary) << content;
}

// Re-runs after an unchanged run, one file changed and one removed, and one added.
void check_reruns(const TempDir& dir, const std::string& index) {
  const std::string folder = dir.path() + "/reports";
  auto again = Indexer(index).add_folder(folder);
  CHECK(again.unchanged == 4);
  CHECK(again.added + again.updated + again.removed == 0);
  write_later(folder + "/a.txt", "Alpha, revised, about airships.\n");
  std::filesystem::remove(folder + "/b.md");
  dir.write("reports/e.txt", "Echo report about kites.\n");
  Indexer indexer(index);
  auto changed = indexer.add_folder(folder);
  CHECK(changed.updated == 1);
  CHECK(changed.removed == 1);
  CHECK(changed.added == 1);
  CHECK(changed.unchanged == 2);
  // c.jsonl's two records, d.md, a.txt, e.txt.
  CHECK(indexer.document_count() == 5);
}

void write_reports(const TempDir& dir) {
  dir.write("reports/a.txt", "Alpha report about zeppelins.\n");
  dir.write("reports/b.md", "---\ntitle: Bravo\n---\nBravo body about quokkas.\n");
  dir.write("reports/c.jsonl", "{\"id\": \"c-1\", \"text\": \"Charlie one\"}\n{\"id\": \"c-2\", \"text\": \"Charlie two\"}\n");
  dir.write("reports/d.md", "---\nid: delta-7\n---\nDelta body about kites.\n");
}

}  // namespace

TEST_CASE("a document whose id is its file's path keeps no separate path value", "[slots]") {
  TempDir dir;
  write_reports(dir);
  const std::string index = dir.path() + "/index";
  Indexer(index).add_folder(dir.path() + "/reports");
  {
    Xapian::Database db(index);
    std::size_t with_path = 0, same_as_id = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document doc = db.get_document(*it);
      std::string id = doc.get_value(slot(schema::Field::id)), path = doc.get_value(slot(schema::Field::path));
      CHECK_FALSE(id.empty());
      if (!path.empty()) ++with_path;
      if (path == id) ++same_as_id;
    }
    CHECK(with_path == 3);  // the two records and the declared id
    CHECK(same_as_id == 0);
  }
  check_reruns(dir, index);
}

TEST_CASE("re-runs on an index that keeps every document's path in its slot", "[slots]") {
  TempDir dir;
  write_reports(dir);
  const std::string index = dir.path() + "/index";
  Indexer(index).add_folder(dir.path() + "/reports");
  {
    // As written before: the path slot also for documents whose id is the
    // path, and the stamp in digits.
    Xapian::WritableDatabase db(index, Xapian::DB_OPEN);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document doc = db.get_document(*it);
      std::string stamp = doc.get_value(slot(schema::Field::stamp));
      REQUIRE(stamp_from_stored(stamp) != stamp);
      doc.add_value(slot(schema::Field::stamp), stamp_from_stored(stamp));
      if (doc.get_value(slot(schema::Field::path)).empty())
        doc.add_value(slot(schema::Field::path), doc.get_value(slot(schema::Field::id)));
      db.replace_document(*it, doc);
    }
    db.commit();
  }
  check_reruns(dir, index);
}

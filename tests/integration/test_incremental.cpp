#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <dossier/errors.hpp>
#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace dossier;
using namespace dossier::test;

namespace {

std::size_t count(const std::string& index, const std::string& query) {
  Searcher s({index});
  SearchRequest r;
  r.query = query;
  r.exact_total = true;
  return s.search(r).total;
}

void touch_later(const std::string& path, const std::string& content) {
  // Make sure the modification time moves even on coarse-grained file systems.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::ofstream(path, std::ios::binary) << content;
}

}  // namespace

TEST_CASE("re-running replaces, never duplicates, and removes what is gone", "[incremental]") {
  TempDir dir;
  std::string folder = dir.path() + "/reports";
  std::string index = dir.path() + "/index";
  dir.write("reports/a.txt", "Alpha report about zeppelins.\n");
  dir.write("reports/b.md", "---\ntitle: Bravo\nsource: Wire\ndate: 2024-01-02\n---\nBravo body about quokkas.\n");
  dir.write("reports/sub/c.txt", "Charlie report about zeppelins and quokkas.\n");

  {
    Indexer indexer(index);
    auto first = indexer.add_folder(folder);
    CHECK(first.added == 3);
    CHECK(first.unchanged == 0);
  }
  {
    Indexer indexer(index);
    auto again = indexer.add_folder(folder);
    CHECK(again.added == 0);
    CHECK(again.updated == 0);
    CHECK(again.unchanged == 3);
    CHECK(indexer.document_count() == 3);
  }
  touch_later(folder + "/a.txt", "Alpha report, revised, about airships.\n");
  std::filesystem::remove(folder + "/sub/c.txt");
  {
    Indexer indexer(index);
    auto changed = indexer.add_folder(folder);
    CHECK(changed.updated == 1);
    CHECK(changed.removed == 1);
    CHECK(changed.unchanged == 1);
    CHECK(indexer.document_count() == 2);
  }
  CHECK(count(index, "zeppelins") == 0);
  CHECK(count(index, "airships") == 1);
  CHECK(count(index, "quokkas") == 1);
}

TEST_CASE("a moved file is indexed once", "[incremental]") {
  TempDir dir;
  std::string index = dir.path() + "/index";
  dir.write("reports/old/x.txt", "A report about narwhals.\n");
  Indexer(index).add_folder(dir.path() + "/reports");
  std::filesystem::create_directories(dir.path() + "/reports/new");
  std::filesystem::rename(dir.path() + "/reports/old/x.txt", dir.path() + "/reports/new/x.txt");
  auto report = Indexer(index).add_folder(dir.path() + "/reports");
  CHECK(report.removed == 1);
  CHECK(report.added == 1);
  CHECK(count(index, "narwhals") == 1);
}

TEST_CASE("articles built in memory can be added, found and removed", "[api]") {
  TempDir dir;
  std::string index = dir.path() + "/index";
  Indexer indexer(index);
  Article a;
  a.id = "memo-1";
  a.title = "Memo on DPRK munitions";
  a.text = "Pyongyang shipped shells to Russia.";
  a.date = "2024-06-30";
  indexer.add_article(a);
  indexer.commit();
  Searcher searcher({index});
  auto doc = searcher.document("memo-1");
  REQUIRE(doc);
  CHECK(doc->format == "memory");
  CHECK(std::find(doc->actors.begin(), doc->actors.end(), "North Korea") != doc->actors.end());
  CHECK(indexer.remove("memo-1"));
  CHECK_FALSE(indexer.remove("memo-1"));
  indexer.commit();
  CHECK_FALSE(Searcher({index}).document("memo-1"));
  CHECK_THROWS_AS(indexer.add_article(Article{}), InvalidArgument);
}

TEST_CASE("a missing index is a DatabaseError, a second writer a LockError", "[errors]") {
  TempDir dir;
  CHECK_THROWS_AS(Searcher({dir.path() + "/nothing-here"}), DatabaseError);
  Indexer first(dir.path() + "/index");
  CHECK_THROWS_AS(Indexer(dir.path() + "/index"), LockError);
}

// Incremental runs: unchanged files are not read again, changed ones replaced,
// deleted ones removed, moved ones not doubled; a changed gazetteer re-extracts
// actors from the stored text without reading files.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <sys/stat.h>
#include <fcntl.h>
#include <utime.h>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace dossier;
using namespace dossier::test;

namespace {

std::size_t count(const std::string& index, const std::string& query, const std::vector<std::string>& actors = {}) {
  Searcher s({index});
  SearchRequest r;
  r.query = query;
  r.actors = actors;
  r.exact_total = true;
  r.collapse_duplicates = false;
  r.limit = 0;
  return s.search(r).total;
}

void rewrite_later(const std::string& path, const std::string& content) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a new modification time
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

// Rewrites a file keeping its size (padding with spaces) and modification time:
// to the indexer it is unchanged.
void rewrite_unnoticed(const std::string& path, std::string content) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  REQUIRE(content.size() <= static_cast<std::size_t>(st.st_size));
  content.resize(static_cast<std::size_t>(st.st_size), ' ');
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
  struct timespec times[2] = {st.st_atim, st.st_mtim};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

}  // namespace

TEST_CASE("unchanged, modified, deleted and moved files", "[incremental]") {
  TempDir dir;
  std::string folder = dir.path() + "/in", index = dir.path() + "/index";
  dir.write("in/a.txt", "Alpha about walruses.\n");
  dir.write("in/b.html", "<html><head><title>B</title></head><body><p>Bravo about walruses.</p></body></html>");
  dir.write("in/c.jsonl", "{\"title\": \"C1\", \"body\": \"c one narwhal\"}\n{\"title\": \"C2\", \"body\": \"c two narwhal\"}\n"
                          "{\"title\": \"C3\", \"body\": \"c three narwhal\"}\n");
  dir.write("in/sub/d.md", "---\ntitle: D\n---\nDelta about capybaras.\n");

  CHECK(Indexer(index).add_folder(folder).added == 6);
  auto again = Indexer(index).add_folder(folder);
  CHECK(again.unchanged == 4);
  CHECK(again.added + again.updated + again.removed == 0);

  rewrite_later(folder + "/a.txt", "Alpha, revised, about manatees.\n");
  rewrite_later(folder + "/c.jsonl", "{\"title\": \"C1\", \"body\": \"c one narwhal\"}\n{\"title\": \"C2\", \"body\": \"c two\"}\n");
  std::filesystem::remove(folder + "/b.html");
  std::filesystem::create_directories(folder + "/moved");
  std::filesystem::rename(folder + "/sub/d.md", folder + "/moved/d.md");
  {
    Indexer indexer(index);
    auto changed = indexer.add_folder(folder);
    CHECK(changed.unchanged == 0);
    CHECK(changed.updated == 3);   // a.txt, c.jsonl #1 and #2
    CHECK(changed.added == 1);     // d.md at its new place
    CHECK(changed.removed == 3);   // b.html, c.jsonl #3, d.md at its old place
    CHECK(indexer.document_count() == 4);
  }
  CHECK(count(index, "walruses") == 0);
  CHECK(count(index, "manatees") == 1);
  CHECK(count(index, "narwhal") == 1);
  CHECK(count(index, "capybaras") == 1);  // moved, not doubled
}

TEST_CASE("a changed gazetteer re-extracts actors without reading unchanged files", "[incremental][gazetteer]") {
  TempDir dir;
  std::string folder = dir.path() + "/in", index = dir.path() + "/index";
  dir.write("in/one.txt", "The Zorblax Institute met Putin in Minsk, as reported widely.\n");
  dir.write("in/two.md", "---\nactors: [Quux Council]\n---\nNothing known here.\n");
  dir.write("in/three.txt", "Plain text naming nobody at all.\n");
  std::string actors_file = dir.write("actors.tsv",
                                      "# extra actors\nZorblax Institute\torganisation\tZorblax|ZI\n"
                                      "Quux Council\torganisation\tQuux\n");
  REQUIRE(Indexer(index).add_folder(folder).added == 3);
  CHECK(count(index, "", {"Vladimir Putin"}) == 1);
  CHECK(count(index, "", {"Zorblax Institute"}) == 0);

  // The file now names someone else, but keeps its size and time: it must not be read again.
  rewrite_unnoticed(folder + "/one.txt", "The Zorblax Institute met Xi Jinping in Minsk\n");

  IndexerOptions with_actors;
  with_actors.actors_file = actors_file;
  auto refreshed = Indexer(index, with_actors).add_folder(folder);
  CHECK(refreshed.unchanged == 3);
  CHECK(refreshed.added + refreshed.updated + refreshed.removed + refreshed.skipped == 0);
  CHECK(count(index, "", {"Zorblax Institute"}) == 1);  // found in the stored text
  CHECK(count(index, "", {"Vladimir Putin"}) == 1);     // the stored text, not the file's new one
  CHECK(count(index, "", {"Xi Jinping"}) == 0);
  CHECK(count(index, "", {"Quux Council"}) == 1);       // declared, still there

  // Back to the built-in gazetteer: the extra organisation is no longer recognised in text.
  auto back = Indexer(index).add_folder(folder);
  CHECK(back.unchanged == 3);
  CHECK(count(index, "", {"Zorblax Institute"}) == 0);
  CHECK(count(index, "", {"Quux Council"}) == 1);  // declared names stay, as written
}

TEST_CASE("an unchanged re-run reads no file", "[incremental]") {
  TempDir dir;
  std::string folder = dir.path() + "/in", index = dir.path() + "/index";
  for (int i = 0; i < 50; ++i) dir.write("in/f" + std::to_string(i) + ".txt", "Report number " + std::to_string(i) + ".\n");
  REQUIRE(Indexer(index).add_folder(folder).added == 50);
  // Same size and time, different words: an unchanged run must not notice.
  rewrite_unnoticed(folder + "/f7.txt", "Report number Z.\n");
  auto again = Indexer(index).add_folder(folder);
  CHECK(again.unchanged == 50);
  CHECK(count(index, "Z") == 0);
}

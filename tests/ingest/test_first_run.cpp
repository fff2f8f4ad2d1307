// A new index is written as two shards beside it and merged into one database
// (README "Performance"): the index appears whole, as a single database, and
// nothing is left beside it.
#include <catch2/catch.hpp>

#include "exact_count.hpp"
#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <xapian.h>

#include <filesystem>
#include <fstream>

using namespace dossier;
using namespace dossier::test;
namespace fs = std::filesystem;

namespace {

bool nothing_beside(const std::string& index) {
  return !fs::exists(index + ".first-run") && !fs::exists(index + ".compact");
}

}  // namespace

TEST_CASE("a first run leaves one database and nothing beside it", "[first-run]") {
  TempDir dir;
  for (int i = 0; i < 40; ++i)
    dir.write("in/r" + std::to_string(i) + ".txt", "Report " + std::to_string(i) + " about walruses.\n");
  const std::string index = dir.path() + "/index";
  IndexerOptions options;
  options.threads = 2;  // the two-shard first run, whatever the machine
  {
    Indexer indexer(index + "/", options);  // a trailing slash names the same folder
    auto report = indexer.add_folder(dir.path() + "/in");
    CHECK(report.added == 40);
  }
  CHECK(fs::exists(index + "/iamglass"));
  CHECK(nothing_beside(index));
  CHECK(Xapian::Database(index).get_doccount() == 40);
  CHECK(exact_count(index, "walrus") == 40);
  // The next run writes the merged database in place.
  dir.write("in/r40.txt", "Report 40 about narwhals.\n");
  Indexer again(index, options);
  auto report = again.add_folder(dir.path() + "/in");
  CHECK(report.added == 1);
  CHECK(report.unchanged == 40);
}

TEST_CASE("a new index appears even when nothing was added", "[first-run]") {
  TempDir dir;
  const std::string index = dir.path() + "/index";
  IndexerOptions options;
  options.threads = 2;
  { Indexer indexer(index, options); }
  CHECK(fs::exists(index + "/iamglass"));
  CHECK(nothing_beside(index));
  CHECK(exact_count(index, "walrus") == 0);
}

TEST_CASE("a first run killed while creating its shards is started again", "[first-run]") {
  TempDir dir;
  dir.write("in/a.txt", "Report about walruses.\n");
  const std::string index = dir.path() + "/index";
  // What a kill can leave: a shard folder with tables but no version file, no stub.
  fs::create_directories(index + ".first-run/shard-00");
  std::ofstream(index + ".first-run/shard-00/postlist.glass") << "";
  IndexerOptions options;
  options.threads = 2;
  Indexer indexer(index, options);
  CHECK(indexer.add_folder(dir.path() + "/in").added == 1);
  CHECK(nothing_beside(index));
  CHECK(exact_count(index, "walrus") == 1);
}

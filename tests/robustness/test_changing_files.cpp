// Files that change, vanish or turn into something else between the walk and
// the read: never a hang, never half a file in the index.

#include "file_loader.hpp"
#include "robust_support.hpp"
#include "walker.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using namespace dossier;
using namespace dossier::test;

namespace {

FileEntry entry_for(const std::string& path) {
  std::string error;
  FileEntry e = stat_file(path, error);
  REQUIRE(error.empty());
  return e;
}

}  // namespace

TEST_CASE("a file that grows after the walk is not indexed half-read", "[changing]") {
  TempDir tmp;
  std::string path = tmp.write("a.txt", "first version\n");
  FileEntry walked = entry_for(path);
  std::ofstream(path, std::ios::app) << "appended while indexing\n";
  LoadedFile loaded = load_file(walked, 1 << 20);
  CHECK(loaded.failure_reason == "changed while reading");
  CHECK(loaded.bytes.empty());
}

TEST_CASE("a file that vanishes after the walk is reported as vanished", "[changing]") {
  TempDir tmp;
  std::string path = tmp.write("a.txt", "soon gone\n");
  FileEntry walked = entry_for(path);
  fs::remove(path);
  LoadedFile loaded = load_file(walked, 1 << 20);
  CHECK(loaded.failure_reason == "vanished");
}

TEST_CASE("a file replaced by a FIFO after the walk is not opened for a blocking read", "[changing]") {
  TempDir tmp;
  std::string path = tmp.write("a.txt", "soon a pipe\n");
  FileEntry walked = entry_for(path);
  fs::remove(path);
  REQUIRE(::mkfifo(path.c_str(), 0644) == 0);
  std::atomic<bool> done{false};
  LoadedFile loaded;
  std::thread reader([&] {
    loaded = load_file(walked, 1 << 20);
    done = true;
  });
  for (int i = 0; i < 500 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  if (!done) {
    // Unblock the reader so the test can end, then fail.
    std::ofstream(path) << "x";
  }
  reader.join();
  CHECK(done);
  CHECK(loaded.failure_reason == "special file");
}

TEST_CASE("a file replaced by a symlink after the walk is not followed", "[changing]") {
  TempDir tmp;
  std::string path = tmp.write("a.txt", "soon a link\n");
  std::string secret = tmp.write("secret.txt", "secret words\n");
  FileEntry walked = entry_for(path);
  fs::remove(path);
  fs::create_symlink(secret, path);
  LoadedFile loaded = load_file(walked, 1 << 20);
  CHECK_FALSE(loaded.failure_reason.empty());
  CHECK(loaded.bytes.empty());
}

TEST_CASE("a file over the size limit is skipped before it is read, and one that grows past it too",
          "[changing]") {
  TempDir tmp;
  std::string path = tmp.write("big.txt", std::string(4096, 'x'));
  FileEntry walked = entry_for(path);
  CHECK(load_file(walked, 1000).failure_reason == "too large");
  walked.size = 10;  // the walk saw it small
  LoadedFile grown = load_file(walked, 1000);
  CHECK_FALSE(grown.failure_reason.empty());
  CHECK(grown.bytes.size() <= 1000);
}

TEST_CASE("files rewritten while a run indexes them: the run ends and the next one is exact", "[changing]") {
  TempDir tmp;
  const std::string folder = tmp.path() + "/reports", index = tmp.path() + "/index";
  for (int i = 0; i < 200; ++i)
    tmp.write("reports/r" + std::to_string(i) + ".txt", "report " + std::to_string(i) + " stable words\n");
  std::atomic<bool> stop{false};
  std::thread churn([&] {
    for (int round = 0; !stop; ++round) {
      for (int i = 0; i < 200 && !stop; i += 7) {
        std::string p = folder + "/r" + std::to_string(i) + ".txt";
        if (round % 3 == 2) fs::remove(p);
        else std::ofstream(p) << "report " << i << " round " << round << " " << std::string(round % 50, 'z') << "\n";
      }
    }
  });
  auto r = run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(120), tmp.path());
  stop = true;
  churn.join();
  INFO(r.err);
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.exit_code == 0);
  // At rest, a second run brings the index exactly to the folder.
  auto second = run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(120), tmp.path());
  REQUIRE(second.exit_code == 0);
  auto fresh = run_bounded({index_bin(), folder, "--index", tmp.path() + "/fresh", "-q"}, std::chrono::seconds(120),
                           tmp.path());
  REQUIRE(fresh.exit_code == 0);
  CHECK(index_contents(index) == index_contents(tmp.path() + "/fresh"));
}

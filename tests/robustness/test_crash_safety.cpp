// Crash safety: dossier-index killed with SIGKILL at random moments, during a
// first run and during an incremental run, on real reports. After every kill
// the index must open, search and pass xapian-check, hold only whole, committed
// files, and the next run must end with exactly the documents of a clean run.

#include "robust_support.hpp"

#include <dossier/searcher.hpp>

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

namespace fs = std::filesystem;
using namespace dossier::test;
using Contents = std::map<std::string, std::string>;
using std::chrono::milliseconds;

namespace {

constexpr auto kRunLimit = std::chrono::seconds(300);

unsigned test_seed() {
  if (const char* s = std::getenv("DOSSIER_CRASH_SEED")) return static_cast<unsigned>(std::strtoul(s, nullptr, 10));
  return std::random_device{}();
}

// A folder of real speeches plus a few Markdown reports with front matter.
void fill_folder(const std::string& folder, const std::vector<std::string>& speeches) {
  for (const auto& f : speeches) {
    fs::path p(f);
    fs::path dest = fs::path(folder) / p.parent_path().filename() / p.filename();
    fs::create_directories(dest.parent_path());
    fs::copy_file(p, dest, fs::copy_options::overwrite_existing);
  }
  fs::create_directories(folder + "/briefs");
  for (int i = 0; i < 20; ++i) {
    std::ofstream(folder + "/briefs/brief-" + std::to_string(i) + ".md")
        << "---\ntitle: Brief " << i << "\nsource: Kestrel Desk\ndate: 2024-06-" << (10 + i)
        << "\nactors: [Russia, Ukraine]\n---\n# Brief " << i << "\n\nSanctions briefing number " << i << ".\n";
  }
}

struct RunTiming {
  milliseconds duration{0};
};

milliseconds run_clean(const std::string& folder, const std::string& index, const std::string& scratch) {
  auto start = std::chrono::steady_clock::now();
  auto r = run_bounded({index_bin(), folder, "--index", index, "-q"}, kRunLimit, scratch);
  INFO(r.err);
  REQUIRE_FALSE(r.timed_out);
  REQUIRE(r.exit_code == 0);
  return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
}

// What must hold right after a kill: the index (if the killed run got as far
// as creating one) opens, searches, passes xapian-check, and holds only
// documents in a state some committed run could have left.
void check_after_kill(const std::string& index, const Contents& before, const Contents& after) {
  if (!fs::exists(fs::path(index) / "iamglass")) {
    // Killed before Xapian created the index: nothing was committed, nothing to check.
    REQUIRE(before.empty());
    return;
  }
  REQUIRE(xapian_check_problems(index).empty());
  Contents now = index_contents(index);
  for (const auto& [id, stamp] : now) {
    INFO("document " << id << " with stamp " << stamp);
    bool from_before = before.count(id) && before.at(id) == stamp;
    bool from_after = after.count(id) && after.at(id) == stamp;
    CHECK((from_before || from_after));
  }
  dossier::Searcher searcher({index});
  dossier::SearchRequest request;
  request.query = "peace";
  request.limit = 3;
  auto results = searcher.search(request);
  CHECK(results.total <= now.size());
}

struct Stats {
  int kills = 0;
  int finished_before_kill = 0;
};

// Kills `dossier-index folder` at a random moment in [0, window], checks, then
// lets a new run finish and compares with `expected`. A run that ends before
// its kill narrows the window (a loaded machine makes the timing run slow),
// so later kills still land mid-run.
void kill_and_recover(const std::string& folder, const std::string& index, const std::string& scratch,
                      milliseconds& window, std::mt19937& rng, const Contents& before, const Contents& expected,
                      Stats& stats) {
  std::uniform_int_distribution<long> delay(0, window.count());
  long wait_ms = delay(rng);
  INFO("killed after " << wait_ms << " ms");
  {
    auto start = std::chrono::steady_clock::now();
    ChildProcess child({index_bin(), folder, "--index", index, "-q"}, scratch + "/killed");
    if (child.wait_for(milliseconds(wait_ms))) {
      ++stats.finished_before_kill;
      auto took = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
      window = std::min(window, took);
    } else {
      ++stats.kills;
    }
    child.kill_now();
  }
  check_after_kill(index, before, expected);
  auto r = run_bounded({index_bin(), folder, "--index", index, "-q"}, kRunLimit, scratch);
  INFO(r.err);
  REQUIRE_FALSE(r.timed_out);
  REQUIRE(r.exit_code == 0);
  REQUIRE(xapian_check_problems(index).empty());
  Contents recovered = index_contents(index);
  CHECK(recovered.size() == expected.size());
  CHECK(recovered == expected);
}

// Changes a folder the way a day of work does: some files edited, some deleted, some new.
void change_folder(const std::string& folder, const std::vector<std::string>& new_speeches) {
  std::vector<fs::path> files;
  for (auto& e : fs::recursive_directory_iterator(folder))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i % 10 == 3) {
      fs::remove(files[i]);
    } else if (i % 10 == 7) {
      std::ofstream(files[i], std::ios::app) << "\nAddendum: revised text " << i << ".\n";
    }
  }
  fill_folder(folder + "/new", new_speeches);
}

void crash_test(std::size_t speech_count, int kills_per_phase) {
  if (!have_xapian_check()) {
    WARN("xapian-check not found (package xapian-tools): skipping");
    return;
  }
  auto speeches = un_speech_files(speech_count * 2);
  if (speeches.size() < speech_count * 2) {
    WARN("UN General Debates corpus not found under " << shared_dir() << ": skipping");
    return;
  }
  std::vector<std::string> first(speeches.begin(), speeches.begin() + static_cast<long>(speech_count));
  std::vector<std::string> later(speeches.begin() + static_cast<long>(speech_count),
                                 speeches.begin() + static_cast<long>(speech_count + speech_count / 4));
  unsigned seed = test_seed();
  INFO("seed " << seed << " (rerun with DOSSIER_CRASH_SEED=" << seed << ")");
  std::mt19937 rng(seed);
  TempDir tmp;
  const std::string folder = tmp.path() + "/reports", scratch = tmp.path();
  fill_folder(folder, first);

  // Clean first run, the reference for every killed first run.
  const std::string clean_a = tmp.path() + "/clean-a";
  const milliseconds first_duration = run_clean(folder, clean_a, scratch);
  milliseconds first_window = first_duration;
  Contents contents_a = index_contents(clean_a);
  REQUIRE(contents_a.size() == speech_count + 20);

  Stats stats;
  for (int i = 0; i < kills_per_phase; ++i) {
    std::string index = tmp.path() + "/first-" + std::to_string(i);
    kill_and_recover(folder, index, scratch, first_window, rng, {}, contents_a, stats);
  }

  // Incremental runs start from a copy of the clean index of the old folder.
  change_folder(folder, later);
  const std::string clean_b = tmp.path() + "/clean-b";
  copy_tree(clean_a, clean_b);
  const milliseconds update_duration = run_clean(folder, clean_b, scratch);
  milliseconds update_window = update_duration;
  Contents contents_b = index_contents(clean_b);
  // An incremental run must end where a rebuild from nothing ends.
  const std::string rebuilt = tmp.path() + "/rebuilt";
  run_clean(folder, rebuilt, scratch);
  REQUIRE(index_contents(rebuilt) == contents_b);
  REQUIRE(contents_b != contents_a);

  for (int i = 0; i < kills_per_phase; ++i) {
    std::string index = tmp.path() + "/update-" + std::to_string(i);
    copy_tree(clean_a, index);
    kill_and_recover(folder, index, scratch, update_window, rng, contents_a, contents_b, stats);
  }
  WARN("crash safety: " << stats.kills << " kills mid-run, " << stats.finished_before_kill
                        << " runs ended before their kill; first run " << first_duration.count()
                        << " ms, update " << update_duration.count() << " ms");
}

}  // namespace

TEST_CASE("dossier-index killed at random moments leaves a sound index, the next run completes it",
          "[crash]") {
  crash_test(40, 2);
}

TEST_CASE("dossier-index killed at many random moments on a larger folder", "[crash][slow]") {
  crash_test(500, 20);
}

// Readers during writes: searches run in a loop, in threads and through the
// dossier-search binary, while dossier-index rewrites the same index. No search
// may fail, and each must see one committed state, never a torn one.

#include "robust_support.hpp"

#include <dossier/errors.hpp>
#include <dossier/searcher.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

namespace fs = std::filesystem;
using namespace dossier::test;

namespace {

// Fewer files than one indexing batch, so each run commits its files at once:
// a search sees all of a round's words or none of them.
constexpr int kFiles = 40;
constexpr int kRounds = 5;

std::string round_word(int round) { return "roundmarker" + std::string(1, static_cast<char>('a' + round)); }

// Every file of the folder, rewritten to carry this round's word (and padding,
// so the writer has real work to do).
void write_round(const std::string& folder, int round) {
  for (int i = 0; i < kFiles; ++i) {
    std::ofstream out(folder + "/report-" + std::to_string(i) + ".txt");
    out << "Report " << i << " of round " << round << "\n\n" << round_word(round) << " fixedmarker\n";
    // Distinct words per file, so no two reports look like copies of one article.
    for (int k = 0; k < 100; ++k)
      out << "ministers discussed topic" << (i * 7919 + k * 104729) % 100003 << " and item" << (i * 31 + k) << "\n";
  }
}

struct Observations {
  std::mutex lock;
  std::vector<std::string> failures;
  std::atomic<long> searches{0};
  void fail(std::string what) {
    std::lock_guard<std::mutex> g(lock);
    if (failures.size() < 20) failures.push_back(std::move(what));
  }
};

// One reader thread: its own Searcher, searching round words and the fixed word.
void search_loop(const std::string& index, const std::atomic<bool>& stop, Observations& seen) {
  std::unique_ptr<dossier::Searcher> searcher;
  while (!stop) {
    try {
      if (!searcher) searcher = std::make_unique<dossier::Searcher>(std::vector<std::string>{index});
      for (int round = 0; round < kRounds && !stop; ++round) {
        dossier::SearchRequest request;
        request.query = round_word(round);
        request.exact_total = true;
        request.collapse_duplicates = false;
        request.limit = 5;
        auto results = searcher->search(request);
        ++seen.searches;
        if (results.total != 0 && results.total != static_cast<std::size_t>(kFiles))
          seen.fail(request.query + " matched " + std::to_string(results.total) + " documents (torn state)");
        for (const auto& hit : results.hits)
          if (hit.article.id.empty()) seen.fail("a hit without an id");
      }
      dossier::SearchRequest fixed;
      fixed.query = "fixedmarker";
      fixed.exact_total = true;
      fixed.collapse_duplicates = false;
      auto results = searcher->search(fixed);
      ++seen.searches;
      if (results.total != static_cast<std::size_t>(kFiles))
        seen.fail("fixedmarker matched " + std::to_string(results.total) + " documents, want " +
                  std::to_string(kFiles));
    } catch (const std::exception& e) {
      seen.fail(std::string("search threw: ") + e.what());
    }
  }
}

// The binary, as a user's shell loop would run it.
void binary_loop(const std::string& index, const std::string& scratch, const std::atomic<bool>& stop,
                 Observations& seen) {
  while (!stop) {
    auto r = run_bounded({search_bin(), "--index", index, "--json", "fixedmarker", "--exact"}, std::chrono::seconds(60),
                         scratch);
    ++seen.searches;
    if (r.timed_out || r.exit_code != 0) seen.fail("dossier-search exit " + std::to_string(r.exit_code) + ": " + r.err);
    else if (r.out.find("\"total\":" + std::to_string(kFiles)) == std::string::npos)
      seen.fail("dossier-search saw another total: " + r.out.substr(0, 200));
  }
}

}  // namespace

TEST_CASE("searches running during updates never fail and see only committed states", "[readers]") {
  TempDir tmp;
  const std::string folder = tmp.path() + "/reports", index = tmp.path() + "/index";
  fs::create_directories(folder);
  write_round(folder, 0);
  auto first = run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(120), tmp.path());
  REQUIRE(first.exit_code == 0);

  Observations seen;
  std::atomic<bool> stop{false};
  std::vector<std::thread> readers;
  for (int t = 0; t < 2; ++t) readers.emplace_back(search_loop, index, std::cref(stop), std::ref(seen));
  readers.emplace_back(binary_loop, index, tmp.path(), std::cref(stop), std::ref(seen));

  std::vector<int> exit_codes;
  for (int round = 1; round < kRounds; ++round) {
    write_round(folder, round);
    auto r = run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(120), tmp.path());
    exit_codes.push_back(r.exit_code);
  }
  stop = true;
  for (auto& t : readers) t.join();

  for (int code : exit_codes) CHECK(code == 0);
  INFO(seen.searches << " searches");
  for (const auto& f : seen.failures) FAIL_CHECK(f);
  CHECK(seen.searches > 20);
  // The last round is what the index holds now.
  dossier::Searcher searcher({index});
  dossier::SearchRequest request;
  request.query = round_word(kRounds - 1);
  request.exact_total = true;
  request.collapse_duplicates = false;
  CHECK(searcher.search(request).total == static_cast<std::size_t>(kFiles));
  request.query = round_word(kRounds - 2);
  CHECK(searcher.search(request).total == 0);
}

// A reader that holds one revision while several commits go by is the case
// where Xapian throws DatabaseModifiedError; the searcher must reopen and retry.
TEST_CASE("a searcher opened long ago keeps working after many commits", "[readers]") {
  TempDir tmp;
  const std::string folder = tmp.path() + "/reports", index = tmp.path() + "/index";
  fs::create_directories(folder);
  write_round(folder, 0);
  REQUIRE(run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(120), tmp.path())
              .exit_code == 0);
  dossier::Searcher old_searcher({index});
  for (int round = 1; round < 4; ++round) {
    write_round(folder, round);
    REQUIRE(run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(120), tmp.path())
                .exit_code == 0);
  }
  dossier::SearchRequest request;
  request.query = round_word(3);
  request.exact_total = true;
  request.collapse_duplicates = false;
  dossier::SearchResults results;
  REQUIRE_NOTHROW(results = old_searcher.search(request));
  CHECK(results.total == static_cast<std::size_t>(kFiles));
  CHECK(old_searcher.document_count() == static_cast<std::size_t>(kFiles));
}

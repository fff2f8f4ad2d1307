// Hostile folders: special files, loops, links out, deep and long paths, huge
// files and lines, bombs and broken files. The run must end (bounded time),
// every good report must be found, and the problems must be in the summary.

#include "hostile_folder.hpp"
#include "robust_support.hpp"

#include <dossier/searcher.hpp>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace dossier::test;

namespace {

std::size_t matches(dossier::Searcher& searcher, const std::string& word) {
  dossier::SearchRequest request;
  request.query = word;
  request.exact_total = true;
  return searcher.search(request).total;
}

bool reported(const nlohmann::json& problems, const std::string& name) {
  for (const auto& p : problems) {
    std::string path = p.value("path", "");
    if (path.size() >= name.size() && path.compare(path.size() - name.size(), name.size(), name) == 0) return true;
  }
  return false;
}

}  // namespace

namespace {

void hostile_test(bool big) {
  TempDir tmp;
  const std::string root = tmp.path() + "/hostile", outside = tmp.path() + "/outside";
  // std::filesystem cannot remove paths over PATH_MAX; this runs before TempDir's cleanup.
  struct LongPathCleanup {
    std::string path;
    ~LongPathCleanup() { remove_deep_tree(path); }
  } cleanup{root + "/long"};
  fs::create_directories(root);
  HostileFolder folder = build_hostile_folder(root, outside, big);
  for (const auto& note : folder.notes) WARN("not built here: " << note);
  const std::string index = tmp.path() + "/index";

  // Generous: the whole folder takes seconds; a hang is what this catches.
  auto r = run_bounded({index_bin(), root, "--index", index, "--json", "--threads", "2"}, std::chrono::seconds(600),
                       tmp.path());
  INFO("stderr: " << r.err.substr(0, 4000));
  REQUIRE_FALSE(r.timed_out);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));

  auto report = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE(report.is_object());
  const auto& problems = report["problems"];
  for (const auto& name : folder.must_report) {
    INFO("special file or link " << name);
    CHECK(reported(problems, name));
  }
  CHECK(reported(problems, "binary.txt"));
  CHECK(reported(problems, "empty.txt"));
  CHECK(report["skipped"].get<std::size_t>() >= folder.must_report.size());

  // The summary line names the reasons.
  CHECK(r.err.find("skipped (") != std::string::npos);

  dossier::Searcher searcher({index});
  for (const auto& g : folder.good) {
    INFO("good report " << g.name << " (word " << g.word << ")");
    CHECK(matches(searcher, g.word) == 1);
  }
  for (const auto& w : folder.must_not_find) {
    INFO("only reachable through a link out of the folder: " << w);
    CHECK(matches(searcher, w) == 0);
  }
  // A path longer than PATH_MAX: found, or else reported — never silently lost.
  if (!folder.long_path_word.empty()) {
    bool found = matches(searcher, folder.long_path_word) == 1;
    bool said = reported(problems, "report.txt") || r.err.find("too long") != std::string::npos;
    if (!found) WARN("the report with a path over PATH_MAX was reported, not indexed");
    CHECK((found || said));
  }

  // A second run over the same folder changes nothing and still ends.
  auto again = run_bounded({index_bin(), root, "--index", index, "--json"}, std::chrono::seconds(600), tmp.path());
  REQUIRE_FALSE(again.timed_out);
  CHECK((again.exit_code == 0 || again.exit_code == 1));
  auto second = nlohmann::json::parse(again.out, nullptr, false);
  REQUIRE(second.is_object());
  CHECK(second["added"] == 0);
  CHECK(second["removed"] == 0);

  struct rusage usage {};
  ::getrusage(RUSAGE_CHILDREN, &usage);
  WARN("hostile folder: largest child resident set " << usage.ru_maxrss / 1024 << " MB");
}

}  // namespace

TEST_CASE("a hostile folder is indexed to the end and every good report is found", "[hostile]") {
  hostile_test(false);
}

TEST_CASE("a hostile folder with a 30 MB file and a 5 MB line", "[hostile][slow]") { hostile_test(true); }

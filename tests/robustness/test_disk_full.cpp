// A full disk and a read-only index: a clear error and exit 3, an index that
// still opens at its last commit, and a next run (with room) that completes.
// Needs mount(8) as root; skipped with a message where that is not permitted.

#include "robust_support.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace dossier::test;

namespace {

// A mount that is undone at scope end, whatever happens in between.
class Mount {
 public:
  explicit Mount(std::vector<std::string> mount_argv, std::string target)
      : target_(std::move(target)) {
    auto r = run_process(mount_argv);
    mounted_ = r.exit_code == 0;
    error_ = r.err;
  }
  ~Mount() {
    if (mounted_) run_process({"/bin/umount", "-l", target_});
  }
  Mount(const Mount&) = delete;
  Mount& operator=(const Mount&) = delete;
  [[nodiscard]] bool mounted() const { return mounted_; }
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  std::string target_;
  bool mounted_ = false;
  std::string error_;
};

bool can_try_mounts() { return ::geteuid() == 0 && ::access("/bin/mount", X_OK) == 0; }

void write_reports(const std::string& folder, int first, int count, std::size_t bytes_each) {
  fs::create_directories(folder);
  for (int i = first; i < first + count; ++i) {
    std::ofstream out(folder + "/report-" + std::to_string(i) + ".txt");
    out << "Report " << i << " uniqueword" << i << "\n\n";
    for (std::size_t n = 0; n * 60 < bytes_each; ++n)
      out << "w" << (n * 7919 + static_cast<std::size_t>(i) * 104729) % 1000003 << " analysts wrote words here\n";
  }
}

}  // namespace

TEST_CASE("a full disk stops the run with a clear error, the index keeps its last commit", "[diskfull]") {
  if (!can_try_mounts()) {
    WARN("SKIPPED: needs root and mount(8) to make a small tmpfs");
    return;
  }
  TempDir tmp;
  const std::string disk = tmp.path() + "/disk", folder = tmp.path() + "/reports";
  fs::create_directories(disk);
  Mount small({"/bin/mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk}, disk);
  if (!small.mounted()) {
    WARN("SKIPPED: cannot mount a tmpfs here: " << small.error());
    return;
  }
  const std::string index = disk + "/index";
  write_reports(folder, 0, 10, 2000);
  auto first = run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(120), tmp.path());
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  auto committed = index_contents(index);
  REQUIRE(committed.size() == 10);

  // Far more than 3 MB of index.
  write_reports(folder, 10, 200, 15000);
  auto full = run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(300), tmp.path());
  INFO("full disk run stderr: " << full.err);
  REQUIRE_FALSE(full.timed_out);
  CHECK(full.exit_code == 3);
  CHECK(std::count(full.err.begin(), full.err.end(), '\n') <= 2);
  CHECK(full.err.find("No space left on device") != std::string::npos);

  // The index opens at a commit: the first one, or a later whole batch.
  auto after = index_contents(index);
  CHECK(after.size() >= committed.size());
  for (const auto& [id, stamp] : committed) CHECK(after.count(id) == 1);
  if (have_xapian_check()) CHECK(xapian_check_problems(index) == "");

  // With room, the next run completes it.
  auto grown = run_process({"/bin/mount", "-o", "remount,size=200m", disk});
  REQUIRE(grown.exit_code == 0);
  auto again = run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(300), tmp.path());
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(index_contents(index).size() == 210);
  if (have_xapian_check()) CHECK(xapian_check_problems(index) == "");
}

TEST_CASE("a read-only index gives a clear error and exit 3, and stays searchable", "[diskfull]") {
  if (!can_try_mounts()) {
    WARN("SKIPPED: needs root and mount(8) for a read-only bind mount");
    return;
  }
  TempDir tmp;
  const std::string holder = tmp.path() + "/ro", index = holder + "/index", folder = tmp.path() + "/reports";
  fs::create_directories(holder);
  write_reports(folder, 0, 5, 1000);
  REQUIRE(run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(120), tmp.path())
              .exit_code == 0);
  write_reports(folder, 5, 5, 1000);
  {
    Mount bind({"/bin/mount", "--bind", holder, holder}, holder);
    if (!bind.mounted()) {
      WARN("SKIPPED: cannot bind-mount here: " << bind.error());
      return;
    }
    auto ro = run_process({"/bin/mount", "-o", "remount,ro,bind", holder});
    if (ro.exit_code != 0) {
      WARN("SKIPPED: cannot remount read-only here: " << ro.err);
      return;
    }
    auto r = run_bounded({index_bin(), folder, "--index", index}, std::chrono::seconds(120), tmp.path());
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find("index") != std::string::npos);
    CHECK(index_contents(index).size() == 5);
    auto s = run_bounded({search_bin(), "--index", index, "uniqueword3"}, std::chrono::seconds(60), tmp.path());
    CHECK(s.exit_code == 0);
  }
  // Writable again: the next run completes.
  auto r = run_bounded({index_bin(), folder, "--index", index, "-q"}, std::chrono::seconds(120), tmp.path());
  CHECK(r.exit_code == 0);
  CHECK(index_contents(index).size() == 10);
}

// One writer: a second dossier-index on an index that is being written says so
// in one line and exits 3; with --wait it waits for the lock and then succeeds.

#include "robust_support.hpp"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace fs = std::filesystem;
using namespace dossier::test;
using std::chrono::milliseconds;

namespace {

std::string make_reports(const TempDir& tmp) {
  tmp.write("reports/a.txt", "Lockstep alpha report about grain.\n");
  tmp.write("reports/b.md", "---\ntitle: Beta\n---\nLockstep beta report.\n");
  return tmp.path() + "/reports";
}

}  // namespace

TEST_CASE("a second writer gets one clear line and exit code 3", "[lock]") {
  TempDir tmp;
  std::string folder = make_reports(tmp), index = tmp.path() + "/index";
  Xapian::WritableDatabase holder(index, Xapian::DB_CREATE_OR_OPEN);  // holds the write lock

  auto r = run_bounded({index_bin(), folder, "--index", index}, std::chrono::seconds(60), tmp.path());
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err.find("index is being updated by another process") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(holder.get_doccount() == 0);
}

TEST_CASE("a second indexer with --wait waits for the writer to finish, then indexes", "[lock]") {
  TempDir tmp;
  std::string folder = make_reports(tmp), index = tmp.path() + "/index";
  auto holder = std::make_unique<Xapian::WritableDatabase>(index, Xapian::DB_CREATE_OR_OPEN);

  ChildProcess waiting({index_bin(), folder, "--index", index, "--wait", "-q"}, tmp.path() + "/waiting");
  // Still waiting after a while: it neither gave up nor wrote behind the lock.
  CHECK_FALSE(waiting.wait_for(milliseconds(1500)).has_value());
  holder.reset();  // releases the lock
  auto status = waiting.wait_for(milliseconds(60000));
  REQUIRE(status.has_value());
  INFO(waiting.err());
  CHECK(*status == 0);
  CHECK(index_contents(index).size() == 2);
}
// A writer killed while holding the lock leaves none behind: test_crash_safety's
// next run after every kill covers it.

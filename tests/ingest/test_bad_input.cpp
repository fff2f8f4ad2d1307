// A folder of broken files: each is skipped or degraded with a reason and
// counted, and nothing else is lost; --strict turns skips into exit code 1.
#include <catch2/catch.hpp>

#include "pdf_fixture.hpp"
#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

using namespace dossier;
using namespace dossier::test;

namespace {

struct BrokenFolder {
  TempDir dir;
  std::string folder;
  bool unreadable_checked = false;
  BrokenFolder() {
    dir.write("in/good1.txt", "Good report about pangolins.\n");
    dir.write("in/good2.md", "---\ntitle: Good two\n---\nSecond good report about pangolins.\n");
    dir.write("in/binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16) + std::string(64, '\0'));
    dir.write("in/empty.txt", "");
    dir.write("in/big.txt", std::string(2 * 1024 * 1024, 'a') + "\n");
    dir.write("in/latin1.txt", "Caf\xe9 talks in S\xe3o Paulo about pangolins.\n");
    dir.write("in/mixed.txt", "Mostly UTF-8 \xe2\x80\x94 with one bad byte \xff here about pangolins.\n");
    dir.write("in/bad-front.md", "---\ntitle: [unclosed\n---\nBody survives about pangolins.\n");
    dir.write("in/bad.json", "{\"title\": \"broken\", ");
    dir.write("in/bad.html", "<html><head><title>Cut page</title></head><body><p>pangolins cut off <b");
    dir.write("in/fake.pdf", "%PDF-1.4\nthis is not really a PDF\n");
    dir.write("in/bad.csv", "just,some,columns\n1,2,3\n");
    std::string locked = dir.write("in/locked.txt", "Secret pangolins.\n");
    ::chmod(locked.c_str(), 0);
    // root reads anything: the unreadable case only shows for ordinary users.
    unreadable_checked = ::geteuid() != 0;
    if (!unreadable_checked) std::filesystem::remove(locked);
    folder = dir.path() + "/in";
  }
};

std::map<std::string, std::string> reasons_by_file(const IndexReport& report) {
  std::map<std::string, std::string> out;
  for (const auto& p : report.problems)
    out[std::filesystem::path(p.path).filename().string()] = (p.skipped ? "skipped:" : "degraded:") + p.reason;
  return out;
}

}  // namespace

TEST_CASE("broken files are skipped or degraded with a reason and the rest is indexed", "[bad-input]") {
  BrokenFolder in;
  std::string index = in.dir.path() + "/index";
  IndexerOptions options;
  options.max_file_bytes = 1024 * 1024;
  Indexer indexer(index, options);
  IndexReport report = indexer.add_folder(in.folder);
  auto reasons = reasons_by_file(report);

  CHECK(reasons["binary.txt"] == "skipped:binary");
  CHECK(reasons["empty.txt"] == "skipped:empty");
  CHECK(reasons["big.txt"] == "skipped:too large");
  CHECK(reasons["bad.json"] == "skipped:malformed");
  CHECK(reasons["fake.pdf"] == "skipped:malformed");
  CHECK(reasons["bad.csv"] == "skipped:malformed");
  CHECK(reasons["bad-front.md"] == "degraded:degraded");
  CHECK(reasons["bad.html"] == "degraded:degraded");
  if (in.unreadable_checked) CHECK(reasons["locked.txt"] == "skipped:unreadable");
  CHECK(reasons.count("latin1.txt") == 0);
  CHECK(reasons.count("good1.txt") == 0);

  std::size_t skipped = in.unreadable_checked ? 7 : 6;
  CHECK(report.skipped == skipped);
  CHECK(report.added == 6);  // good1, good2, latin1, mixed, bad-front.md and bad.html: nothing else lost
  auto by_reason = report.skipped_by_reason();
  CHECK(by_reason["malformed"] == 3);

  Searcher searcher({index});
  SearchRequest request;
  request.query = "pangolins";
  request.exact_total = true;
  request.collapse_duplicates = false;
  CHECK(searcher.search(request).total == 6);
  auto latin1 = searcher.document(std::filesystem::canonical(in.folder + "/latin1.txt").string());
  REQUIRE(latin1);
  CHECK(latin1->text.find("Caf\xc3\xa9 talks in S\xc3\xa3o Paulo") != std::string::npos);
  auto front = searcher.document(std::filesystem::canonical(in.folder + "/bad-front.md").string());
  REQUIRE(front);
  CHECK(front->text.find("Body survives") != std::string::npos);
}

TEST_CASE("dossier-index --strict exits 1 on skipped files and stats lists the last run's problems", "[bad-input][cli]") {
  BrokenFolder in;
  std::string index = in.dir.path() + "/index";
  auto plain = run_process({index_bin(), in.folder, "--index", index, "--max-file-size", "1", "-q"});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.empty());  // stdout carries only results
  CHECK(plain.err.find("skipped") != std::string::npos);

  std::string index2 = in.dir.path() + "/index2";
  auto strict = run_process({index_bin(), in.folder, "--index", index2, "--max-file-size", "1", "--strict", "--json"});
  CHECK(strict.exit_code == 1);
  auto report = nlohmann::json::parse(strict.out);
  CHECK(report["skipped_by_reason"]["malformed"] == 3);
  CHECK(report["skipped_by_reason"]["too large"] == 1);

  auto stats = run_process({index_bin(), "stats", "--index", index});
  REQUIRE(stats.exit_code == 0);
  CHECK(stats.out.find("problems in the last run") != std::string::npos);
  CHECK(stats.out.find("fake.pdf") != std::string::npos);
  CHECK(stats.out.find("too large") != std::string::npos);
}

TEST_CASE("symbolic links out of the folder are not followed unless asked", "[bad-input]") {
  TempDir dir;
  dir.write("outside/secret.txt", "Outside the folder: okapis.\n");
  dir.write("in/inside.txt", "Inside: okapis.\n");
  REQUIRE(::symlink((dir.path() + "/outside/secret.txt").c_str(), (dir.path() + "/in/link.txt").c_str()) == 0);
  std::string index = dir.path() + "/index";
  auto report = Indexer(index).add_folder(dir.path() + "/in");
  CHECK(report.added == 1);
  CHECK(report.skipped_by_reason()["link out of folder"] == 1);

  IndexerOptions follow;
  follow.follow_external_symlinks = true;
  auto followed = Indexer(dir.path() + "/index2", follow).add_folder(dir.path() + "/in");
  CHECK(followed.added == 2);
}

TEST_CASE("a declared date that cannot be read is reported with the date used instead", "[bad-input]") {
  TempDir dir;
  dir.write("in/texted.md", "---\ntitle: T\ndate: sometime soon\n---\nReport of 3 June 2024 on pangolins.\n");
  dir.write("in/undatable.md", "---\ntitle: U\ndate: 2024-13-45\n---\nPangolins, undated.\n");
  dir.write("in/fine.md", "---\ntitle: F\ndate: 2024-06-18\n---\nPangolins on time.\n");
  Indexer indexer(dir.path() + "/index", IndexerOptions{});
  IndexReport report = indexer.add_folder(dir.path() + "/in");
  CHECK(report.added == 3);
  std::map<std::string, std::string> detail;
  for (const auto& p : report.problems) detail[std::filesystem::path(p.path).filename().string()] = p.detail;
  CHECK(detail.count("fine.md") == 0);
  CHECK(detail["texted.md"] == "declared date 'sometime soon' not understood; dated 2024-06-03 from the text instead");
  CHECK(detail["undatable.md"].rfind("declared date '2024-13-45' not understood; dated ", 0) == 0);
  CHECK(detail["undatable.md"].find("modification time") != std::string::npos);
  Searcher searcher({dir.path() + "/index"});
  auto texted = searcher.document(std::filesystem::canonical(dir.path() + "/in/texted.md").string());
  REQUIRE(texted);
  CHECK(texted->date == "2024-06-03");
}

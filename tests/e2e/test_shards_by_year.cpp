// Shards named by the user: an archive that grows by time kept as one index per
// year, listed in a Xapian stub file, searches as one merged index would (the
// recipe in README "Shards by year or by source").
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <utility>

using namespace dossier::test;
namespace fs = std::filesystem;

namespace {

const char* const kSources[] = {"Harbor Watch", "Ridge Daily", "Lantern Brief"};
const char* const kTopics[] = {"grain corridor tanker inspections", "artillery shells shortage at the front",
                               "drone strikes on refinery sites", "sanctions on shipping insurers",
                               "ceasefire talks mediated in Doha"};
const char* const kActors[] = {"Russia", "Ukraine", "North Korea", "Turkey", "Qatar"};

// Writes reports for one year: front matter says source, date and title.
void write_year(const TempDir& dir, int year, int count) {
  for (int i = 0; i < count; ++i) {
    std::string topic = kTopics[(i + year) % 5];
    std::string body = "Fictional test report. " + std::string(kActors[i % 5]) + " and " + kActors[(i + 2) % 5] +
                       " were named in reporting on " + topic + ". " + (i % 2 ? "Grain exports rose. " : "") +
                       "Report " + std::to_string(i) + " of " + std::to_string(year) + ".\n";
    char date[16];
    std::snprintf(date, sizeof date, "%d-%02d-%02d", year, 1 + i % 12, 1 + (i * 3) % 28);
    dir.write("reports/" + std::to_string(year) + "/r" + std::to_string(i) + ".md",
              "---\ntitle: " + topic + " " + std::to_string(i) + "\nsource: " + kSources[i % 3] + "\ndate: " + date +
                  "\n---\n" + body);
  }
}

std::vector<std::pair<std::string, double>> ranked(const std::string& index, const std::vector<std::string>& query) {
  std::vector<std::string> args{search_bin(), "--index", index, "--json", "-n", "100", "--words-only"};
  args.insert(args.end(), query.begin(), query.end());
  auto r = run_process(args);
  INFO(r.err);
  REQUIRE(r.exit_code <= 1);
  std::vector<std::pair<std::string, double>> out;
  const auto answer = nlohmann::json::parse(r.out);  // kept alive: the loop walks into it
  for (const auto& hit : answer["hits"]) out.emplace_back(hit["id"], hit["score"]);
  return out;
}

void same_answers(const std::string& shards, const std::string& merged) {
  for (const std::vector<std::string>& q : std::vector<std::vector<std::string>>{
           {"grain"}, {"shells", "OR", "drones"}, {"actor:Russia"}, {"year:2024"}, {"source:\"Harbor Watch\" tanker"},
           {"\"grain corridor\""}}) {
    INFO(q.front());
    auto a = ranked(shards, q), b = ranked(merged, q);
    REQUIRE(a.size() == b.size());
    CHECK_FALSE(a.empty());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].first == b[i].first);
      CHECK(a[i].second == Approx(b[i].second).epsilon(1e-9));
    }
  }
}

}  // namespace

TEST_CASE("one index per year, listed in a stub, searches as the merged index, and a new year touches no old one",
          "[e2e][shards]") {
  TempDir dir;
  write_year(dir, 2023, 9);
  write_year(dir, 2024, 11);
  const std::string idx = dir.path() + "/idx";
  for (int year : {2023, 2024}) {
    auto r = run_process({index_bin(), dir.path() + "/reports/" + std::to_string(year), "--index",
                          idx + "/" + std::to_string(year), "-q"});
    REQUIRE(r.exit_code == 0);
  }
  std::ofstream(idx + "/XAPIANDB") << "auto 2023\nauto 2024\n";
  REQUIRE(run_process({index_bin(), dir.path() + "/reports", "--index", dir.path() + "/merged", "-q"}).exit_code == 0);
  same_answers(idx, dir.path() + "/merged");

  // The archive grows: next year gets its own index and a line in the stub.
  auto before = fs::last_write_time(idx + "/2023/iamglass");
  write_year(dir, 2025, 4);
  REQUIRE(run_process({index_bin(), dir.path() + "/reports/2025", "--index", idx + "/2025", "-q"}).exit_code == 0);
  std::ofstream(idx + "/XAPIANDB", std::ios::app) << "auto 2025\n";
  REQUIRE(run_process({index_bin(), dir.path() + "/reports", "--index", dir.path() + "/merged", "-q"}).exit_code == 0);
  CHECK(fs::last_write_time(idx + "/2023/iamglass") == before);
  CHECK(ranked(idx, {"year:2025"}).size() == 4);
  same_answers(idx, dir.path() + "/merged");
}

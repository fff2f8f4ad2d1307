// Did you mean, more like this, duplicates, timeline.
#include "fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace dossier;
using namespace dossier::test;

TEST_CASE("a misspelt word gets a suggestion from the index, --fix searches it", "[search][suggest]") {
  const auto& f = Fixture::get();
  auto r = f.cli({"--json", "artilery"});
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["suggestion"] == "artillery");
  auto fixed = f.cli({"--json", "--fix", "artilery"});
  CHECK(fixed.exit_code == 0);
  auto jf = nlohmann::json::parse(fixed.out);
  CHECK(jf["query"] == "artillery");
  CHECK(jf["total"].get<int>() > 0);
  auto text = f.cli({"refinary", "tanker"});
  CHECK(text.out.find("did you mean \"refinery tanker\"?") != std::string::npos);
  // Known words and field values are left alone.
  auto known = nlohmann::json::parse(f.cli({"--json", "tanker source:\"Alpha Desk\""}).out);
  CHECK_FALSE(known.contains("suggestion"));
}

TEST_CASE("more like this (--like) ranks similar documents, never the document itself", "[search][like]") {
  const auto& f = Fixture::get();
  std::string path = std::filesystem::weakly_canonical(f.folder() + "/" + f.docs()[3].file).string();
  auto r = f.cli({"--json", "--like", path});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE_FALSE(j["hits"].empty());
  for (const auto& hit : j["hits"]) CHECK(hit["path"] != path);
  // The same by id, and combined with a filter.
  auto by_id = nlohmann::json::parse(f.cli({"--json", "--like", path}).out);
  CHECK(by_id["hits"][0]["id"] == j["hits"][0]["id"]);
  auto filtered = nlohmann::json::parse(f.cli({"--json", "--like", path, "--source", "Beta Review"}).out);
  for (const auto& hit : filtered["hits"]) CHECK(hit["source"] == "Beta Review");
}

TEST_CASE("syndicated copies fold into one hit with a copy count, --no-collapse shows all", "[search][duplicates]") {
  const auto& s = SpecialFixture::get();
  auto r = s.cli({"--json", "--no-related", "barley"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["hits"].size() == 1);
  CHECK(j["hits"][0]["copies"] == 2);
  auto all = nlohmann::json::parse(s.cli({"--json", "--no-related", "--no-collapse", "barley"}).out);
  CHECK(all["hits"].size() == 2);
  for (const auto& hit : all["hits"]) CHECK(hit["copies"] == 1);
  auto text = s.cli({"barley"});
  CHECK(text.out.find("(2 copies)") != std::string::npos);
}

TEST_CASE("the shipped corpus's two wheat reports are one hit", "[search][duplicates]") {
  TempDir tmp;
  REQUIRE(run_process({index_bin(), corpus_dir(), "--index", tmp.path() + "/idx", "-q"}).exit_code == 0);
  auto r = run_process({search_bin(), "--index", tmp.path() + "/idx", "--json", "wheat", "Bosporus"});
  auto j = nlohmann::json::parse(r.out);
  int wheat_hits = 0;
  for (const auto& hit : j["hits"])
    if (hit["path"].get<std::string>().find("wheat-cargo-bosporus") != std::string::npos) {
      ++wheat_hits;
      CHECK(hit["copies"] == 2);
    }
  CHECK(wheat_hits == 1);
}

TEST_CASE("aliases in text and declared actors are found alike", "[search][aliases]") {
  const auto& s = SpecialFixture::get();
  auto ids = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--json", "-n", "50"});
    std::set<std::string> out;
    auto j = nlohmann::json::parse(s.cli(args).out);
    for (const auto& hit : j["hits"])
      if (!hit["related"].get<bool>()) out.insert(hit["path"].get<std::string>());
    return out;
  };
  auto expected = ids({"actor:\"North Korea\""});
  CHECK(expected.size() == 2);
  CHECK(ids({"DPRK"}) == expected);
  CHECK(ids({"actor:DPRK"}) == expected);
  CHECK(ids({"--actor", "dprk"}) == expected);
}

TEST_CASE("the timeline (--timeline) draws a bar per month", "[search][timeline]") {
  auto r = Fixture::get().cli({"--timeline", "-n", "0", "year:2024"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("timeline (matches per month)") != std::string::npos);
  // The fixture's 2024 reports fall in even months; odd months show as empty bars.
  CHECK(r.out.find("  2024-02 #") != std::string::npos);
  CHECK(r.out.find("  2024-12 #") != std::string::npos);
  CHECK(r.out.find("  2024-03  ") != std::string::npos);
}

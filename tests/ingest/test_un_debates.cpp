// The UN General Debate corpus (1,938 speeches, 2015-2024): country and year
// come from the path only ("Session 79 - 2024/UKR_79_2024.txt").
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using namespace dossier;
using namespace dossier::test;

namespace fs = std::filesystem;

TEST_CASE("UN debates: country and year from the path, actor:Ukraine year:2024 finds Ukraine's 2024 speech",
          "[corpus][un]") {
  std::string folder = shared_dir() + "/corpora/un-general-debates/TXT";
  if (!fs::exists(folder)) {
    WARN("shared corpus not present: " << folder);
    return;
  }
  folder = fs::canonical(folder).string();
  TempDir dir;
  std::string index = dir.path() + "/index";
  IndexerOptions options;
  options.path_patterns = {"Session */{country}_*_{year}.txt"};
  IndexReport report = Indexer(index, options).add_folder(folder);
  CHECK(report.added == 1938);
  CHECK(report.skipped == 0);

  Searcher searcher({index});
  CHECK(searcher.document_count() == 1938);

  // Every speech is dated in its session's year and names its own country as an actor.
  std::size_t checked = 0;
  for (const auto& session : fs::directory_iterator(folder)) {
    for (const auto& file : fs::directory_iterator(session.path())) {
      std::string name = file.path().filename().string();
      std::string year = name.substr(name.size() - 8, 4);
      auto doc = searcher.document(file.path().string());
      REQUIRE(doc);
      INFO(name << " dated " << doc->date);
      CHECK(doc->date.substr(0, 4) == year);
      CHECK(doc->origins["actors"] == FieldOrigin::path);
      CHECK_FALSE(doc->actors.empty());
      ++checked;
    }
  }
  CHECK(checked == 1938);

  const std::pair<const char*, const char*> countries[] = {
      {"Session 79 - 2024/UKR_79_2024.txt", "Ukraine"},       {"Session 79 - 2024/USA_79_2024.txt", "United States"},
      {"Session 70 - 2015/GBR_70_2015.txt", "United Kingdom"}, {"Session 75 - 2020/PRK_75_2020.txt", "North Korea"},
      {"Session 78 - 2023/EU_78_2023.txt", "European Union"},  {"Session 77 - 2022/PSE_77_2022.txt", "Palestine"},
      {"Session 76 - 2021/VAT_76_2021.txt", "Holy See"},       {"Session 74 - 2019/CHN_74_2019.txt", "China"},
  };
  for (const auto& [path, country] : countries) {
    if (!fs::exists(folder + "/" + path)) continue;
    INFO(path);
    auto doc = searcher.document(folder + "/" + path);
    REQUIRE(doc);
    CHECK(std::count(doc->actors.begin(), doc->actors.end(), country) == 1);
  }

  const std::string ukraine_2024 = folder + "/Session 79 - 2024/UKR_79_2024.txt";
  SearchRequest request;
  request.query = "actor:Ukraine year:2024";
  request.limit = 300;
  request.exact_total = true;
  auto results = searcher.search(request);
  CHECK(results.total < 192);  // a filter: only 2024 speeches naming Ukraine
  bool found = std::any_of(results.hits.begin(), results.hits.end(),
                           [&](const Hit& h) { return h.article.path == ukraine_2024; });
  CHECK(found);
  for (const auto& h : results.hits) CHECK(h.article.date.substr(0, 4) == "2024");

  // The same through the binary, as a user would type it.
  auto cli = run_process({search_bin(), "--index", index, "--json", "-n", "300", "actor:Ukraine", "year:2024"});
  REQUIRE(cli.exit_code == 0);
  auto j = nlohmann::json::parse(cli.out);
  bool cli_found = false;
  for (const auto& h : j["hits"]) cli_found = cli_found || h["path"] == ukraine_2024;
  CHECK(cli_found);
}

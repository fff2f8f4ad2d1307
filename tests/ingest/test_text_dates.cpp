// The hand-written date scanner: dates as reports write them.
#include <catch2/catch.hpp>

#include "text_dates.hpp"

using namespace dossier;

TEST_CASE("dates in running text", "[dates]") {
  struct Row {
    const char* text;
    std::optional<int> hint;
    const char* expected;  // "" for none
  };
  const Row rows[] = {
      {"Published June 18, 2024 in Kyiv.", std::nullopt, "2024-06-18"},
      {"Published June 18th, 2024.", std::nullopt, "2024-06-18"},
      {"On 18 June 2024 the talks began.", std::nullopt, "2024-06-18"},
      {"Dated 2024-06-18T10:00:00Z.", std::nullopt, "2024-06-18"},
      {"Dated 06/18/2024.", std::nullopt, "2024-06-18"},
      {"Dated 18/06/2024.", std::nullopt, "2024-06-18"},
      {"Dated 18.06.2024.", std::nullopt, "2024-06-18"},
      {"Seen on Jun. 18 by analysts.", 2024, "2024-06-18"},
      {"Seen on 18 June by analysts.", 2024, "2024-06-18"},
      {"Seen on Sept 3 by analysts.", 2021, "2021-09-03"},
      {"Seen on June 18 by analysts.", std::nullopt, ""},             // no year anywhere
      {"On June 17 it said; in 2022 and 2019 it had said so.", std::nullopt, "2022-06-17"},  // latest year
      {"On June 17 it met; the 3 March 2021 accord stands.", std::nullopt, "2021-06-17"},  // the full date's year
      {"may 5 people came; June 31 is no date; 2024-13-01 neither.", 2024, ""},
      {"Version 1.2.3 and 10/20/30 are not dates.", 2024, ""},
      {"February 29, 2023 does not exist, February 29, 2024 does.", std::nullopt, "2024-02-29"},
      {"", 2024, ""},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    auto d = find_date_in_text(row.text, row.hint);
    CHECK((d ? d->iso() : std::string()) == row.expected);
  }
}

TEST_CASE("a year-less date with no year in the text takes the fallback year", "[dates]") {
  auto d = scan_date_in_text("Talks on June 17.", std::nullopt, 2020);
  REQUIRE(d);
  CHECK(d->date.iso() == "2020-06-17");
  CHECK_FALSE(d->year_written);
}

TEST_CASE("a required year passes over dates of other years", "[dates]") {
  auto d = scan_date_in_text("In 7 May 2001 and on 12 September 2024 again.", std::nullopt, std::nullopt, 2024);
  REQUIRE(d);
  CHECK(d->date.iso() == "2024-09-12");
}

TEST_CASE("dates in file names", "[dates]") {
  CHECK(find_date_in_file_name("2024-06-18-brief.md")->iso() == "2024-06-18");
  CHECK(find_date_in_file_name("brief_20240618.txt")->iso() == "2024-06-18");
  CHECK(find_date_in_file_name("brief_2024_06_18.pdf")->iso() == "2024-06-18");
  CHECK_FALSE(find_date_in_file_name("UKR_79_2024.txt"));
  CHECK_FALSE(find_date_in_file_name("report-123456789.txt"));
}

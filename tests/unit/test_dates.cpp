#include <catch2/catch.hpp>

#include "dates.hpp"

using dossier::parse_date;

TEST_CASE("parse_date reads the ways reports write dates", "[dates]") {
  struct Case {
    const char* input;
    const char* iso;
  };
  const Case cases[] = {
      {"2024-06-18", "2024-06-18"},
      {"2024-06-18T10:15:00Z", "2024-06-18"},
      {"2024/6/8", "2024-06-08"},
      {"18 June 2024", "2024-06-18"},
      {"June 18, 2024", "2024-06-18"},
      {"Jun. 18, 2024", "2024-06-18"},
      {"06/18/2024", "2024-06-18"},
      {"18/06/2024", "2024-06-18"},
      {"Tue, 18 Jun 2024 10:00:00 GMT", "2024-06-18"},
      {"26-FEB-1987 15:01:01.79", "1987-02-26"},
      {"D:20240618101500Z", "2024-06-18"},
      {"20240618", "2024-06-18"},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    auto d = parse_date(c.input);
    REQUIRE(d.has_value());
    CHECK(d->iso() == c.iso);
  }
}

TEST_CASE("parse_date rejects what is not a date", "[dates]") {
  for (const char* bad : {"", "yesterday", "2024-13-01", "2023-02-29", "31 June 2024", "June 2024", "12345"}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad).has_value());
  }
}

TEST_CASE("a year alone is a date known to the year only", "[dates]") {
  auto d = parse_date("2018");
  REQUIRE(d.has_value());
  CHECK(d->year_only());
  CHECK(d->iso() == "2018");
  CHECK(d->compact() == "2018");
  // Inside the year's range of compact values, before its first day.
  CHECK(d->compact() < "20180101");
  CHECK(d->compact() > "20171231");
  CHECK(d->days_since_epoch() == (dossier::CivilDate{2018, 1, 1}.days_since_epoch()));
  CHECK_FALSE(parse_date("0999").has_value());
  CHECK_FALSE(parse_date("2018a").has_value());
  CHECK_FALSE(parse_date("20180").has_value());
}

TEST_CASE("dates convert to the forms the index keeps", "[dates]") {
  dossier::CivilDate d{2024, 2, 29};
  CHECK(d.compact() == "20240229");
  CHECK(d.days_since_epoch() == 19782);
  CHECK(dossier::CivilDate{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(dossier::date_from_unix_time(86400 * 19782).iso() == "2024-02-29");
}

#pragma once
// Reading dates written the many ways reports write them.

#include <optional>
#include <string>
#include <string_view>

namespace dossier {

// A day, or a year alone (month and day 0) when that is all a source says:
// shown as "2018", not as a made-up first of January, and kept in the date
// slot as "2018", which sorts before the year's days and lies inside year
// ranges ("2018" ≤ v ≤ "20181231") but outside month and day ranges.
struct CivilDate {
  int year = 0, month = 0, day = 0;
  [[nodiscard]] bool year_only() const { return month == 0; }
  [[nodiscard]] std::string iso() const;       // "YYYY-MM-DD", or "YYYY"
  [[nodiscard]] std::string compact() const;   // "YYYYMMDD" (or "YYYY"), the form kept in the value slot
  [[nodiscard]] long days_since_epoch() const;  // for recency scoring (a year alone: its first day)

 private:
  [[nodiscard]] std::string joined(const char* separator) const;
};

// True for a real calendar date between years 1000 and 9999.
bool is_valid_date(int year, int month, int day);

// Month number (1-12) for an English month name or abbreviation, any case; 0 if none.
int month_from_name(std::string_view word);

// A declared date value: "2018" (a year alone), "2024-06-18", ISO date-times, "2024/06/18", "18 June 2024",
// "June 18, 2024", "06/18/2024", RFC 2822 ("Tue, 18 Jun 2024 10:00:00 GMT"),
// "18-JUN-1987 15:01:01", PDF's "D:20240618...". nullopt when it is not one.
std::optional<CivilDate> parse_date(std::string_view value);

// A date from a Unix time (UTC).
CivilDate date_from_unix_time(long long seconds);

}  // namespace dossier

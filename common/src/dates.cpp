#include "dates.hpp"

#include "text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <vector>

namespace dossier {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};

// Splits a date string into alternating number and word tokens, dropping punctuation.
struct Token {
  bool number;
  std::string text;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < 12) {
    auto c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c)) {
      std::size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({true, std::string(s.substr(i, j - i))});
      i = j;
    } else if (std::isalpha(c)) {
      std::size_t j = i;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({false, std::string(s.substr(i, j - i))});
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

int to_int(const std::string& digits) {
  if (digits.empty() || digits.size() > 8) return -1;
  return std::stoi(digits);
}

std::optional<CivilDate> make(int y, int m, int d) {
  if (!is_valid_date(y, m, d)) return std::nullopt;
  return CivilDate{y, m, d};
}

}  // namespace

// The date in digits, its parts joined by `separator`; a year alone as the year.
std::string CivilDate::joined(const char* separator) const {
  char buf[32];
  if (year_only()) std::snprintf(buf, sizeof buf, "%04d", year);
  else std::snprintf(buf, sizeof buf, "%04d%s%02d%s%02d", year, separator, month, separator, day);
  return buf;
}

std::string CivilDate::iso() const { return joined("-"); }

std::string CivilDate::compact() const { return joined(""); }

long CivilDate::days_since_epoch() const {
  // A date known only to its year counts from its first day.
  const int m = year_only() ? 1 : month, d = year_only() ? 1 : day;
  // Howard Hinnant's days_from_civil.
  int y = year - (m <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool is_valid_date(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

int month_from_name(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "sept") return 9;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    std::string_view name = kMonths[m];
    if (lower == name || (lower.size() == 3 && name.substr(0, 3) == lower)) return static_cast<int>(m) + 1;
  }
  return 0;
}

std::optional<CivilDate> parse_date(std::string_view value) {
  value = trim(value);
  if (value.size() > 64 || value.empty()) return std::nullopt;
  if (value.substr(0, 2) == "D:") value.remove_prefix(2);  // PDF dates

  // A year alone ("date: 2018"): known to the year, not to the day.
  if (value.size() == 4 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int year = to_int(std::string(value));
    if (year >= 1000) return CivilDate{year, 0, 0};
    return std::nullopt;
  }

  // Compact YYYYMMDD (PDF info, file names).
  if (value.size() >= 8) {
    bool digits = true;
    for (std::size_t i = 0; i < 8; ++i) digits = digits && std::isdigit(static_cast<unsigned char>(value[i]));
    std::size_t run = 0;
    while (run < value.size() && std::isdigit(static_cast<unsigned char>(value[run]))) ++run;
    // YYYYMMDD, optionally followed by HHMM or HHMMSS (PDF's D:YYYYMMDDHHmmSS).
    if (digits && (run == 8 || run == 12 || run == 14))
      return make(to_int(std::string(value.substr(0, 4))), to_int(std::string(value.substr(4, 2))),
                  to_int(std::string(value.substr(6, 2))));
  }

  auto tokens = tokenize(value);
  // Drop a leading weekday name ("Tue, 18 Jun 2024").
  if (!tokens.empty() && !tokens[0].number && month_from_name(tokens[0].text) == 0)
    tokens.erase(tokens.begin());
  if (tokens.size() < 3) return std::nullopt;
  const Token &a = tokens[0], &b = tokens[1], &c = tokens[2];

  if (a.number && b.number && c.number) {
    int x = to_int(a.text), y = to_int(b.text), z = to_int(c.text);
    if (a.text.size() == 4) return make(x, y, z);                 // 2024-06-18
    if (c.text.size() == 4) {
      if (x > 12) return make(z, y, x);                           // 18/06/2024
      return make(z, x, y);                                       // 06/18/2024 (US order)
    }
    return std::nullopt;
  }
  if (a.number && !b.number && c.number && c.text.size() == 4) {  // 18 June 2024, 18-JUN-1987
    return make(to_int(c.text), month_from_name(b.text), to_int(a.text));
  }
  if (!a.number && b.number && c.number && c.text.size() == 4) {  // June 18, 2024
    return make(to_int(c.text), month_from_name(a.text), to_int(b.text));
  }
  return std::nullopt;
}

CivilDate date_from_unix_time(long long seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return CivilDate{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace dossier

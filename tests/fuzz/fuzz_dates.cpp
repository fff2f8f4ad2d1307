// Dates as declared and as written in text and file names.

#include "fuzz_targets.hpp"

#include "dates.hpp"
#include "text_dates.hpp"

#include <string_view>

namespace dossier::fuzz {
namespace {

void check(const std::optional<CivilDate>& d, const char* what) {
  if (!d) return;
  if (d->year_only()) {  // "2018": a year alone
    require(d->year >= 1000 && d->year <= 9999 && d->day == 0, what);
    require(d->iso().size() == 4 && d->compact() == d->iso(), what);
    return;
  }
  require(is_valid_date(d->year, d->month, d->day), what);
  require(d->iso().size() == 10 && d->compact().size() == 8, what);
}

}  // namespace

int dates(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check(parse_date(text), "parse_date returned an impossible date");
  std::optional<int> hint;
  if (size >= 2 && data[0] == '!') hint = 1000 + (data[1] * 37) % 9000;
  check(find_date_in_text(text, hint), "find_date_in_text returned an impossible date");
  check(find_date_in_text(text, std::nullopt), "find_date_in_text returned an impossible date");
  check(find_date_in_file_name(text), "find_date_in_file_name returned an impossible date");
  (void)month_from_name(text);
  if (size >= 8) {
    long long seconds = 0;
    for (int i = 0; i < 8; ++i) seconds = (seconds << 8) | data[i];
    (void)date_from_unix_time(seconds);
  }
  return 0;
}

}  // namespace dossier::fuzz

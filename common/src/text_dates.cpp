#include "text_dates.hpp"

#include <algorithm>

namespace dossier {
namespace {

// Reports state their date near the top; scanning further finds dates they merely mention.
constexpr std::size_t kScanBytes = 6000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || is_upper(c); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

// A cursor over the text with the few primitives the date shapes need.
class Cursor {
 public:
  Cursor(std::string_view s, std::size_t pos) : s_(s), pos_(pos) {}
  [[nodiscard]] std::size_t pos() const { return pos_; }
  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0';
  }
  // A run of 1..max digits not followed by another digit; -1 when there is none.
  int number(std::size_t min_digits, std::size_t max_digits, std::size_t* digits = nullptr) {
    std::size_t n = 0;
    int value = 0;
    while (n <= max_digits && is_digit(peek(n))) value = value * 10 + (peek(n++) - '0');
    if (n < min_digits || n > max_digits) return -1;
    pos_ += n;
    if (digits) *digits = n;
    return value;
  }
  // A run of letters; empty when there is none.
  std::string_view word() {
    std::size_t n = 0;
    while (is_alpha(peek(n))) ++n;
    std::string_view w = s_.substr(pos_, n);
    pos_ += n;
    return w;
  }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Spaces (and tabs / no-break spaces); returns how many bytes were skipped.
  std::size_t spaces() {
    std::size_t start = pos_;
    while (true) {
      if (peek() == ' ' || peek() == '\t') ++pos_;
      else if (peek() == '\xC2' && peek(1) == '\xA0') pos_ += 2;
      else break;
    }
    return pos_ - start;
  }
  // "st", "nd", "rd", "th" after a day number.
  void ordinal() {
    char a = peek(), b = peek(1);
    bool suffix = (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
    if (suffix && !is_alnum(peek(2))) pos_ += 2;
  }
  [[nodiscard]] bool at_word_end() const { return !is_alnum(peek()); }

 private:
  std::string_view s_;
  std::size_t pos_;
};

// A month written with a capital ("June", "Jun", "Jun.", "Sept"); 0 when it is not one.
int month_word(Cursor& c) {
  if (!is_upper(c.peek())) return 0;
  std::string_view w = c.word();
  int month = month_from_name(w);
  if (month != 0 && w.size() <= 4) c.accept('.');
  return month;
}

struct Found {
  int year = 0;  // 0: not written
  int month = 0;
  int day = 0;
};

// Numeric dates: 2024-06-18, 2024/06/18, 06/18/2024, 18/06/2024, 18.06.2024.
std::optional<Found> numeric_date(Cursor c) {
  std::size_t digits = 0;
  int first = c.number(1, 4, &digits);
  if (first < 0) return std::nullopt;
  char sep = c.peek();
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  c.accept(sep);
  if (digits == 4) {
    int month = c.number(1, 2);
    if (month < 0 || !c.accept(sep)) return std::nullopt;
    int day = c.number(1, 2);
    if (day < 0 || (is_alpha(c.peek()) && c.peek() != 'T')) return std::nullopt;
    return Found{first, month, day};
  }
  if (digits > 2) return std::nullopt;
  int second = c.number(1, 2);
  if (second < 0 || !c.accept(sep)) return std::nullopt;
  int year = c.number(4, 4);
  if (year < 0 || !c.at_word_end()) return std::nullopt;
  // '/' is read in US order (month first) unless that cannot be; '.' and '-' day first.
  bool month_first = sep == '/' ? first <= 12 : second > 12;
  return month_first ? Found{year, first, second} : Found{year, second, first};
}

// "18 June 2024", "18th June, 2024", "18 June".
std::optional<Found> day_month_date(Cursor c) {
  int day = c.number(1, 2);
  if (day < 1) return std::nullopt;
  c.ordinal();
  if (c.spaces() == 0) return std::nullopt;
  int month = month_word(c);
  if (month == 0 || !c.at_word_end()) return std::nullopt;
  Cursor after = c;
  after.accept(',');
  if (after.spaces() > 0) {
    int year = after.number(4, 4);
    if (year > 0 && after.at_word_end()) return Found{year, month, day};
  }
  return Found{0, month, day};
}

// "June 18, 2024", "Jun. 18th 2024", "June 18".
std::optional<Found> month_day_date(Cursor c) {
  int month = month_word(c);
  if (month == 0) return std::nullopt;
  if (c.spaces() == 0) return std::nullopt;
  int day = c.number(1, 2);
  if (day < 1) return std::nullopt;
  c.ordinal();
  if (!c.at_word_end()) return std::nullopt;
  Cursor after = c;
  after.accept(',');
  if (after.spaces() > 0) {
    int year = after.number(4, 4);
    if (year > 0 && after.at_word_end()) return Found{year, month, day};
  }
  return Found{0, month, day};
}

}  // namespace

std::optional<TextDate> scan_date_in_text(std::string_view text, std::optional<int> year_hint,
                                          std::optional<int> fallback_year, std::optional<int> required_year) {
  if (required_year) year_hint = required_year;
  std::string_view head = text.substr(0, kScanBytes);
  std::optional<Found> first;       // the first date of either kind
  std::optional<int> first_full_year;
  int latest_year = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    char ch = head[i];
    if (i > 0 && is_alnum(head[i - 1])) continue;
    if (!is_digit(ch) && !is_upper(ch)) continue;
    Cursor at(head, i);
    std::optional<Found> f;
    if (is_digit(ch)) {
      f = numeric_date(at);
      if (!f) f = day_month_date(at);
      if (!f) {
        Cursor y(head, i);
        int year = y.number(4, 4);
        if (year >= 1900 && year <= 2099 && y.at_word_end()) latest_year = std::max(latest_year, year);
      }
    } else {
      f = month_day_date(at);
    }
    if (!f) continue;
    if (f->year != 0) {
      if (!is_valid_date(f->year, f->month, f->day)) continue;
      latest_year = std::max(latest_year, f->year);
      if (required_year && f->year != *required_year) continue;
      if (!first_full_year) first_full_year = f->year;
    } else if (!is_valid_date(2000, f->month, f->day)) {  // 2000 is a leap year: 29 Feb passes
      continue;
    }
    if (!first) first = f;
    // With a date in hand and its year settled, nothing further can change the answer.
    if (first->year != 0 || year_hint || first_full_year) break;
  }
  if (!first) return std::nullopt;
  if (first->year != 0) return TextDate{CivilDate{first->year, first->month, first->day}, true};
  std::optional<int> year = year_hint;
  if (!year && first_full_year) year = first_full_year;
  if (!year && latest_year != 0) year = latest_year;
  if (!year) year = fallback_year;
  if (!year || !is_valid_date(*year, first->month, first->day)) return std::nullopt;
  return TextDate{CivilDate{*year, first->month, first->day}, false};
}

std::optional<CivilDate> find_date_in_text(std::string_view text, std::optional<int> year_hint,
                                           std::optional<int> fallback_year) {
  auto found = scan_date_in_text(text, year_hint, fallback_year);
  if (!found) return std::nullopt;
  return found->date;
}

std::optional<int> find_year_in_path(std::string_view relative_path) {
  std::string_view rest = relative_path;
  while (!rest.empty()) {
    std::size_t slash = rest.rfind('/');
    std::string_view part = slash == std::string_view::npos ? rest : rest.substr(slash + 1);
    // The last year in a name is the likelier date ("Session 72 - 2017", "vol_2001_2019").
    for (std::size_t i = part.size(); i >= 4; --i) {
      std::size_t at = i - 4;
      bool digits = is_digit(part[at]) && is_digit(part[at + 1]) && is_digit(part[at + 2]) && is_digit(part[at + 3]);
      if (!digits || (at > 0 && is_digit(part[at - 1])) || (i < part.size() && is_digit(part[i]))) continue;
      int year = (part[at] - '0') * 1000 + (part[at + 1] - '0') * 100 + (part[at + 2] - '0') * 10 + (part[at + 3] - '0');
      if (year >= 1900 && year <= 2099) return year;
    }
    if (slash == std::string_view::npos) break;
    rest = rest.substr(0, slash);
  }
  return std::nullopt;
}

std::optional<CivilDate> find_date_in_file_name(std::string_view name) {
  auto two = [&name](std::size_t at) {
    return at + 1 < name.size() && is_digit(name[at]) && is_digit(name[at + 1]) ? (name[at] - '0') * 10 + (name[at + 1] - '0')
                                                                                : -1;
  };
  auto skip_separator = [&name](std::size_t at) {
    return at < name.size() && (name[at] == '-' || name[at] == '_' || name[at] == '.') ? at + 1 : at;
  };
  for (std::size_t i = 0; i + 8 <= name.size(); ++i) {
    if (i > 0 && is_digit(name[i - 1])) continue;
    int century = two(i), decade = two(i + 2);
    if ((century != 19 && century != 20) || decade < 0) continue;  // 1900-2099: other "years" are numbers
    std::size_t at = skip_separator(i + 4);
    int month = two(at);
    at = skip_separator(at + 2);
    int day = two(at);
    if (month < 0 || day < 0 || (at + 2 < name.size() && is_digit(name[at + 2]))) continue;
    int year = century * 100 + decade;
    if (is_valid_date(year, month, day)) return CivilDate{year, month, day};
  }
  return std::nullopt;
}

}  // namespace dossier

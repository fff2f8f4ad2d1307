#include "text_dates.hpp"

#include <regex>
#include <string>

namespace dossier {
namespace {

// Reports state their date near the top; scanning further finds dates they merely mention.
constexpr std::size_t kScanBytes = 6000;

const std::regex& full_date_pattern() {
  static const std::regex re(
      R"((\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{4})|)"
      R"(\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,?\s+(\d{4})\b|)"
      R"(\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)");
  return re;
}

const std::regex& yearless_pattern() {
  static const std::regex re(
      R"(\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)|)"
      R"(\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b)");
  return re;
}

const std::regex& year_pattern() {
  static const std::regex re(R"(\b(19[5-9]\d|20[0-4]\d)\b)");
  return re;
}

}  // namespace

std::optional<CivilDate> find_date_in_text(std::string_view text, std::optional<int> year_hint) {
  std::string head(text.substr(0, kScanBytes));
  std::smatch m;
  if (std::regex_search(head, m, full_date_pattern())) {
    if (auto d = parse_date(m.str(0))) return d;
  }
  if (!std::regex_search(head, m, yearless_pattern())) return std::nullopt;
  int month = 0, day = 0;
  if (m[1].matched) {
    month = month_from_name(m.str(1));
    day = std::stoi(m.str(2));
  } else {
    month = month_from_name(m.str(4));
    day = std::stoi(m.str(3));
  }
  int year = 0;
  if (year_hint) {
    year = *year_hint;
  } else {
    std::smatch y;
    if (!std::regex_search(head, y, year_pattern())) return std::nullopt;
    year = std::stoi(y.str(1));
  }
  if (!is_valid_date(year, month, day)) return std::nullopt;
  return CivilDate{year, month, day};
}

std::optional<CivilDate> find_date_in_file_name(std::string_view file_name) {
  static const std::regex re(R"((\d{4})[-_.]?(\d{2})[-_.]?(\d{2}))");
  std::string name(file_name);
  std::smatch m;
  for (auto it = name.cbegin(); std::regex_search(it, name.cend(), m, re); it = m[0].second) {
    int y = std::stoi(m.str(1)), mo = std::stoi(m.str(2)), d = std::stoi(m.str(3));
    if (is_valid_date(y, mo, d) && y >= 1900) return CivilDate{y, mo, d};
  }
  return std::nullopt;
}

}  // namespace dossier

#include "render_facets.hpp"

#include "terminal_text.hpp"

#include <algorithm>
#include <iomanip>
#include <vector>

namespace dossier::cli {
namespace {

// Display width of UTF-8 text, counting code points (close enough for names).
std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string pad(const std::string& s, std::size_t width) {
  std::size_t w = columns(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

}  // namespace

void render_facet_table(std::ostream& out, const SearchResults& results, std::size_t max_values) {
  static const char* const kOrder[] = {"source", "actor", "year", "month", "format"};
  for (const char* name : kOrder) {
    auto found = results.facets.find(name);
    if (found == results.facets.end()) continue;
    const std::string& field = found->first;
    const auto& counts = found->second;
    std::vector<std::pair<std::string, std::size_t>> rows(counts.begin(), counts.end());
    bool chronological = field == "year" || field == "month";
    if (!chronological)
      std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    out << field << "\n";
    if (rows.empty()) out << "  (none)\n";
    std::size_t shown = 0;
    for (const auto& [value, count] : rows) {
      if (shown++ == max_values) {
        out << "  ... " << rows.size() - max_values << " more\n";
        break;
      }
      out << "  " << pad(terminal_safe(value), 36) << " " << std::setw(6) << count << "\n";
    }
  }
}

void render_timeline(std::ostream& out, const SearchResults& results, bool unicode, std::size_t width) {
  auto it = results.facets.find("month");
  out << "timeline (matches per month)\n";
  if (it == results.facets.end() || it->second.empty()) {
    out << "  (no dated matches)\n";
    return;
  }
  const auto& months = it->second;
  std::size_t peak = 0;
  for (const auto& [m, n] : months) peak = std::max(peak, n);
  int year = std::stoi(months.begin()->first.substr(0, 4)), month = std::stoi(months.begin()->first.substr(5, 2));
  const std::string last = months.rbegin()->first;
  // Long spans are drawn month by month only up to 20 years; beyond, only months with matches.
  bool every_month = (std::stoi(last.substr(0, 4)) - year) <= 20;
  auto draw = [&](const std::string& key, std::size_t n) {
    std::size_t len = peak ? (n * width + peak - 1) / peak : 0;
    std::string bar;
    for (std::size_t k = 0; k < len; ++k) bar += unicode ? "\xE2\x96\x88" : "#";
    out << "  " << key << " " << bar << std::string(width - len + 1, ' ') << n << "\n";
  };
  if (!every_month) {
    for (const auto& [m, n] : months) draw(m, n);
    return;
  }
  for (;;) {
    char key[16];
    std::snprintf(key, sizeof key, "%04d-%02d", year, month);
    auto found = months.find(key);
    draw(key, found == months.end() ? 0 : found->second);
    if (key == last) break;
    if (++month > 12) month = 1, ++year;
  }
}

}  // namespace dossier::cli

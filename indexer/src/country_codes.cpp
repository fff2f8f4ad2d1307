#include "country_codes.hpp"

#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace dossier {

extern const char* const kCountryCodesTsv;  // generated from common/data/country_codes.tsv

namespace {

const std::unordered_map<std::string, std::string>& table() {
  static const std::unordered_map<std::string, std::string> codes = [] {
    std::unordered_map<std::string, std::string> out;
    std::string_view tsv = kCountryCodesTsv;
    while (!tsv.empty()) {
      std::size_t eol = tsv.find('\n');
      std::string_view line = tsv.substr(0, eol);
      tsv.remove_prefix(eol == std::string_view::npos ? tsv.size() : eol + 1);
      std::size_t tab = line.find('\t');
      if (line.empty() || line.front() == '#' || tab == std::string_view::npos) continue;
      out.emplace(std::string(trim(line.substr(0, tab))), std::string(trim(line.substr(tab + 1))));
    }
    return out;
  }();
  return codes;
}

}  // namespace

std::optional<std::string> country_for_code(std::string_view code) {
  code = trim(code);
  if (code.size() < 2 || code.size() > 3) return std::nullopt;
  std::string upper(code);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  auto it = table().find(upper);
  if (it == table().end()) return std::nullopt;
  return it->second;
}

}  // namespace dossier

// Text hygiene: encoding repair, control stripping, cutting, and the terminal
// filter. Properties: outputs are valid UTF-8 and free of what they promise to remove.

#include "fuzz_targets.hpp"

#include "terminal_text.hpp"
#include "text.hpp"

#include <string_view>

namespace dossier::fuzz {
namespace {

// No C0 control except those `allowed`, no DEL, no C1, no bidi override or isolate.
bool free_of_controls(std::string_view s, std::string_view allowed) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && allowed.find(static_cast<char>(c)) == std::string_view::npos) || c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F)
      return false;
    if (c == 0xE2 && i + 2 < s.size()) {
      auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
      if (c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) return false;
      if (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9) return false;
    }
  }
  return true;
}

}  // namespace

int text_hygiene(const std::uint8_t* data, std::size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  (void)looks_binary(raw);
  std::string valid = to_valid_utf8(raw);
  require(is_valid_utf8(valid), "to_valid_utf8 returned invalid UTF-8");
  if (is_valid_utf8(raw) && raw.substr(0, 2) != "\xFF\xFE" && raw.substr(0, 2) != "\xFE\xFF" &&
      raw.substr(0, 3) != "\xEF\xBB\xBF")
    require(valid == raw, "to_valid_utf8 changed valid UTF-8");

  std::string clean = strip_controls(valid);
  require(is_valid_utf8(clean), "strip_controls returned invalid UTF-8");
  require(free_of_controls(clean, "\t\n"), "strip_controls left a control character");
  require(is_valid_utf8(strip_controls(raw)), "strip_controls of raw bytes returned invalid UTF-8");

  std::string collapsed = collapse_whitespace(clean);
  require(is_valid_utf8(collapsed), "collapse_whitespace broke UTF-8");
  require(collapsed.find('\n') == std::string::npos, "collapse_whitespace left a newline");
  require(collapsed.empty() || (collapsed.front() != ' ' && collapsed.back() != ' '),
          "collapse_whitespace did not trim");

  std::size_t limit = size == 0 ? 0 : data[0];
  std::string cut = utf8_truncate(valid, limit);
  require(cut.size() <= limit || cut == valid, "utf8_truncate too long");
  require(valid.compare(0, cut.size(), cut) == 0, "utf8_truncate is not a prefix");
  require(is_valid_utf8(cut), "utf8_truncate cut a character");
  require(is_valid_utf8(shorten_at_word(clean, limit)), "shorten_at_word broke UTF-8");
  require(is_valid_utf8(utf8_lower(valid)), "utf8_lower broke UTF-8");
  (void)trim(raw);

  std::string safe = cli::terminal_safe(raw);
  require(is_valid_utf8(safe), "terminal_safe returned invalid UTF-8");
  require(free_of_controls(safe, ""), "terminal_safe let a control character through");
  return 0;
}

}  // namespace dossier::fuzz

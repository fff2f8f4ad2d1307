#include "terminal_text.hpp"

#include <unistd.h>

#include <cstdlib>

namespace dossier::cli {
namespace {

// Length of a valid UTF-8 sequence at s[i], or 0.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                                 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
  auto c1 = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
    return 0;
  return len;
}

}  // namespace

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    // Printable ASCII, most of any text, is copied a run at a time.
    std::size_t run = i;
    while (run < s.size() && static_cast<unsigned char>(s[run]) - 0x20u < 0x5Fu) ++run;
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      continue;
    }
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = sequence_length(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (len == 1) {
      if (c == '\n' || c == '\t' || c == '\r') out += ' ';
      else if (c >= 0x20 && c != 0x7F) out += static_cast<char>(c);
    } else if (len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      // C1 controls (U+0080-U+009F), e.g. the 8-bit CSI.
    } else if (len == 3 && c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) >= 0xAA && static_cast<unsigned char>(s[i + 2]) <= 0xAE)) {
      // Bidi embedding and override characters (U+202A-U+202E).
    } else if (len == 3 && c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x81 &&
               (static_cast<unsigned char>(s[i + 2]) >= 0xA6 && static_cast<unsigned char>(s[i + 2]) <= 0xA9)) {
      // Bidi isolates (U+2066-U+2069).
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

bool use_colour(ColourMode mode, bool is_terminal) {
  if (mode == ColourMode::always) return true;
  if (mode == ColourMode::never) return false;
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour && *no_colour) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return is_terminal;
}

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) != 0; }

}  // namespace dossier::cli

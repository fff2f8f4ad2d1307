#include "text.hpp"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace dossier {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  Xapian::Unicode::append_utf8(out, cp);
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t len;
  std::uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0Fu;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07u;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return len;
}

std::string from_utf16(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> std::uint32_t {
    auto lo = static_cast<unsigned char>(bytes[little_endian ? i : i + 1]);
    auto hi = static_cast<unsigned char>(bytes[little_endian ? i + 1 : i]);
    return (static_cast<std::uint32_t>(hi) << 8) | lo;
  };
  for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      std::uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFD;
    append_utf8(out, u);
  }
  return out;
}

bool is_bidi_control(std::uint32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C;
}

}  // namespace

bool looks_binary(std::string_view bytes) {
  if (bytes.size() >= 2) {
    auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) return false;
  }
  std::string_view head = bytes.substr(0, 8192);
  std::size_t nuls = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\0'));
  // A stray NUL or two in a text file is damage; many of them mean binary.
  return nuls > 2 && nuls * 100 > head.size();
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = valid_sequence_length(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string to_valid_utf8(std::string_view bytes) {
  if (bytes.size() >= 2) {
    auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) return from_utf16(bytes, true);
    if (b0 == 0xFE && b1 == 0xFF) return from_utf16(bytes, false);
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);

  std::size_t bad = 0, multibyte = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t len = valid_sequence_length(bytes, i);
    if (len == 0) {
      ++bad;
      ++i;
    } else {
      if (len > 1) ++multibyte;
      i += len;
    }
  }
  if (bad == 0) return std::string(bytes);

  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  if (bad > multibyte) {
    // Mostly not UTF-8 at all: read as Latin-1, where every byte is a character.
    for (unsigned char c : bytes) append_utf8(out, c);
    return out;
  }
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t len = valid_sequence_length(bytes, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(bytes.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string strip_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F)) out += static_cast<char>(c);
      else if (c == '\r' && !(i + 1 < s.size() && s[i + 1] == '\n')) out += '\n';
      ++i;
      continue;
    }
    std::size_t len = valid_sequence_length(s, i);
    if (len == 0) {  // callers pass valid UTF-8; be safe anyway
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    Xapian::Utf8Iterator it(s.data() + i, len);
    std::uint32_t cp = *it;
    if (!(cp >= 0x80 && cp <= 0x9F) && !is_bidi_control(cp)) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string utf8_truncate(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(s.substr(0, end));
}

std::string shorten_at_word(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0, i = 0, last_space = std::string_view::npos;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars) break;
    if (s[i] == ' ') last_space = i;
    ++chars;
  }
  if (i >= s.size()) return std::string(s);
  std::size_t cut = (last_space != std::string_view::npos && last_space > i / 2) ? last_space : i;
  std::string out(trim(s.substr(0, cut)));
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':'))
    out.pop_back();
  return out + "\xE2\x80\xA6";
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string utf8_lower(std::string_view s) {
  // Most names and query words are ASCII: lower-case those without Xapian's
  // per-character Unicode tables.
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80) return Xapian::Unicode::tolower(std::string(s));
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace dossier

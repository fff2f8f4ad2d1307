#pragma once
// Text hygiene for untrusted document bytes: encoding repair, control
// characters, and UTF-8-safe cutting.

#include <string>
#include <string_view>

namespace dossier {

// True when the bytes look like a binary file (NUL bytes without a UTF-16 BOM).
bool looks_binary(std::string_view bytes);

// Returns valid UTF-8: UTF-16 with a BOM is converted, a UTF-8 BOM dropped,
// mostly-valid UTF-8 has its bad bytes replaced by U+FFFD, and anything else is
// read as Latin-1 (the commonest legacy encoding in saved reports).
std::string to_valid_utf8(std::string_view bytes);

// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Removes control characters (C0 except tab and newline, DEL, C1) and Unicode
// bidi overrides, which could rewrite a terminal or disguise text. Carriage
// returns become newlines; NUL bytes are dropped.
std::string strip_controls(std::string_view s);

// Collapses every run of whitespace (newlines included) into one space and trims.
std::string collapse_whitespace(std::string_view s);

// The longest prefix of `s` of at most `max_bytes` bytes that ends on a
// character boundary.
std::string utf8_truncate(std::string_view s, std::size_t max_bytes);

// Shortens `s` to about `max_chars` characters at a word boundary, adding "…".
std::string shorten_at_word(std::string_view s, std::size_t max_chars);

// ASCII lower-casing, byte by byte: for keys, names and extensions matched without regard to case.
std::string ascii_lower(std::string_view s);
// Unicode-aware lower-casing (through Xapian's Unicode tables).
std::string utf8_lower(std::string_view s);

// Trims ASCII whitespace from both ends.
std::string_view trim(std::string_view s);

}  // namespace dossier

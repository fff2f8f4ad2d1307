#include "duplicate_key.hpp"

#include "text.hpp"

#include <cstdio>
#include <vector>

namespace dossier {
namespace {

constexpr std::size_t kMinCoreParagraphWords = 15;
constexpr std::size_t kMinCoreWords = 40;

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// Lower-case words of each paragraph (blank-line separated).
std::vector<std::vector<std::string>> paragraph_words(std::string_view text) {
  std::vector<std::vector<std::string>> paragraphs(1);
  std::string lowered = utf8_lower(text);
  std::string word;
  int newlines = 0;
  bool paragraph_break = false;  // a blank line since the last word
  auto flush_word = [&] {
    if (!word.empty()) paragraphs.back().push_back(std::move(word));
    word.clear();
  };
  for (unsigned char c : lowered) {
    bool word_byte = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (word_byte) {
      if (paragraph_break && word.empty() && !paragraphs.back().empty()) paragraphs.emplace_back();
      paragraph_break = false;
      newlines = 0;
      word += static_cast<char>(c);
      continue;
    }
    flush_word();
    if (c == '\n') {
      if (++newlines >= 2) paragraph_break = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      newlines = 0;
    }
  }
  flush_word();
  return paragraphs;
}

}  // namespace

DuplicateFingerprint duplicate_fingerprint(std::string_view text) {
  auto paragraphs = paragraph_words(text);
  std::vector<const std::string*> core;
  for (const auto& p : paragraphs)
    if (p.size() >= kMinCoreParagraphWords)
      for (const auto& w : p) core.push_back(&w);
  if (core.size() < kMinCoreWords) {
    core.clear();
    for (const auto& p : paragraphs)
      for (const auto& w : p) core.push_back(&w);
  }
  DuplicateFingerprint fp;
  fp.core_words = core.size();
  if (core.empty()) return fp;

  std::uint64_t h = 1469598103934665603ull;
  for (const auto* w : core) {
    h = fnv1a(*w, h);
    h = fnv1a(" ", h);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  fp.key = hex;

  int votes[64] = {};
  for (std::size_t i = 0; i + 3 <= core.size() || (i == 0 && core.size() < 3); ++i) {
    std::uint64_t s = 1469598103934665603ull;
    for (std::size_t k = i; k < i + 3 && k < core.size(); ++k) s = fnv1a(*core[k] + " ", s);
    for (int b = 0; b < 64; ++b) votes[b] += ((s >> b) & 1u) ? 1 : -1;
    if (core.size() < 3) break;
  }
  for (int b = 0; b < 64; ++b)
    if (votes[b] > 0) fp.simhash |= (std::uint64_t{1} << b);
  return fp;
}

std::string simhash_hex(std::uint64_t simhash) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(simhash));
  return hex;
}

}  // namespace dossier

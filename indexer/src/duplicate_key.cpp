#include "duplicate_key.hpp"

#include "text.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace dossier {
namespace {

constexpr std::size_t kMinCoreParagraphWords = 15;
constexpr std::size_t kMinCoreWords = 40;
constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// FNV-1a of `s` followed by a space, continuing from `h`: the hash the
// fingerprints have always used for "word ", without building that string.
std::uint64_t fnv1a_word(std::string_view s, std::uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  h ^= static_cast<unsigned char>(' ');
  return h * kFnvPrime;
}

// The lower-case words of a text as views into one buffer, with where each
// paragraph (blank-line separated) starts. Words are split before lower-casing
// (capitals count as word bytes) and each is lower-cased alone: ASCII words
// directly, others through the Unicode tables; the same words as lower-casing
// the whole text first, without a pass over it through those tables.
struct Words {
  std::string buffer;
  std::vector<std::string_view> words;
  std::vector<std::size_t> paragraph_starts;  // index into words of each paragraph's first word
};

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

void split_words(std::string_view text, Words& out) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // into buffer, which may still grow
  spans.reserve(text.size() / 6);
  out.buffer.reserve(text.size());
  int newlines = 0;
  bool paragraph_break = false;  // a blank line since the last word
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!is_word_byte(c)) {
      if (c == '\n') {
        if (++newlines >= 2) paragraph_break = true;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        newlines = 0;
      }
      ++i;
      continue;
    }
    std::size_t start = i;
    bool ascii = true;
    for (; i < n && is_word_byte(static_cast<unsigned char>(text[i])); ++i)
      if (static_cast<unsigned char>(text[i]) >= 0x80) ascii = false;
    if (out.paragraph_starts.empty() || (paragraph_break && out.paragraph_starts.back() != spans.size()))
      out.paragraph_starts.push_back(spans.size());
    paragraph_break = false;
    newlines = 0;
    std::size_t at = out.buffer.size();
    if (ascii) {
      for (std::size_t k = start; k < i; ++k) {
        char ch = text[k];
        out.buffer += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
      }
    } else {
      out.buffer += utf8_lower(text.substr(start, i - start));
    }
    spans.emplace_back(at, out.buffer.size() - at);
  }
  out.words.reserve(spans.size());
  for (auto [at, len] : spans) out.words.emplace_back(out.buffer.data() + at, len);
}

// Adds, for each of the 64 bits, how many of `hashes` have it set: eight
// byte-wide counters per 64-bit word, so each hash costs 8 additions, not 64.
void count_bits(const std::vector<std::uint64_t>& hashes, std::uint64_t ones[64]) {
  constexpr std::uint64_t kLanes = 0x0101010101010101ull;
  std::size_t i = 0;
  while (i < hashes.size()) {
    std::uint64_t lanes[8] = {};
    std::size_t block_end = std::min(hashes.size(), i + 255);  // a byte counter holds 255
    for (; i < block_end; ++i)
      for (int j = 0; j < 8; ++j) lanes[j] += (hashes[i] >> j) & kLanes;
    for (int j = 0; j < 8; ++j)
      for (int k = 0; k < 8; ++k) ones[8 * k + j] += (lanes[j] >> (8 * k)) & 0xffu;
  }
}

}  // namespace

DuplicateFingerprint duplicate_fingerprint(std::string_view text) {
  Words all;
  split_words(text, all);
  std::vector<std::string_view> kept;
  std::vector<std::string_view> const* core = &all.words;
  // Paragraphs of fewer than kMinCoreParagraphWords are boilerplate, unless too little is left.
  std::size_t long_words = 0;
  for (std::size_t p = 0; p < all.paragraph_starts.size(); ++p) {
    std::size_t end = p + 1 < all.paragraph_starts.size() ? all.paragraph_starts[p + 1] : all.words.size();
    if (end - all.paragraph_starts[p] >= kMinCoreParagraphWords) long_words += end - all.paragraph_starts[p];
  }
  if (long_words >= kMinCoreWords && long_words != all.words.size()) {
    kept.reserve(long_words);
    for (std::size_t p = 0; p < all.paragraph_starts.size(); ++p) {
      std::size_t begin = all.paragraph_starts[p];
      std::size_t end = p + 1 < all.paragraph_starts.size() ? all.paragraph_starts[p + 1] : all.words.size();
      if (end - begin >= kMinCoreParagraphWords) kept.insert(kept.end(), all.words.begin() + begin, all.words.begin() + end);
    }
    core = &kept;
  }
  const auto& words = *core;
  DuplicateFingerprint fp;
  fp.core_words = words.size();
  if (words.empty()) return fp;

  std::uint64_t h = kFnvOffset;
  for (auto w : words) h = fnv1a_word(w, h);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  fp.key = hex;

  // 3-word shingles (one shorter shingle when the core has fewer than 3 words).
  std::vector<std::uint64_t> shingles;
  const std::size_t count = words.size() < 3 ? 1 : words.size() - 2;
  shingles.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::uint64_t s = kFnvOffset;
    for (std::size_t k = i; k < i + 3 && k < words.size(); ++k) s = fnv1a_word(words[k], s);
    shingles.push_back(s);
  }
  std::uint64_t ones[64] = {};
  count_bits(shingles, ones);
  for (int b = 0; b < 64; ++b)
    if (2 * ones[b] > count) fp.simhash |= (std::uint64_t{1} << b);
  return fp;
}

std::string simhash_value(std::uint64_t simhash) {
  std::string bytes(8, '\0');
  for (int i = 0; i < 8; ++i) bytes[static_cast<std::size_t>(i)] = static_cast<char>((simhash >> (56 - 8 * i)) & 0xff);
  return bytes;
}

std::string simhash_hex(std::uint64_t simhash) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(simhash));
  return hex;
}

}  // namespace dossier

#pragma once
// Fingerprints that let the searcher fold syndicated copies of one article
// into a single hit (see README "Duplicates").

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier {

struct DuplicateFingerprint {
  std::string key;         // hex hash of the normalised core text; empty when the text has no words
  std::uint64_t simhash = 0;  // 64-bit simhash of the core's 3-word shingles
  std::size_t core_words = 0;
};

// The core text is the body lower-cased, reduced to its words, without its
// short paragraphs (headlines, bylines, datelines, "republished under licence"
// footers): paragraphs of fewer than 15 words are boilerplate when the long
// ones add up to at least 40 words; otherwise every paragraph counts. So a
// re-post with another headline or footer gets the same key.
DuplicateFingerprint duplicate_fingerprint(std::string_view text);

// Texts with fewer core words are too short for their simhash to tell near
// copies from different texts; the indexer keeps no simhash for them.
inline constexpr std::size_t kMinSimhashWords = 40;

// The fingerprint's simhash as 16 hex digits (the form indexes kept in its
// value slot before simhash_value).
std::string simhash_hex(std::uint64_t simhash);
// The fingerprint's simhash as kept in its value slot: 8 bytes, most
// significant first. The searcher reads both forms (searcher/src/duplicates.cpp).
std::string simhash_value(std::uint64_t simhash);

}  // namespace dossier

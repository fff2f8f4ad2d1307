#pragma once
// Folding copies of one article into one hit. Exact copies (the same core
// text after normalising case, whitespace, punctuation and short boilerplate
// paragraphs; see indexer/src/duplicate_key.hpp) share a collapse key that
// Xapian folds during the match, with exact counts. Near copies (a word or
// two changed) have simhashes at most kNearCopyBits of 64 apart; they are
// folded here among the hits fetched for the page (short texts have no
// simhash, so they are only ever exact copies).

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace dossier {

// Documents whose 64-bit simhashes differ in at most this many bits are near copies.
inline constexpr int kNearCopyBits = 3;
// Hits fetched beyond the page, so folding near copies still fills it.
inline constexpr std::size_t kNearCopyLookahead = 10;

struct Candidate {
  Xapian::Document doc;
  double score = 0;
  std::size_t copies = 1;
  bool related = false;  // listed after the matches (see Hit::related)
};

// Folds each candidate into the first earlier one it nearly copies (adding
// its copies); returns how many candidates were folded away.
std::size_t fold_near_copies(std::vector<Candidate>& candidates, unsigned simhash_slot);

// A document's simhash from its value slot (either stored form), if it has one.
std::optional<std::uint64_t> simhash_of(const Xapian::Document& doc, unsigned slot);

// Number of differing bits.
int hamming_distance(std::uint64_t a, std::uint64_t b);

}  // namespace dossier

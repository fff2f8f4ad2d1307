#include "duplicates.hpp"

#include <bitset>
#include <optional>
#include <string>

namespace dossier {

std::optional<std::uint64_t> simhash_of(const Xapian::Document& doc, unsigned slot) {
  std::string hex = doc.get_value(slot);
  // 8 bytes, most significant first; indexes written before kept 16 hex digits.
  if (hex.size() == 8) {
    std::uint64_t h = 0;
    for (unsigned char c : hex) h = (h << 8) | c;
    return h;
  }
  if (hex.size() != 16) return std::nullopt;
  try {
    return static_cast<std::uint64_t>(std::stoull(hex, nullptr, 16));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

int hamming_distance(std::uint64_t a, std::uint64_t b) { return static_cast<int>(std::bitset<64>(a ^ b).count()); }

std::size_t fold_near_copies(std::vector<Candidate>& candidates, unsigned simhash_slot) {
  std::vector<std::optional<std::uint64_t>> hashes;
  std::vector<Candidate> kept;
  std::size_t folded = 0;
  for (auto& c : candidates) {
    auto h = simhash_of(c.doc, simhash_slot);
    bool merged = false;
    if (h) {
      for (std::size_t k = 0; k < kept.size(); ++k) {
        if (hashes[k] && hamming_distance(*hashes[k], *h) <= kNearCopyBits) {
          kept[k].copies += c.copies;
          merged = true;
          ++folded;
          break;
        }
      }
    }
    if (merged) continue;
    hashes.push_back(h);
    kept.push_back(std::move(c));
  }
  candidates = std::move(kept);
  return folded;
}

}  // namespace dossier

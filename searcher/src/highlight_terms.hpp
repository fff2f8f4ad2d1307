#pragma once
// What a snippet should mark, worked out from the query once per search.

#include <set>
#include <string>
#include <vector>

namespace dossier {

struct HighlightTerms {
  std::set<std::string> words;                    // lower-case words, matched exactly
  std::set<std::string> stems;                    // any word with one of these stems
  std::vector<std::vector<std::string>> phrases;  // lower-case word sequences (actor names)
  std::vector<std::string> prefixes;              // wildcard prefixes, lower-case

  [[nodiscard]] bool empty() const { return words.empty() && stems.empty() && phrases.empty() && prefixes.empty(); }
};

}  // namespace dossier

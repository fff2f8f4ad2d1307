#pragma once
// The best passage of a hit, as plain text plus highlighted spans. Renderers
// decide the markup; nothing here knows about terminals or HTML.
//
// dossier finds passages itself rather than with Xapian's MSet::snippet: one
// pass over the stored text, stemming only words that could match (see
// SnippetMaker), measured several times faster on long texts (README
// "Performance").

#include <dossier/searcher.hpp>

#include "highlight_terms.hpp"

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier {

// Picks, for each text, the window of about `length` characters holding the
// most distinct query terms (then the most matches), starts it at a sentence
// when one begins shortly before, and marks every matching word in it:
// exact words, words sharing a query word's stem, wildcard prefixes, and
// actor-name phrases.
class SnippetMaker {
 public:
  SnippetMaker(const HighlightTerms& terms, const Xapian::Stem& stemmer);

  // When no query word is in `text` but one is in `title`, the passage is
  // the title followed by the start of the text.
  [[nodiscard]] Snippet make(std::string_view text, std::size_t length, std::string_view title = {});

 private:
  struct Token {
    std::size_t start, end;
  };
  struct Match {
    std::size_t start, end;
    int term;
  };
  // Matches in reading order; with `stop_early`, only up to the first window
  // of `length` bytes that holds every query word.
  std::vector<Match> find_matches(std::string_view text, std::size_t length, bool stop_early);
  int match_word(const std::string& lowered);
  int term_id(const std::string& key);
  const std::string& lowered(std::string_view text, const Token& t);

  Xapian::Stem stemmer_;
  std::unordered_map<std::string, int> words_;   // exact word -> term id
  std::unordered_map<std::string, int> stems_;   // stem -> term id
  std::vector<std::pair<std::string, int>> prefixes_;
  std::vector<std::pair<std::vector<std::string>, int>> phrases_;
  std::unordered_map<std::string, int> ids_;
  std::unordered_map<std::string, int> stem_cache_;  // word -> term id or -1
  bool stem_first_byte_[256] = {};                   // cheap test before stemming a word
  std::vector<bool> optional_;  // per term id: an actor's other name, not needed for a full window
  std::size_t needed_ = 0;
  bool first_byte_[256] = {};                        // cheap test before looking a word up at all
  std::vector<Token> tokens_;
  std::string buffer_;
};

// Xapian's snippet selection with sentinel markers, turned into spans.
// Kept for comparison with SnippetMaker (tests and measurements).
Snippet make_xapian_snippet(const Xapian::MSet& mset, const std::string& text, std::size_t length,
                            const Xapian::Stem& stemmer);

// Splits Xapian's HTML-escaped, marker-delimited snippet into text and spans.
Snippet snippet_from_marked(const std::string& marked);

}  // namespace dossier

#include "spelling.hpp"

#include "query_builder.hpp"
#include "query_rewriter.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace dossier {
namespace {

constexpr std::size_t kMinWordLength = 3;

struct Candidate {
  std::string term;
  std::size_t distance = 0;
  Xapian::doccount freq = 0;
  bool better_than(const Candidate& o) const {
    if (distance != o.distance) return distance < o.distance;
    return freq > o.freq;
  }
};

bool alphabetic_term(const std::string& t) {
  for (unsigned char c : t)
    if (!(std::islower(c) || c >= 0x80 || c == '\'')) return false;
  return !t.empty();
}

// Terms under `prefix` + a letter are candidates; `strip` bytes of prefix are
// not part of the word ("Z" before a stem in older indexes).
void scan(const Xapian::Database& db, const std::string& word, const std::string& prefix, std::size_t strip,
          std::size_t max, Candidate& best, bool& found) {
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string term = (*it).substr(strip);
    if (term.size() + max < word.size() || term.size() > word.size() + max) continue;
    if (!alphabetic_term(term) || term == word) continue;
    std::size_t d = edit_distance(word, term, max);
    if (d > max) continue;
    Candidate c{term, d, it.get_termfreq()};
    if (!found || c.better_than(best)) best = c;
    found = true;
  }
}

// The nearest term to `word` under `prefix` (plain words: none; stems: schema::StemTerms).
std::optional<std::string> nearest(const Xapian::Database& db, const std::string& word, const std::string& prefix) {
  // Two edits turn short words into other real words ("write" -> "with",
  // "anyone" -> "alone"): only one for words of up to 6 letters.
  std::size_t max = word.size() <= 6 ? 1 : 2;
  Candidate best;
  bool found = false;
  scan(db, word, prefix + word.substr(0, 1), prefix.size(), max, best, found);
  if (!found)  // a wrong first letter: look through every word
    for (char c = 'a'; c <= 'z'; ++c)
      if (c != word[0]) scan(db, word, prefix + std::string(1, c), prefix.size(), max, best, found);
  if (!found) return std::nullopt;
  return best.term;
}

// An index of stems only (schema::TermScheme::stems_only) has no plain words:
// find the stem nearest the typed word's stem, then give it the typed word's
// ending ("artilery": stem "artileri", nearest "artilleri", so "artillery").
// A stem that is not itself a word ("happi") is no suggestion.
std::optional<std::string> stem_correction(const Xapian::Database& db, const std::string& word,
                                           const Xapian::Stem& stemmer, const schema::StemTerms& stems) {
  const std::string stem = stemmer(word);
  auto found = nearest(db, stem, stems.prefix());
  if (!found) return std::nullopt;
  const std::string& c = *found;
  std::size_t common = 0;
  while (common < word.size() && common < stem.size() && word[common] == stem[common]) ++common;
  const std::string word_tail = word.substr(common), stem_tail = stem.substr(common);
  if (c.size() >= stem_tail.size() && c.compare(c.size() - stem_tail.size(), stem_tail.size(), stem_tail) == 0) {
    std::string surface = c.substr(0, c.size() - stem_tail.size()) + word_tail;
    if (stemmer(surface) == c) return surface;
  }
  if (stemmer(c) == c) return c;
  return std::nullopt;
}

}  // namespace

std::size_t edit_distance(const std::string& a, const std::string& b, std::size_t max) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > max) return max + 1;
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max) return max + 1;
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[m];
}

std::optional<std::string> suggest_spelling(const Xapian::Database& db, const std::string& query,
                                            const Xapian::Stem& stemmer, const Gazetteer& gazetteer) {
  const IndexTerms terms = index_terms(db);
  const bool stems_only = terms.scheme == schema::TermScheme::stems_only;
  const schema::StemTerms stems(terms.revision);
  auto correction = [&](const std::string& word) {
    return stems_only ? stem_correction(db, word, stemmer, stems) : nearest(db, word, "");
  };
  std::string out;
  bool changed = false;
  std::size_t i = 0;
  while (i < query.size()) {
    auto c = static_cast<unsigned char>(query[i]);
    if (!std::isalpha(c)) {
      out += query[i++];
      continue;
    }
    std::size_t j = i;
    while (j < query.size() && (std::isalnum(static_cast<unsigned char>(query[j])) ||
                                static_cast<unsigned char>(query[j]) >= 0x80 || query[j] == '\''))
      ++j;
    std::string word = query.substr(i, j - i);
    bool field_name = j < query.size() && query[j] == ':';
    bool field_value = i > 0 && query[i - 1] == ':';
    bool wildcard = j < query.size() && query[j] == '*';
    std::string lower = utf8_lower(word);
    bool plain_ascii = std::all_of(lower.begin(), lower.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)); });
    if (field_name) {
      // Skip the whole value, quoted or not.
      std::size_t end = j + 1;
      if (end < query.size() && query[end] == '"') {
        std::size_t close = query.find('"', end + 1);
        end = close == std::string::npos ? query.size() : close + 1;
      } else {
        while (end < query.size() && !std::isspace(static_cast<unsigned char>(query[end]))) ++end;
      }
      out += query.substr(i, end - i);
      i = end;
      continue;
    }
    if (field_value || wildcard || !plain_ascii || lower.size() < kMinWordLength || is_operator_word(word) ||
        gazetteer.knows(word) || db.term_exists(lower) || db.term_exists(stems.term(stemmer(lower)))) {
      out += word;
      i = j;
      continue;
    }
    if (auto fix = correction(lower)) {
      // Keep the typed capital: "Pyongyng" -> "Pyongyang".
      if (std::isupper(static_cast<unsigned char>(word[0])) && !fix->empty())
        (*fix)[0] = static_cast<char>(std::toupper(static_cast<unsigned char>((*fix)[0])));
      out += *fix;
      changed = true;
    } else {
      out += word;
    }
    i = j;
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace dossier

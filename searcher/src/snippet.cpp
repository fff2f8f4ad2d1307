#include "snippet.hpp"

#include <algorithm>

namespace dossier {
namespace {

// Bytes that never survive into stored text (control characters are stripped
// at indexing), so they cannot be confused with document content.
constexpr char kStart = '\x01';
constexpr char kEnd = '\x02';
// Texts longer than this are searched for a passage only in their start.
constexpr std::size_t kMaxScanBytes = std::size_t{4} << 20;
// A passage starts at a sentence when one begins at most this far before its first match.
constexpr std::size_t kSentenceLead = 80;
const std::string kEllipsis = "\xE2\x80\xA6";
// A stem-cache entry being filled in (term ids are >= 0, -1 is "no term").
constexpr int kNotStemmed = -2;

bool ascii_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The code point at s[i] and its length; length 1 and U+FFFD for a bad byte.
unsigned decode(std::string_view s, std::size_t i, std::size_t& len) {
  auto c = static_cast<unsigned char>(s[i]);
  unsigned cp = 0;
  if (c < 0x80) {
    len = 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1Fu;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0Fu;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07u;
  else {
    len = 1;
    return 0xFFFD;
  }
  if (i + len > s.size()) {
    len = 1;
    return 0xFFFD;
  }
  for (std::size_t k = 1; k < len; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3Fu);
  }
  return cp;
}

bool word_char_at(std::string_view s, std::size_t i, std::size_t& len) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    len = 1;
    return ascii_word(c);
  }
  unsigned cp = decode(s, i, len);
  return cp != 0xFFFD && Xapian::Unicode::is_wordchar(cp);
}

// Apostrophes inside words ("Korea's", "Korea’s") belong to the word, as in Xapian's tokenizer.
bool apostrophe_at(std::string_view s, std::size_t i, std::size_t& len) {
  if (s[i] == '\'') {
    len = 1;
    return true;
  }
  if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
    len = 3;
    return true;
  }
  return false;
}

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

SnippetMaker::SnippetMaker(const HighlightTerms& terms, const Xapian::Stem& stemmer) : stemmer_(stemmer) {
  auto first = [this](const std::string& w) {
    if (!w.empty()) first_byte_[static_cast<unsigned char>(w[0])] = true;
  };
  for (const auto& w : terms.words) {
    if (w.empty()) continue;
    words_[w] = term_id(stemmer_(w));
    first(w);
  }
  for (const auto& s : terms.stems) {
    if (s.empty()) continue;
    stems_[s] = term_id(s);
    stem_first_byte_[static_cast<unsigned char>(s[0])] = true;
    first(s);
  }
  for (const auto& p : terms.prefixes) {
    if (p.empty()) continue;
    prefixes_.emplace_back(p, term_id("*" + p));
    first(p);
  }
  for (const auto& p : terms.phrases) {
    if (p.empty() || p[0].empty()) continue;
    first(p[0]);
    std::string key = "\"";
    for (const auto& w : p) key += w + " ";
    phrases_.emplace_back(p, term_id(key));
  }
  optional_.assign(ids_.size(), true);
  for (const auto& [w, id] : words_) optional_[static_cast<std::size_t>(id)] = false;
  for (const auto& [w, id] : stems_) optional_[static_cast<std::size_t>(id)] = false;
  for (const auto& [w, id] : prefixes_) optional_[static_cast<std::size_t>(id)] = false;
  needed_ = static_cast<std::size_t>(std::count(optional_.begin(), optional_.end(), false));
}

int SnippetMaker::term_id(const std::string& key) {
  auto it = ids_.find(key);
  if (it != ids_.end()) return it->second;
  int id = static_cast<int>(ids_.size());
  ids_.emplace(key, id);
  return id;
}

const std::string& SnippetMaker::lowered(std::string_view text, const Token& t) {
  buffer_.clear();
  for (std::size_t i = t.start; i < t.end;) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      buffer_ += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    std::size_t len = 1;
    unsigned cp = decode(text, i, len);
    if (cp == 0x2019) cp = '\'';
    Xapian::Unicode::append_utf8(buffer_, Xapian::Unicode::tolower(cp));
    i += len;
  }
  return buffer_;
}

int SnippetMaker::match_word(const std::string& w) {
  if (auto it = words_.find(w); it != words_.end()) return it->second;
  for (const auto& [prefix, id] : prefixes_)
    if (w.compare(0, prefix.size(), prefix) == 0) return id;
  if (stems_.empty() || !stem_first_byte_[static_cast<unsigned char>(w[0])]) return -1;
  // One lookup whether the word was seen or not (kNotStemmed marks a new entry).
  auto [cached, fresh] = stem_cache_.try_emplace(w, kNotStemmed);
  if (!fresh) return cached->second;
  auto found = stems_.find(stemmer_(w));
  cached->second = found == stems_.end() ? -1 : found->second;
  return cached->second;
}

std::vector<SnippetMaker::Match> SnippetMaker::find_matches(std::string_view text, std::size_t length,
                                                            bool stop_early) {
  std::vector<Match> matches;
  tokens_.clear();
  const std::size_t limit = std::min(text.size(), kMaxScanBytes);
  std::size_t scanned = 0;
  // Tokens are read on demand, so a passage found early stops the reading too.
  auto have_token = [&](std::size_t k) {
    while (tokens_.size() <= k) {
      std::size_t i = scanned, len = 1;
      // ASCII, most of any text, is told apart here without a call.
      while (i < limit) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
          if (ascii_word(c)) {
            len = 1;
            break;
          }
          ++i;
          continue;
        }
        if (word_char_at(text, i, len)) break;
        i += len;
      }
      if (i >= limit) {
        scanned = limit;
        return false;
      }
      std::size_t j = i + len;
      while (j < limit) {
        std::size_t l2 = 1, l3 = 1;
        if (auto c = static_cast<unsigned char>(text[j]); c < 0x80 && ascii_word(c)) ++j;
        else if (word_char_at(text, j, l2)) j += l2;
        else if (apostrophe_at(text, j, l2) && j + l2 < limit && word_char_at(text, j + l2, l3)) j += l2 + l3;
        else break;
      }
      tokens_.push_back({i, j});
      scanned = j;
    }
    return true;
  };
  if (ids_.empty()) return matches;
  // Stop once some window of `length` bytes holds every query word (actor
  // names other than those typed are optional): no later window can beat it.
  std::vector<int> in_window(ids_.size(), 0);
  std::size_t distinct = 0, window_first = 0;
  auto counts = [this](int id) { return needed_ == 0 || !optional_[static_cast<std::size_t>(id)]; };
  auto complete = [&]() {
    while (window_first < matches.size() && matches.back().end > matches[window_first].start + length) {
      int id = matches[window_first].term;
      if (--in_window[static_cast<std::size_t>(id)] == 0 && counts(id)) --distinct;
      ++window_first;
    }
    return stop_early && distinct == (needed_ ? needed_ : ids_.size());
  };
  auto add = [&](const Match& m) {
    matches.push_back(m);
    if (in_window[static_cast<std::size_t>(m.term)]++ == 0 && counts(m.term)) ++distinct;
  };
  for (std::size_t k = 0; have_token(k); ++k) {
    auto c = static_cast<unsigned char>(text[tokens_[k].start]);
    if (c < 0x80 && !first_byte_[c >= 'A' && c <= 'Z' ? c + 32 : c]) continue;
    const std::string& w = lowered(text, tokens_[k]);
    bool phrase_hit = false;
    for (const auto& [words, id] : phrases_) {
      if (words[0] != w || !have_token(k + words.size() - 1)) continue;
      bool all = true;
      for (std::size_t n = 1; n < words.size() && all; ++n) all = lowered(text, tokens_[k + n]) == words[n];
      lowered(text, tokens_[k]);  // restore the buffer for the word tests below
      if (!all) continue;
      for (std::size_t n = 0; n < words.size(); ++n) add({tokens_[k + n].start, tokens_[k + n].end, id});
      k += words.size() - 1;
      phrase_hit = true;
      break;
    }
    if (!phrase_hit) {
      int id = match_word(w);
      if (id < 0) continue;
      add({tokens_[k].start, tokens_[k].end, id});
    }
    if (complete()) break;
  }
  return matches;
}

Snippet SnippetMaker::make(std::string_view text, std::size_t length, std::string_view title) {
  if (length < 20) length = 20;
  std::vector<Match> matches = find_matches(text, length, true);
  if (matches.empty() && !title.empty()) {
    std::vector<Match> in_title = find_matches(title, length, true);
    if (!in_title.empty()) {
      std::string joined = std::string(title) + " \xE2\x80\x94 " + std::string(text.substr(0, 4 * length));
      return make(joined, length, {});
    }
  }

  // The window [ws, we) with the most distinct terms, then the most matches.
  std::size_t ws = 0, we = std::min(text.size(), length);
  if (!matches.empty()) {
    std::vector<int> counts(ids_.size(), 0);
    int distinct = 0, best_score = -1;
    std::size_t best_first = 0, best_last = 0, right = 0;
    for (std::size_t left = 0; left < matches.size(); ++left) {
      while (right < matches.size() && matches[right].end <= matches[left].start + length) {
        if (counts[static_cast<std::size_t>(matches[right].term)]++ == 0) ++distinct;
        ++right;
      }
      int score = distinct * 1000 + static_cast<int>(right - left);
      if (score > best_score) {
        best_score = score;
        best_first = left;
        best_last = right - 1;
      }
      if (--counts[static_cast<std::size_t>(matches[left].term)] == 0) --distinct;
    }
    if (best_last < best_first) best_last = best_first;
    std::size_t first = matches[best_first].start, last = matches[best_last].end;
    std::size_t slack = length > last - first ? length - (last - first) : 0;
    ws = first > slack / 2 ? first - slack / 2 : 0;
    // Start at a sentence if one begins shortly before the first match.
    std::size_t from = first > kSentenceLead ? first - kSentenceLead : 0;
    for (std::size_t i = first; i > from; --i) {
      char p = text[i - 1];
      if (p == '\n' || ((p == ' ') && i >= 2 && (text[i - 2] == '.' || text[i - 2] == '?' || text[i - 2] == '!'))) {
        ws = i;
        break;
      }
    }
    we = std::min(text.size(), std::max(ws + length, last));
  }
  auto continuation = [&text](std::size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  if (ws > 0) {  // begin at a word (or at least a character)
    std::size_t word = ws;
    while (word < text.size() && !is_space_byte(text[word - 1])) ++word;
    ws = word - ws <= length / 4 ? word : ws;
    while (continuation(ws)) ++ws;
  }
  if (we < text.size()) {  // end at a word
    std::size_t cut = we;
    while (cut > ws && !is_space_byte(text[cut])) --cut;
    if (cut > ws) we = cut;
    while (continuation(we)) ++we;
  }
  // Never cut a highlighted word.
  for (const auto& m : matches)
    if (m.start < we && m.end > we) we = m.end;
  // The search for the window may have stopped early: mark everything inside it.
  if (!matches.empty()) {
    matches = find_matches(text.substr(ws, we - ws), we - ws, false);
    for (auto& m : matches) m.start += ws, m.end += ws;
  }

  Snippet out;
  if (ws > 0) out.text = kEllipsis + " ";
  auto next = std::lower_bound(matches.begin(), matches.end(), ws,
                               [](const Match& m, std::size_t pos) { return m.start < pos; });
  bool pending_space = false;
  for (std::size_t i = ws; i < we;) {
    if (next != matches.end() && next->start == i && next->end <= we) {
      if (pending_space && !out.text.empty()) out.text += ' ';
      pending_space = false;
      std::size_t start = out.text.size();
      out.text.append(text.substr(next->start, next->end - next->start));
      out.highlights.push_back(Span{start, out.text.size()});
      i = next->end;
      ++next;
      continue;
    }
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      pending_space = true;
      ++i;
      continue;
    }
    if (c == ' ') {
      pending_space = true;
      ++i;
      continue;
    }
    if (pending_space && !out.text.empty() && out.text.back() != ' ') out.text += ' ';
    pending_space = false;
    out.text += static_cast<char>(c);
    ++i;
  }
  if (we < text.size()) out.text += " " + kEllipsis;
  return out;
}

Snippet snippet_from_marked(const std::string& marked) {
  Snippet out;
  out.text.reserve(marked.size());
  std::size_t open = std::string::npos;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    char c = marked[i];
    if (c == kStart) {
      open = out.text.size();
      continue;
    }
    if (c == kEnd) {
      if (open != std::string::npos && out.text.size() > open) {
        if (!out.highlights.empty() && out.highlights.back().end == open) out.highlights.back().end = out.text.size();
        else out.highlights.push_back(Span{open, out.text.size()});
      }
      open = std::string::npos;
      continue;
    }
    if (c == '&') {
      static const std::pair<const char*, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
      bool replaced = false;
      for (const auto& [entity, ch] : kEntities) {
        std::size_t len = std::char_traits<char>::length(entity);
        if (marked.compare(i, len, entity) == 0) {
          out.text += ch;
          i += len - 1;
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    out.text += c;
  }
  return out;
}

Snippet make_xapian_snippet(const Xapian::MSet& mset, const std::string& text, std::size_t length,
                            const Xapian::Stem& stemmer) {
  std::string marked = mset.snippet(text, length, stemmer, Xapian::MSet::SNIPPET_BACKGROUND_MODEL,
                                    std::string(1, kStart), std::string(1, kEnd), kEllipsis);
  return snippet_from_marked(marked);
}

}  // namespace dossier

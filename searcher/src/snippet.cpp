#include "snippet.hpp"

#include "text.hpp"

namespace dossier {
namespace {

// Bytes that never survive into stored text (control characters are stripped
// at indexing), so they cannot be confused with document content.
constexpr char kStart = '\x01';
constexpr char kEnd = '\x02';

}  // namespace

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

Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, std::size_t length,
                     const Xapian::Stem& stemmer) {
  std::string marked = mset.snippet(text, length, stemmer, Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                    std::string(1, kStart), std::string(1, kEnd), "\xE2\x80\xA6");
  return snippet_from_marked(marked);
}

}  // namespace dossier

#pragma once
// The best passage of a hit, as plain text plus highlighted spans. Renderers
// decide the markup; nothing here knows about terminals or HTML.

#include <dossier/searcher.hpp>

#include <xapian.h>

#include <string>

namespace dossier {

// Uses Xapian's snippet selection with sentinel markers, then turns the
// markers into byte spans over unescaped text.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, std::size_t length,
                     const Xapian::Stem& stemmer);

// Splits Xapian's HTML-escaped, marker-delimited snippet into text and spans.
Snippet snippet_from_marked(const std::string& marked);

}  // namespace dossier

#pragma once
// Human-readable results: colour on a terminal, [[markers]] when piped.

#include <dossier/searcher.hpp>

#include <ostream>

namespace dossier::cli {

struct TextStyle {
  bool colour = false;
};

// The snippet with its highlights marked for a terminal (or with [[ ]] without colour).
std::string render_snippet(const Snippet& snippet, const TextStyle& style);

void render_text(std::ostream& out, const SearchResults& results, const TextStyle& style);

}  // namespace dossier::cli

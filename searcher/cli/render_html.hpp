#pragma once
// Results as one standalone HTML page: matched words in <mark>, everything
// from documents and queries escaped.

#include <dossier/searcher.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace dossier::cli {

// `&`, `<`, `>`, `"` and `'` as entities; control characters dropped.
std::string html_escape(const std::string& text);

// A section of the page: one query's results, with a label for watch lists.
struct LabelledResults {
  std::string name;  // empty for a single query
  SearchResults results;
};

void render_html(std::ostream& out, const std::vector<LabelledResults>& blocks);

}  // namespace dossier::cli

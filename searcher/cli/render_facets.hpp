#pragma once
// Facet counts as a text table, and matches per month as a bar chart.

#include <dossier/searcher.hpp>

#include <ostream>

namespace dossier::cli {

// One block per field: values by count (years and months in date order).
void render_facet_table(std::ostream& out, const SearchResults& results, std::size_t max_values = 20);

// Matches per month from the "month" facet, every month between the first and
// last shown (empty ones too). `unicode`: block characters, else '#'.
void render_timeline(std::ostream& out, const SearchResults& results, bool unicode, std::size_t width = 40);

}  // namespace dossier::cli

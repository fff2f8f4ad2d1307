#pragma once
// How many documents of an index match a query, counted exactly, every copy.

#include <dossier/searcher.hpp>

#include <string>

namespace dossier::test {

inline std::size_t exact_count(const std::string& index, const std::string& query) {
  Searcher s({index});
  SearchRequest r;
  r.query = query;
  r.exact_total = true;
  r.collapse_duplicates = false;
  r.limit = 0;
  return s.search(r).total;
}

}  // namespace dossier::test

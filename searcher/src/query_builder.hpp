#pragma once
// request -> rewrite (aliases, filters, dates) -> parse (Xapian's QueryParser,
// configured from the schema table) -> one Xapian query.

#include <dossier/searcher.hpp>

#include "gazetteer.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace dossier {

struct BuiltQuery {
  Xapian::Query query;
  std::string rewritten;               // the text given to Xapian's parser
  std::vector<std::string> notices;    // e.g. a syntax fallback
  bool has_free_text = false;          // false: a filter-only query
};

class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, const Gazetteer& gazetteer);
  // @throws QueryError for filters that cannot mean anything.
  BuiltQuery build(const SearchRequest& request) const;
  // The stemmer used for queries, which snippets must share to mark stemmed forms.
  [[nodiscard]] const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  std::string rewrite(const std::string& query, std::vector<std::string>& notices) const;
  Xapian::Query parse(const std::string& text, unsigned flags) const;
  Xapian::Query request_filters(const SearchRequest& request) const;

  const Xapian::Database& db_;
  const Gazetteer& gazetteer_;
  Xapian::Stem stemmer_;
};

// "2024", "2024-06", "2024-06-18" -> first (or last) day as YYYYMMDD.
// @throws QueryError when the text is not such a date.
std::string date_bound(const std::string& text, bool upper, const std::string& query);

}  // namespace dossier

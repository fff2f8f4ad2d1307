#pragma once
// "More like this": the terms that best characterise one document (Xapian's
// relevance-feedback expansion set), as a query for the documents like it.

#include "highlight_terms.hpp"

#include <xapian.h>

#include <string>
#include <optional>

namespace dossier {

struct LikeQuery {
  Xapian::Query query;       // ranks similar documents; excludes the document itself
  HighlightTerms highlight;  // the characteristic words, for snippets
};

// `path_or_id` is a document id, or the path of an indexed file (as given or canonical).
// @throws QueryError when no indexed document has that id or path.
LikeQuery like_query(const Xapian::Database& db, const std::string& path_or_id);

// The document with id `id`, in shards of any scheme revision (their id terms differ).
std::optional<Xapian::docid> document_by_id(const Xapian::Database& db, const std::string& id);

}  // namespace dossier

#pragma once
// How an Article is kept in a Xapian document's data: one JSON object.
// Both sides use this, so what the indexer stores the searcher can read.

#include <dossier/article.hpp>

#include <string>
#include <string_view>

namespace dossier {

std::string encode_article(const Article& article);
// Throws dossier::DatabaseError when the data is not an article dossier wrote.
Article decode_article(std::string_view data);

FieldOrigin origin_from_string(std::string_view s);

}  // namespace dossier

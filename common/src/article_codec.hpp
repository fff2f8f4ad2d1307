#pragma once
// How an Article is kept in a Xapian document's data: a one-line JSON header
// with the metadata, a newline, then the text as it is.
// Both sides use this, so what the indexer stores the searcher can read.

#include <dossier/article.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// What the indexer keeps beside an article, for itself only: enough to redo the
// article's actors when the gazetteer changes, without reading its file again.
struct ArticleExtras {
  std::vector<std::string> declared_actors;  // as declared (file, record or path), before aliases
  std::string actor_context;                 // author and description: searched for actors too
};

std::string encode_article(const Article& article, const ArticleExtras& extras = {});
// The extras stored with an article (empty when there are none).
ArticleExtras decode_article_extras(std::string_view data);
// Throws dossier::DatabaseError when the data is not an article dossier wrote.
Article decode_article(std::string_view data);

FieldOrigin origin_from_string(std::string_view s);

}  // namespace dossier

#pragma once
// Stage 4 of indexing: an Article -> a Xapian document, through the schema
// table only. Safe to use from several threads, one builder per thread.

#include "article_codec.hpp"
#include "data_packing.hpp"
#include "schema.hpp"

#include <dossier/article.hpp>

#include <xapian.h>

#include <string>

namespace dossier {

class DocumentBuilder {
 public:
  // `revision`: the index's term scheme, which says which terms keep no
  // positions and how ids become terms (a new index takes the latest; an older
  // one stays consistent with itself).
  // `packer` (optional, outliving the builder) packs the stored data.
  explicit DocumentBuilder(schema::Revision revision = schema::Revision::stems_3, const DataPacker* packer = nullptr);
  // `stamp` records the file's state so an unchanged file is skipped next run.
  // `extras` are stored with the article for the indexer's own later use.
  Xapian::Document build(const Article& article, const std::string& stamp, const ArticleExtras& extras = {});

 private:
  Xapian::TermGenerator terms_;
  schema::Revision revision_;
  const DataPacker* packer_;
};

// Gives a document built from `article` its new actors (terms, packed value and
// stored data), leaving its text terms alone: for re-extraction after a
// gazetteer change, without tokenizing the text again.
void replace_actors(Xapian::Document& doc, const Article& article, const ArticleExtras& extras,
                    const DataPacker& packer);

}  // namespace dossier

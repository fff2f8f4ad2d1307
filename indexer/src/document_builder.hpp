#pragma once
// Stage 4 of indexing: an Article -> a Xapian document, through the schema
// table only. Safe to use from several threads, one builder per thread.

#include <dossier/article.hpp>

#include <xapian.h>

#include <string>

namespace dossier {

class DocumentBuilder {
 public:
  DocumentBuilder();
  // `stamp` records the file's state so an unchanged file is skipped next run.
  Xapian::Document build(const Article& article, const std::string& stamp);

 private:
  Xapian::TermGenerator terms_;
};

}  // namespace dossier

#pragma once
// Stage 3 of indexing: a raw record -> an Article with every metadata field
// filled where it can be, and a record of how each was found.
//
// Precedence, per field (the first that gives a value wins; its origin is kept):
//   title:  declared > path {title} > first heading (text) > first sentence (text) > file name (path)
//   date:   declared > path {date} > date in the text (text; year-less ones resolved, see
//           text_dates.hpp; with a path {year}, only dates of that year) > path {year}
//           (1 January) > date in the file name (path) > modification time (file_time)
//   source: declared (field, site name, URL domain) > path {source} > --source (run) > none
//   actors: declared and path actors through the gazetteer's aliases, plus the actors
//           the gazetteer finds in the title, text, author and description.

#include "article_codec.hpp"
#include "gazetteer.hpp"
#include "path_pattern.hpp"
#include "readers/reader.hpp"
#include "walker.hpp"

#include <dossier/article.hpp>
#include <dossier/indexer.hpp>

namespace dossier {

struct EnrichContext {
  const Gazetteer& gazetteer;
  const IndexerOptions& options;
  const PathPatterns* patterns = nullptr;  // the run's --path-pattern list, if any
  std::string root;                        // the folder being indexed (paths are matched below it)
};

// An article and what is needed to redo its actors later without its file.
struct EnrichedArticle {
  Article article;
  ArticleExtras extras;
  std::vector<std::string> warnings;  // what was declared but could not be used, and what was used instead
};

// `record_number` counts from 1 within a multi-record file.
EnrichedArticle enrich(RawRecord raw, const FileEntry& file, std::size_t record_number, bool multi_record,
                       const EnrichContext& context);

// Actors named in an article's title and text (and `context`: author, description),
// merged with `declared` (normalised through the gazetteer's aliases and country
// codes). Sorted, unique.
std::vector<std::string> resolve_actors(const std::vector<std::string>& declared, std::string_view title,
                                        std::string_view text, const Gazetteer& gazetteer,
                                        std::string_view context = {});

// A declared name's canonical form: an alias ("DPRK") or, for names written as a
// code ("UKR"), the country; the name itself (tidied) when neither is known.
std::string resolve_actor_name(std::string_view name, const Gazetteer& gazetteer, bool allow_lowercase_code = false);

// The host of a URL without "www." ("https://www.example.org/a" -> "example.org").
std::string url_domain(std::string_view url);

}  // namespace dossier

#pragma once
// Stage 3 of indexing: a raw record -> an Article with every metadata field
// filled where it can be, and a record of how each was found.

#include "gazetteer.hpp"
#include "readers/reader.hpp"
#include "walker.hpp"

#include <dossier/article.hpp>
#include <dossier/indexer.hpp>

namespace dossier {

struct EnrichContext {
  const Gazetteer& gazetteer;
  const IndexerOptions& options;
};

// `record_number` counts from 1 within a multi-record file.
Article enrich(RawRecord raw, const FileEntry& file, std::size_t record_number, bool multi_record,
               const EnrichContext& context);

// Actors named in an article's title and text, merged with `declared` (normalised
// through the gazetteer's aliases). Sorted, unique.
std::vector<std::string> resolve_actors(const std::vector<std::string>& declared, std::string_view title,
                                        std::string_view text, const Gazetteer& gazetteer);

// The host of a URL without "www." ("https://www.example.org/a" -> "example.org").
std::string url_domain(std::string_view url);

}  // namespace dossier

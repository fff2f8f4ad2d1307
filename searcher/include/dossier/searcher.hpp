#pragma once
/// @file
/// Searching one or several dossier indexes.
///
/// Thread safety: a Searcher is used from one thread at a time; open one per
/// thread for parallel searches. Searches keep working while an indexer
/// commits: each sees one committed state of the index.

#include <dossier/article.hpp>
#include <dossier/export.hpp>

#include <spdlog/logger.h>

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dossier {

/// A highlighted range in a snippet's text, in bytes (UTF-8), end exclusive.
struct DOSSIER_API Span {
  /// Offset of the first highlighted byte.
  std::size_t start = 0;
  /// Offset just past the last highlighted byte.
  std::size_t end = 0;
};

/// The best passage of a document, with the words that matched marked.
struct DOSSIER_API Snippet {
  std::string text;              ///< plain UTF-8, no markup, no control characters
  std::vector<Span> highlights;  ///< sorted, non-overlapping
};

/// Orders results.
enum class SortOrder {
  relevance,  ///< BM25 (default)
  newest,     ///< by date, newest first (relevance breaks ties)
  oldest,     ///< by date, oldest first
  recent,     ///< relevance with a boost for recent documents
};

/// What to search for.
struct DOSSIER_API SearchRequest {
  std::string query;                 ///< user query text (see README "Query language")
  std::size_t limit = 10;            ///< hits to return (0: counts and facets only)
  std::size_t offset = 0;            ///< hits to skip
  std::vector<std::string> sources;  ///< any of these sources
  std::vector<std::string> actors;   ///< all of these actors (aliases accepted)
  std::string since;                 ///< earliest date, YYYY[-MM[-DD]]
  std::string until;                 ///< latest date, YYYY[-MM[-DD]]
  /// How hits are ordered.
  SortOrder sort = SortOrder::relevance;
  bool exact_total = false;          ///< count every match (slower on big indexes)
  std::vector<std::string> facets;   ///< any of "source", "actor", "year", "month", "format"
  std::size_t snippet_length = 240;  ///< snippet size in characters
  bool collapse_duplicates = true;   ///< fold copies of the same article into one hit
  bool use_suggestion = false;       ///< search the spelling-corrected query instead
  /// Rank plain-words queries in relevance order with pseudo-relevance feedback
  /// (the terms typical of the best matches re-rank the matches).
  bool feedback = true;
  /// With feedback, when the documents with the words do not fill the page,
  /// list related documents after them (without the words, but with the terms
  /// typical of the best matches), each marked Hit::related.
  bool related = true;
  std::string like;                  ///< id or path of a document: rank those similar to it
};

/// One result.
struct DOSSIER_API Hit {
  std::size_t rank = 0;   ///< 1-based, counting from the first hit of the whole result list
  double score = 0;       ///< BM25 score (0 for filter-only queries)
  Article article;        ///< stored fields (its text is omitted unless asked)
  Snippet snippet;        ///< the best passage
  std::size_t copies = 1; ///< documents this hit stands for (duplicates collapsed into it)
  /// Listed after every document with the query's words: it has none of them,
  /// but shares the terms typical of the best matches (SearchRequest::related).
  bool related = false;
};

/// What a search found.
struct DOSSIER_API SearchResults {
  std::string query;                     ///< the query that was run (after any correction)
  std::size_t total = 0;                 ///< matching documents (related hits not counted)
  bool total_exact = false;              ///< false: total is an estimate
  /// The hits of the requested page (`offset`, `limit`), best first.
  std::vector<Hit> hits;
  std::optional<std::string> suggestion; ///< "did you mean" for misspelt words
  std::map<std::string, std::map<std::string, std::size_t>> facets;  ///< field -> value -> count
  std::vector<std::string> notices;      ///< e.g. "query syntax not understood, searched the words"
  /// True when some shards did not answer and were left out (SearcherOptions::allow_partial):
  /// hits, totals and facet counts then cover only the shards that answered.
  bool partial = false;
  std::vector<std::string> missing_shards;  ///< the shards left out, as named ("tcp://host:port", a path)
};

/// Settings for a Searcher.
struct DOSSIER_API SearcherOptions {
  std::shared_ptr<spdlog::logger> logger;  ///< silent when null
  std::string actors_file;                 ///< extra aliases for query-time expansion
  /// Search the shards that answer when some do not (results marked partial),
  /// instead of failing with DatabaseError naming the shard.
  bool allow_partial = false;
  unsigned connect_timeout_ms = 10000;  ///< connecting to a remote shard (0: no limit)
  unsigned timeout_ms = 30000;          ///< any one exchange with a remote shard (0: no limit)
};

/// Searches one index, or several as one. Move-only.
class DOSSIER_API Searcher {
 public:
  /// Opens the index at each path: local folders, stub files (or folders holding
  /// a XAPIANDB stub) and remote shards "tcp://HOST:PORT"; see README
  /// "Several indexes and remote shards".
  /// @throws DatabaseError when an index is missing or unreadable, or a remote
  ///         shard does not answer (unless `allow_partial`), naming it.
  /// @throws InvalidArgument when `indexes` is empty.
  explicit Searcher(const std::vector<std::string>& indexes, SearcherOptions options = {});
  /// Moves the open indexes; the moved-from Searcher may only be destroyed or assigned to.
  Searcher(Searcher&&) noexcept;
  /// Releases this Searcher's indexes and takes over the other one's.
  Searcher& operator=(Searcher&&) noexcept;
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;
  ~Searcher();

  /// Runs a search.
  /// @throws QueryError for a filter or range that cannot mean anything.
  /// @throws DatabaseError when the index fails while searching.
  [[nodiscard]] SearchResults search(const SearchRequest& request);

  /// The stored document with this id, if any (its text included).
  /// @throws DatabaseError when the index fails.
  [[nodiscard]] std::optional<Article> document(const std::string& id);

  /// Number of documents searched.
  [[nodiscard]] std::size_t document_count() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier

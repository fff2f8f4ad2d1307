#pragma once
// request -> rewrite (aliases, filters, dates) -> parse (Xapian's QueryParser,
// configured from the schema table) -> one Xapian query, plus what snippets
// should highlight.

#include <dossier/searcher.hpp>

#include "gazetteer.hpp"
#include "highlight_terms.hpp"
#include "query_rewriter.hpp"
#include "schema.hpp"

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

namespace dossier {

struct BuiltQuery {
  Xapian::Query query;                 // MatchNothing when the words leave nothing to search
  std::string rewritten;               // the text given to Xapian's parser
  std::vector<std::string> notices;    // e.g. a syntax fallback
  bool has_free_text = false;          // false: a filter-only query
  bool words_only = false;             // no query syntax: feedback may widen it
  HighlightTerms highlight;
};

// What alias expansion adds beyond the words typed, kept for highlighting.
struct AliasTrace {
  std::vector<std::vector<std::string>> phrases;
  std::set<std::string> extra_terms;  // terms that only stand for other names of an actor
  std::set<std::string> typed_terms;  // terms of the names as typed (always highlighted)
};

// Longest query dossier reads; the rest is dropped with a notice.
inline constexpr std::size_t kMaxQueryBytes = 4096;

struct IndexTerms {
  schema::TermScheme scheme;
  schema::Revision revision;
};

class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, const Gazetteer& gazetteer);
  // @throws QueryError for filters that cannot mean anything.
  [[nodiscard]] BuiltQuery build(const SearchRequest& request) const;
  // The stemmer used for queries, which snippets must share to mark stemmed forms.
  [[nodiscard]] const Xapian::Stem& stemmer() const { return stemmer_; }
  // How the index writes stems as terms.
  [[nodiscard]] const schema::StemTerms& stem_terms() const { return stems_; }
  // Terms and phrases of a canonical actor's names, for highlighting.
  void add_actor_highlights(const std::string& canonical, HighlightTerms& h, const std::string& except = "") const;

 private:
  QueryBuilder(const Xapian::Database& db, const Gazetteer& gazetteer, IndexTerms terms);
  Xapian::Query parse(const RewrittenQuery& rewritten, unsigned flags, AliasTrace& trace) const;
  Xapian::Query request_filters(const SearchRequest& request, HighlightTerms& h) const;
  void collect_highlights(const Xapian::Query& query, const RewrittenQuery& rewritten, const AliasTrace& trace,
                          BuiltQuery& built) const;

  const Xapian::Database& db_;
  const Gazetteer& gazetteer_;
  Xapian::Stem stemmer_;
  schema::TermScheme scheme_;   // how the index holds words: the parser must ask for the same terms
  schema::Revision revision_;  // which words have no positions (phrases leave them out)
  schema::StemTerms stems_;    // how stems are written (the parser must ask for the same terms)
};

// How an index writes its words: its term scheme (schema::TermScheme) and,
// for stems only, the scheme's revision (stems_1 for the oldest scheme); the
// current ones when the index cannot say (e.g. a shard does not answer).
IndexTerms index_terms(const Xapian::Database& db);
// A parsed phrase for an index with such terms: its positionless function
// words left out and the others matched in order within a window covering the
// gaps ("bank of england" finds "bank ? england"); its positionless numbers
// required beside that phrase; a phrase of such words only requires them all.
// Anything else is returned as it is.
Xapian::Query without_positionless_words(const Xapian::Query& phrase, schema::Revision revision);

}  // namespace dossier

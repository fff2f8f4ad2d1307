#pragma once
// Pseudo-relevance feedback: the words that best characterise the top matches
// widen a plain-words query, so related wording ranks too (measured on NFCorpus
// with tests/bench/ir; see the README's ranking table).
//
// The terms are chosen here rather than by Xapian's get_eset, which estimates
// each term's frequency per sub-database: from the top documents' termlists and
// exact collection statistics, the choice is the same however the documents are
// spread over shards, and costs a few round trips to remote shards, not one per
// candidate term.

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dossier {

struct ExpansionTerm {
  std::string term;
  double weight = 0;
};

// True when some sub-database of `db` is remote (xapian-tcpsrv), asked without an exchange.
[[nodiscard]] bool has_remote_part(const Xapian::Database& db);

// How many documents each of `terms` occurs in over the whole of `db` (equal to
// db.get_termfreq), from one search: one exchange with each remote shard.
[[nodiscard]] std::map<std::string, Xapian::doccount> termfreqs_by_search(const Xapian::Database& db,
                                                                          const std::vector<std::string>& terms);

// The same, by the cheaper way for `db`: one search when a shard is remote,
// term by term otherwise.
[[nodiscard]] std::map<std::string, Xapian::doccount> exact_termfreqs(const Xapian::Database& db,
                                                                      const std::vector<std::string>& terms);

// How many of the best matches feed the expansion.
inline constexpr Xapian::doccount kFeedbackDocs = 5;

// The documents whose terms feed the expansion: `query`'s best kFeedbackDocs
// matches ranked with `weight`, equal scores by the id value, not collapsed.
[[nodiscard]] std::vector<Xapian::docid> feedback_documents(const Xapian::Database& db, const Xapian::Query& query,
                                                            const Xapian::Weight& weight);

// feedback_documents read off a first page already found, ranked as they
// are (same database, query, weight and order: relevance, then the id value),
// perhaps with near-copies collapsed: `first` and `asked` are the page's
// get_mset arguments. nullopt when the page cannot tell what an uncollapsed
// search would rank first (a later page, or collapsed copies among the first).
// Not for remote shards, whose collapse counts are merged.
[[nodiscard]] std::optional<std::vector<Xapian::docid>> feedback_documents_from(const Xapian::MSet& page,
                                                                               Xapian::doccount first,
                                                                               Xapian::doccount asked);

// The expansion terms of `query`'s best few matches (feedback_documents),
// strongest first, equal weights by term; weighted as Xapian 1.4's default
// expand weight (TradEWeight) would over one database. Empty when `query`
// matches nothing.
[[nodiscard]] std::vector<ExpansionTerm> expansion_terms(const Xapian::Database& db, const Xapian::Query& query,
                                                         const Xapian::Weight& weight);

// The same from documents already found: `top` must be what feedback_documents
// returns for `query` (a search that has them spares running it again).
[[nodiscard]] std::vector<ExpansionTerm> expansion_terms(const Xapian::Database& db, const Xapian::Query& query,
                                                         const std::vector<Xapian::docid>& top);

// The expansion terms as one query, each scaled by how typical it is of the
// best matches, the whole weighted down: what with_feedback adds to `query`.
// Empty when `terms` is.
[[nodiscard]] Xapian::Query expansion_query(const std::vector<ExpansionTerm>& terms);

// `query` ranked with the expansion terms of its best few matches (weighted
// down), or `query` itself when it matches nothing. The terms only re-rank what
// `query` matches unless `add_related`: then documents matching only them
// follow. Ranks with `weight`.
[[nodiscard]] Xapian::Query with_feedback(const Xapian::Database& db, const Xapian::Query& query,
                                          const Xapian::Weight& weight, bool add_related);

}  // namespace dossier

#pragma once
// Pseudo-relevance feedback: the words that best characterise the top matches
// widen a plain-words query, so related wording ranks too (measured on NFCorpus
// with tests/bench/ir; see the README's ranking table).

#include <xapian.h>

namespace dossier {

// `query` ranked with the expansion terms of its best few matches (weighted
// down), or `query` itself when it matches nothing. The terms only re-rank what
// `query` matches unless `add_related`: then documents matching only them
// follow. Ranks with `weight`.
[[nodiscard]] Xapian::Query with_feedback(const Xapian::Database& db, const Xapian::Query& query,
                                          const Xapian::Weight& weight, bool add_related);

}  // namespace dossier

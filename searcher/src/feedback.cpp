#include "feedback.hpp"

#include "schema.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <optional>
#include <set>
#include <unordered_map>
#include <string>
#include <vector>

namespace dossier {
namespace {

// Chosen on NFCorpus dev and train queries (tests/bench/ir/ranking_lab): more
// documents or terms changed little; 0.05-0.1 was best for re-ranking, 0.1-0.3
// alike with related documents added, and 0.1 keeps documents with the typed
// words ahead of merely related ones.
constexpr std::size_t kFeedbackTerms = 10;
constexpr double kFeedbackWeight = 0.1;
// TradEWeight's k: how fast a term's weight in a document saturates with its wdf.
constexpr double kExpandK = 1.0;
// Local frequencies are looked up in batches, each in key order (see
// expansion_terms): larger batches share more B-tree blocks but look up more
// terms past the point where pruning stops. Measured on the UN speeches: 32
// took ~950 block reads for a default search, 128 ~840, 512 ~780 with a third
// more lookups.
constexpr std::size_t kLocalBatch = 128;

// Stemmed free-text terms (schema::stem_of_any) not already asked for: no
// filters, ids, title-prefixed copies, or numbers.
class ExpansionTerms {
 public:
  explicit ExpansionTerms(const Xapian::Query& query) : asked_(query.get_unique_terms_begin(), query.get_unique_terms_end()) {}

  bool operator()(const std::string& term) const {
    std::string_view stem = schema::stem_of_any(term);
    if (stem.size() < 2) return false;
    auto first = static_cast<unsigned char>(stem[0]);
    if (!std::islower(first) && first < 0x80) return false;
    for (char c : stem)
      if (std::isdigit(static_cast<unsigned char>(c))) return false;
    return asked_.count(term) == 0;
  }

 private:
  std::set<std::string> asked_;
};

// What the relevant (top) documents say about one candidate term.
struct RelevantStats {
  double multiplier = 0;           // sum over the documents of its saturated, length-normalised wdf
  Xapian::doccount rtermfreq = 0;  // how many of them hold it
};

}  // namespace

bool has_remote_part(const Xapian::Database& db) {
  // Xapian 1.4 has no public way to ask; locked() is the one call a remote
  // backend refuses on the client, without an exchange. It stops at the first
  // locked local shard (one being written), which then reads as local: still
  // exact, only slower if remote shards follow it. So does a lock file that
  // cannot be read (a read-only index).
  try {
    (void)db.locked();
    return false;
  } catch (const Xapian::UnimplementedError&) {
    return true;
  } catch (const Xapian::Error&) {
    return false;
  }
}

std::map<std::string, Xapian::doccount> termfreqs_by_search(const Xapian::Database& db,
                                                            const std::vector<std::string>& terms) {
  std::map<std::string, Xapian::doccount> freqs;
  if (terms.empty()) return freqs;
  // Each remote shard sends the frequencies of all the query's terms in one
  // exchange; no match is run for an MSet of zero documents.
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  Xapian::MSet none = enquire.get_mset(0, 0);
  for (const auto& term : terms) freqs[term] = none.get_termfreq(term);
  return freqs;
}

namespace {

std::map<std::string, Xapian::doccount> local_termfreqs(const Xapian::Database& db,
                                                        const std::vector<std::string>& terms) {
  // In key order, neighbouring terms share the B-tree's leaf block, which
  // Xapian keeps from one lookup to the next: one block read serves several
  // terms (see kLocalBatch for what it saved).
  std::vector<const std::string*> sorted;
  sorted.reserve(terms.size());
  for (const auto& term : terms) sorted.push_back(&term);
  std::sort(sorted.begin(), sorted.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  std::map<std::string, Xapian::doccount> freqs;
  for (const auto* term : sorted) freqs.emplace_hint(freqs.end(), *term, db.get_termfreq(*term));
  return freqs;
}

}  // namespace

std::map<std::string, Xapian::doccount> exact_termfreqs(const Xapian::Database& db,
                                                        const std::vector<std::string>& terms) {
  // Term by term is one exchange per term with every remote shard (≈ 0.4 s for
  // 600 terms over three loopback shards), the search 10-50 ms; on local
  // databases term by term takes 1 ms and the search 13 ms (it opens every
  // term's posting list).
  return has_remote_part(db) ? termfreqs_by_search(db, terms) : local_termfreqs(db, terms);
}

std::vector<Xapian::docid> feedback_documents(const Xapian::Database& db, const Xapian::Query& query,
                                              const Xapian::Weight& weight) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(weight);
  enquire.set_query(query);
  // Equal scores by the document's id, not its number, which depends on the shard layout.
  enquire.set_sort_by_relevance_then_value(*schema::spec(schema::Field::id).slot, false);
  Xapian::MSet top = enquire.get_mset(0, kFeedbackDocs);
  return {top.begin(), top.end()};
}

std::optional<std::vector<Xapian::docid>> feedback_documents_from(const Xapian::MSet& page, Xapian::doccount first,
                                                                 Xapian::doccount asked) {
  if (first != 0) return std::nullopt;
  const Xapian::doccount size = page.size();
  const Xapian::doccount wanted = std::min(size, kFeedbackDocs);
  // A page shorter than asked holds every match left after collapsing, and
  // the matcher never raised its minimum weight: every match met the
  // collapser. A full page must have its wanted-th score above its last: a
  // document scoring that much was never skipped as below the minimum weight
  // (which never exceeds the last score), so a copy folded into one of the
  // first `wanted` would have been counted there.
  if (size == asked && (wanted < kFeedbackDocs || !(page[wanted - 1].get_weight() > page[size - 1].get_weight())))
    return std::nullopt;
  std::vector<Xapian::docid> top;
  for (auto it = page.begin(); it != page.end() && top.size() < wanted; ++it) {
    // A better document with the same collapse key hides a copy that may rank among the first uncollapsed.
    if (it.get_collapse_count() != 0) return std::nullopt;
    top.push_back(*it);
  }
  return top;
}

std::vector<ExpansionTerm> expansion_terms(const Xapian::Database& db, const Xapian::Query& query,
                                           const Xapian::Weight& weight) {
  return expansion_terms(db, query, feedback_documents(db, query, weight));
}

std::vector<ExpansionTerm> expansion_terms(const Xapian::Database& db, const Xapian::Query& query,
                                           const std::vector<Xapian::docid>& top) {
  if (top.empty()) return {};

  // Every statistic below is exact over the whole database (integers summed
  // over shards), so the choice does not depend on how documents are spread.
  const double doccount = db.get_doccount();
  const double avlength = doccount > 0 ? static_cast<double>(db.get_total_length()) / doccount : 0;
  if (!(avlength > 0)) return {};
  const ExpansionTerms wanted(query);
  // Node-based: the pointers kept below stay valid as the table grows.
  std::unordered_map<std::string, RelevantStats> candidates;
  candidates.reserve(4096);
  std::vector<std::pair<RelevantStats*, Xapian::termcount>> kept;
  kept.reserve(2048);
  for (Xapian::docid did : top) {
    kept.clear();
    Xapian::termcount doclength = 0;  // from the termlist: no extra exchange with a remote shard
    for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
      const Xapian::termcount termwdf = t.get_wdf();
      doclength += termwdf;
      std::string term = *t;
      if (wanted(term)) kept.emplace_back(&candidates[std::move(term)], termwdf);
    }
    for (const auto& [stats, termwdf] : kept) {
      const double wdf = termwdf == 0 ? 1.0 : termwdf;  // as Xapian: a boolean term still counts
      stats->multiplier += (kExpandK + 1) * wdf / (kExpandK * doclength / avlength + wdf);
      ++stats->rtermfreq;
    }
  }
  if (candidates.empty()) return {};

  // Robertson-Sparck Jones relevance weight, as Xapian 1.4's TradEWeight.
  const double rsize = static_cast<double>(top.size());
  auto weight_of = [&](const RelevantStats& s, double n) {
    const double r = s.rtermfreq;
    const double num = (r + 0.5) * (doccount - n - (rsize - r) + 0.5);
    const double denom = (n - r + 0.5) * ((rsize - r) + 0.5);
    return s.multiplier * std::log(num / denom);
  };
  // A term's weight only falls as its frequency n grows, so n = r bounds it.
  // Long documents bring thousands of candidates: look up the frequencies of
  // the most promising first, and never those whose bound is below the tenth
  // best weight found so far (they cannot be among the ten). The choice is
  // exactly that of weighing them all. Only each batch is picked out (no sort
  // of the thousands): which of equal bounds come first does not matter.
  struct Candidate {
    const std::string* term;
    const RelevantStats* stats;
    double bound;
  };
  std::vector<Candidate> order;
  order.reserve(candidates.size());
  for (const auto& [term, s] : candidates) {
    const double bound = weight_of(s, s.rtermfreq);
    if (bound > 0) order.push_back({&term, &s, bound});  // a chosen term weighs more than 0
  }
  // Remote shards answer a batch in one exchange: fewer, larger batches there.
  const bool remote = has_remote_part(db);
  const std::size_t batch = remote ? 512 : kLocalBatch;
  std::vector<ExpansionTerm> terms;
  std::vector<double> weights;
  double tenth_best = -HUGE_VAL;
  std::size_t at = 0;
  while (true) {
    auto useful = std::partition(order.begin() + static_cast<std::ptrdiff_t>(at), order.end(),
                                 [tenth_best](const Candidate& c) { return !(c.bound < tenth_best); });
    order.erase(useful, order.end());
    if (at == order.size()) break;
    const std::size_t take = std::min(batch, order.size() - at);
    const auto first = order.begin() + static_cast<std::ptrdiff_t>(at), last = first + static_cast<std::ptrdiff_t>(take);
    if (last != order.end())
      std::nth_element(first, last - 1, order.end(),
                       [](const Candidate& a, const Candidate& b) { return a.bound > b.bound; });
    // In key order, neighbouring terms share the B-tree's leaf block, which
    // Xapian keeps from one lookup to the next (see kLocalBatch).
    std::sort(first, last, [](const Candidate& a, const Candidate& b) { return *a.term < *b.term; });
    if (remote) {
      std::vector<std::string> names;
      names.reserve(take);
      for (auto c = first; c != last; ++c) names.push_back(*c->term);
      const auto termfreqs = termfreqs_by_search(db, names);
      for (auto c = first; c != last; ++c) {
        const double w = weight_of(*c->stats, termfreqs.at(*c->term));
        if (w > 0) terms.push_back({*c->term, w});
      }
    } else {
      for (auto c = first; c != last; ++c) {
        const double w = weight_of(*c->stats, db.get_termfreq(*c->term));
        if (w > 0) terms.push_back({*c->term, w});
      }
    }
    at += take;
    if (terms.size() >= kFeedbackTerms) {
      weights.clear();
      for (const auto& t : terms) weights.push_back(t.weight);
      std::nth_element(weights.begin(), weights.begin() + (kFeedbackTerms - 1), weights.end(), std::greater<double>());
      tenth_best = weights[kFeedbackTerms - 1];
    }
  }
  auto stronger = [](const ExpansionTerm& a, const ExpansionTerm& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
  };
  if (terms.size() > kFeedbackTerms) {
    std::partial_sort(terms.begin(), terms.begin() + kFeedbackTerms, terms.end(), stronger);
    terms.resize(kFeedbackTerms);
  } else {
    std::sort(terms.begin(), terms.end(), stronger);
  }
  return terms;
}

Xapian::Query expansion_query(const std::vector<ExpansionTerm>& chosen) {
  if (chosen.empty()) return {};
  // Each term counts in proportion to how typical it is of the best matches.
  const double strongest = chosen.front().weight;
  std::vector<Xapian::Query> terms;
  for (const auto& t : chosen)
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(t.term), t.weight / strongest);
  Xapian::Query expansion(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion, kFeedbackWeight);
}

Xapian::Query with_feedback(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Weight& weight,
                            bool add_related) {
  Xapian::Query expansion = expansion_query(expansion_terms(db, query, weight));
  if (expansion.empty()) return query;
  return Xapian::Query(add_related ? Xapian::Query::OP_OR : Xapian::Query::OP_AND_MAYBE, query, expansion);
}

}  // namespace dossier

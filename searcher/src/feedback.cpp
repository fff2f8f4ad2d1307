#include "feedback.hpp"

#include "schema.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
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
constexpr Xapian::doccount kFeedbackDocs = 5;
constexpr std::size_t kFeedbackTerms = 10;
constexpr double kFeedbackWeight = 0.1;
// TradEWeight's k: how fast a term's weight in a document saturates with its wdf.
constexpr double kExpandK = 1.0;
// Local frequencies are looked up in batches, each in key order (see
// local_termfreqs): larger batches share more B-tree blocks but look up more
// terms past the point where pruning stops. Measured on the UN speeches: 32
// took ~950 block reads for a default search, 128 ~840, 512 ~780 with a third
// more lookups.
constexpr std::size_t kLocalBatch = 128;

// Stemmed free-text terms ("Z" + a lower-case word) not already asked for: no
// filters, ids, title-prefixed copies, or numbers.
class ExpansionTerms {
 public:
  explicit ExpansionTerms(const Xapian::Query& query) : asked_(query.get_unique_terms_begin(), query.get_unique_terms_end()) {}

  bool operator()(const std::string& term) const {
    if (term.size() < 3 || term[0] != 'Z') return false;
    auto first = static_cast<unsigned char>(term[1]);
    if (!std::islower(first) && first < 0x80) return false;
    for (char c : term)
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

std::vector<ExpansionTerm> expansion_terms(const Xapian::Database& db, const Xapian::Query& query,
                                           const Xapian::Weight& weight) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(weight);
  enquire.set_query(query);
  // Equal scores by the document's id, not its number, which depends on the shard layout.
  enquire.set_sort_by_relevance_then_value(*schema::spec(schema::Field::id).slot, false);
  Xapian::MSet top = enquire.get_mset(0, kFeedbackDocs);
  if (top.empty()) return {};

  // Every statistic below is exact over the whole database (integers summed
  // over shards), so the choice does not depend on how documents are spread.
  const double doccount = db.get_doccount();
  const double avlength = doccount > 0 ? static_cast<double>(db.get_total_length()) / doccount : 0;
  if (!(avlength > 0)) return {};
  const ExpansionTerms wanted(query);
  std::unordered_map<std::string, RelevantStats> candidates;
  candidates.reserve(4096);
  for (auto it = top.begin(); it != top.end(); ++it) {
    std::vector<std::pair<std::string, Xapian::termcount>> kept;
    kept.reserve(2048);
    Xapian::termcount doclength = 0;  // from the termlist: no extra exchange with a remote shard
    for (auto t = db.termlist_begin(*it); t != db.termlist_end(*it); ++t) {
      doclength += t.get_wdf();
      if (wanted(*t)) kept.emplace_back(*t, t.get_wdf());
    }
    for (const auto& [term, termwdf] : kept) {
      const double wdf = termwdf == 0 ? 1.0 : termwdf;  // as Xapian: a boolean term still counts
      RelevantStats& s = candidates[term];
      s.multiplier += (kExpandK + 1) * wdf / (kExpandK * doclength / avlength + wdf);
      ++s.rtermfreq;
    }
  }
  if (candidates.empty()) return {};

  // Robertson-Sparck Jones relevance weight, as Xapian 1.4's TradEWeight.
  const double rsize = top.size();
  auto weight_of = [&](const RelevantStats& s, double n) {
    const double r = s.rtermfreq;
    const double num = (r + 0.5) * (doccount - n - (rsize - r) + 0.5);
    const double denom = (n - r + 0.5) * ((rsize - r) + 0.5);
    return s.multiplier * std::log(num / denom);
  };
  // A term's weight only falls as its frequency n grows, so n = r bounds it.
  // Long documents bring thousands of candidates: look up the frequencies of
  // the most promising first and stop once no bound can beat the tenth best.
  // The choice is exactly that of weighing them all.
  struct Candidate {
    const std::string* term;
    const RelevantStats* stats;
    double bound;
  };
  std::vector<Candidate> order;
  order.reserve(candidates.size());
  for (const auto& [term, s] : candidates) order.push_back({&term, &s, weight_of(s, s.rtermfreq)});
  std::sort(order.begin(), order.end(), [](const Candidate& a, const Candidate& b) {
    return a.bound != b.bound ? a.bound > b.bound : *a.term < *b.term;
  });
  // Remote shards answer a batch in one exchange: fewer, larger batches there.
  const bool remote = has_remote_part(db);
  const std::size_t batch = remote ? 512 : kLocalBatch;
  std::vector<ExpansionTerm> terms;
  auto tenth_best = [&terms]() {
    if (terms.size() < kFeedbackTerms) return -HUGE_VAL;
    std::vector<double> w;
    for (const auto& t : terms) w.push_back(t.weight);
    std::nth_element(w.begin(), w.begin() + (kFeedbackTerms - 1), w.end(), std::greater<double>());
    return w[kFeedbackTerms - 1];
  };
  for (std::size_t at = 0; at < order.size(); at += batch) {
    if (!(order[at].bound > 0) || order[at].bound < tenth_best()) break;
    std::vector<std::string> names;
    for (std::size_t i = at; i < std::min(order.size(), at + batch); ++i) names.push_back(*order[i].term);
    const auto termfreqs = remote ? termfreqs_by_search(db, names) : local_termfreqs(db, names);
    for (std::size_t i = at; i < std::min(order.size(), at + batch); ++i) {
      const double w = weight_of(*order[i].stats, termfreqs.at(*order[i].term));
      if (w > 0) terms.push_back({*order[i].term, w});
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

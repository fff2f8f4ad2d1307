#include "feedback.hpp"

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace dossier {
namespace {

// Chosen on NFCorpus dev and train queries (tests/bench/ir/ranking_lab): more
// documents or terms changed little; 0.05-0.1 was best for re-ranking, 0.1-0.3
// alike with related documents added, and 0.1 keeps documents with the typed
// words ahead of merely related ones.
constexpr Xapian::doccount kFeedbackDocs = 5;
constexpr Xapian::termcount kFeedbackTerms = 10;
constexpr double kFeedbackWeight = 0.1;

// Stemmed free-text terms ("Z" + a lower-case word) not already asked for: no
// filters, ids, title-prefixed copies, or numbers.
class ExpansionTerms : public Xapian::ExpandDecider {
 public:
  explicit ExpansionTerms(const Xapian::Query& query) : asked_(query.get_unique_terms_begin(), query.get_unique_terms_end()) {}

  bool operator()(const std::string& term) const override {
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

}  // namespace

Xapian::Query with_feedback(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Weight& weight,
                            bool add_related) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(weight);
  enquire.set_query(query);
  Xapian::MSet top = enquire.get_mset(0, kFeedbackDocs);
  if (top.empty()) return query;
  Xapian::RSet best;
  for (auto it = top.begin(); it != top.end(); ++it) best.add_document(*it);
  ExpansionTerms decider(query);
  Xapian::ESet eset = enquire.get_eset(kFeedbackTerms, best, &decider);
  if (eset.empty()) return query;
  // Each term counts in proportion to how typical it is of the best matches.
  const double strongest = eset.begin().get_weight();
  if (!(strongest > 0)) return query;
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it)
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight() / strongest);
  Xapian::Query expansion(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(add_related ? Xapian::Query::OP_OR : Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion, kFeedbackWeight));
}

}  // namespace dossier

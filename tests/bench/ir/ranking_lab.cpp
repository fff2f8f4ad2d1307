// ranking_lab: runs a watch-list of queries against a dossier index with the
// ranking levers exposed as flags, and writes a TREC run. It exists to measure
// levers (BM25 parameters, stemming, stop words, title and proximity evidence,
// pseudo-relevance feedback) on a dev split before one is made the default in
// the searcher; the shipped ranking is always measured through dossier-search.
//
// ranking_lab --index DB --queries FILE [--limit N] [--k1 X] [--b X] [--k3 X]
//   [--min-normlen X] [--stem some|all|all_z|none] [--stop none|english]
//   [--title W] [--phrase W] [--window N] [--prf-docs K] [--prf-terms N]
//   [--prf-weight W] [--prf-op or|maybe|after] [--elite N] [--weight bm25|bm25plus|lm|dlh|pl2]
#include "article_codec.hpp"
#include "data_packing.hpp"
#include "schema.hpp"

#include <xapian.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Settings {
  std::string index, queries, stem = "some", stop = "none", weight = "bm25", prf_op = "or";
  unsigned limit = 100, window = 0, prf_docs = 0, prf_terms = 0, elite = 0;
  double k1 = 1, b = 0.5, k3 = 1, min_normlen = 0.5, title = 0, phrase = 0, prf_weight = 0.5;
};

// A common short English list (Lucene's default stop set).
const char* const kStopWords[] = {"a",    "an",   "and",  "are",   "as",    "at",   "be",    "but",  "by",
                                  "for",  "if",   "in",   "into",  "is",    "it",   "no",    "not",  "of",
                                  "on",   "or",   "such", "that",  "the",   "their", "then", "there", "these",
                                  "they", "this", "to",   "was",   "will",  "with"};

Settings parse_args(int argc, char** argv) {
  Settings s;
  std::map<std::string, std::string> kv;
  for (int i = 1; i + 1 < argc; i += 2) kv[argv[i]] = argv[i + 1];
  auto num = [&](const char* k, double& v) { if (kv.count(k)) v = std::stod(kv[k]); };
  auto uns = [&](const char* k, unsigned& v) { if (kv.count(k)) v = static_cast<unsigned>(std::stoul(kv[k])); };
  auto str = [&](const char* k, std::string& v) { if (kv.count(k)) v = kv[k]; };
  str("--index", s.index), str("--queries", s.queries), str("--stem", s.stem), str("--stop", s.stop);
  str("--weight", s.weight), str("--prf-op", s.prf_op);
  uns("--limit", s.limit), uns("--window", s.window), uns("--prf-docs", s.prf_docs), uns("--prf-terms", s.prf_terms);
  uns("--elite", s.elite);
  num("--k1", s.k1), num("--b", s.b), num("--k3", s.k3), num("--min-normlen", s.min_normlen);
  num("--title", s.title), num("--phrase", s.phrase), num("--prf-weight", s.prf_weight);
  return s;
}

Xapian::Weight* make_weight(const Settings& s) {
  if (s.weight == "bm25plus") return new Xapian::BM25PlusWeight(s.k1, 0, s.k3, s.b, s.min_normlen, 1.0);
  if (s.weight == "lm") return new Xapian::LMWeight();
  if (s.weight == "dlh") return new Xapian::DLHWeight();
  if (s.weight == "pl2") return new Xapian::PL2Weight();
  return new Xapian::BM25Weight(s.k1, 0, s.k3, s.b, s.min_normlen);
}

// Stemmed free-text terms only ("Zword" or "word", dossier::schema::stem_of_any):
// no filters, ids or title-prefixed terms.
class FreeTextStems : public Xapian::ExpandDecider {
 public:
  explicit FreeTextStems(const Xapian::Query& q) {
    for (auto it = q.get_unique_terms_begin(); it != q.get_unique_terms_end(); ++it) in_query_.push_back(*it);
  }
  bool operator()(const std::string& t) const override {
    std::string_view stem = dossier::schema::stem_of_any(t);
    if (stem.size() < 2 || !std::islower(static_cast<unsigned char>(stem[0]))) return false;
    for (const auto& q : in_query_)
      if (q == t) return false;
    for (char c : t)
      if (std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
  }

 private:
  std::vector<std::string> in_query_;
};

Xapian::Query parse(const Settings& s, const Xapian::Database& db, const std::string& text,
                    const std::string& prefix, Xapian::SimpleStopper* stopper) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  static const std::map<std::string, Xapian::QueryParser::stem_strategy> kStem = {
      {"some", Xapian::QueryParser::STEM_SOME},
      {"all", Xapian::QueryParser::STEM_ALL},
      {"all_z", Xapian::QueryParser::STEM_ALL_Z},
      {"none", Xapian::QueryParser::STEM_NONE}};
  qp.set_stemming_strategy(kStem.at(s.stem));
  qp.set_default_op(Xapian::Query::OP_OR);
  if (stopper) qp.set_stopper(stopper);
  unsigned flags = Xapian::QueryParser::FLAG_DEFAULT;
  try {
    return qp.parse_query(text, flags, prefix);
  } catch (const Xapian::QueryParserError&) {
    return qp.parse_query(text, 0, prefix);
  }
}

// Adjacent query words near each other (within `window` positions).
Xapian::Query proximity(const Xapian::Query& q, unsigned window) {
  std::vector<std::string> terms;
  for (auto it = q.get_terms_begin(); it != q.get_terms_end(); ++it) terms.push_back(*it);
  std::vector<Xapian::Query> pairs;
  for (std::size_t i = 0; i + 1 < terms.size(); ++i) {
    if (terms[i] == terms[i + 1]) continue;
    Xapian::Query two[] = {Xapian::Query(terms[i]), Xapian::Query(terms[i + 1])};
    pairs.emplace_back(Xapian::Query::OP_NEAR, two, two + 2, window);
  }
  return Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end());
}

}  // namespace

int main(int argc, char** argv) {
  Settings s = parse_args(argc, argv);
  Xapian::Database db(s.index);
  dossier::DataUnpacker unpacker([&db](const std::string& key) { return db.get_metadata(key); });
  std::unique_ptr<Xapian::SimpleStopper> stopper;
  if (s.stop == "english") {
    stopper = std::make_unique<Xapian::SimpleStopper>();
    for (const char* w : kStopWords) stopper->add(w);
  }
  std::ifstream in(s.queries);
  std::string line;
  std::unique_ptr<Xapian::Weight> weight(make_weight(s));
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string qid = line.substr(0, tab), text = line.substr(tab + 1);
    Xapian::Query query = parse(s, db, text, "", stopper.get());
    if (s.elite && !query.empty()) {
      std::vector<Xapian::Query> leaves;
      for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) leaves.emplace_back(*it);
      query = Xapian::Query(Xapian::Query::OP_ELITE_SET, leaves.begin(), leaves.end(), s.elite);
    }
    if (s.title > 0) {
      Xapian::Query t = parse(s, db, text, std::string(dossier::schema::title_prefix()), stopper.get());
      query = Xapian::Query(Xapian::Query::OP_OR, query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, t, s.title));
    }
    if (s.phrase > 0) {
      // Stemmed terms carry no positions: proximity needs the words as written.
      Settings unstemmed = s;
      unstemmed.stem = "none";
      Xapian::Query near = proximity(parse(unstemmed, db, text, "", stopper.get()), s.window ? s.window : 8);
      if (!near.empty())
        query = Xapian::Query(Xapian::Query::OP_OR, query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, near, s.phrase));
    }
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(*weight);
    enquire.set_query(query);
    Xapian::Query related;
    if (s.prf_docs && s.prf_terms && !query.empty()) {
      Xapian::MSet top = enquire.get_mset(0, s.prf_docs);
      Xapian::RSet rset;
      for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
      FreeTextStems decider(query);
      Xapian::ESet eset = enquire.get_eset(s.prf_terms, rset, &decider);
      if (!eset.empty()) {
        double best = eset.begin().get_weight();
        std::vector<Xapian::Query> extra;
        for (auto it = eset.begin(); it != eset.end(); ++it)
          extra.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight() / best);
        Xapian::Query expansion(Xapian::Query::OP_OR, extra.begin(), extra.end());
        // "maybe": expansion terms only re-rank what the words matched; "or": they also add
        // matches; "after": re-rank the matches, then list the expansion's other matches.
        Xapian::Query scaled(Xapian::Query::OP_SCALE_WEIGHT, expansion, s.prf_weight);
        if (s.prf_op == "after") related = Xapian::Query(Xapian::Query::OP_AND_NOT, expansion, query);
        query = Xapian::Query(s.prf_op == "or" ? Xapian::Query::OP_OR : Xapian::Query::OP_AND_MAYBE, query, scaled);
        enquire.set_query(query);
      }
    }
    std::vector<Xapian::MSet> parts{enquire.get_mset(0, s.limit)};
    if (!related.empty() && parts[0].size() < s.limit) {
      enquire.set_query(related);
      parts.push_back(enquire.get_mset(0, s.limit - parts[0].size()));
    }
    unsigned rank = 0;
    double previous = 0;
    for (const auto& mset : parts)
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        double score = it.get_weight();
        if (rank > 0 && score >= previous) score = previous - 1e-6;
        previous = score;
        std::string id = dossier::decode_article(unpacker.payload(it.get_document())).id;
        std::printf("%s Q0 %s %u %.8f lab\n", qid.c_str(), id.c_str(), ++rank, score);
      }
  }
  return 0;
}

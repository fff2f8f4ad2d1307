// Pseudo-relevance feedback chooses the same terms, with the same weights,
// whether the documents sit in one database or are spread over shards, local
// or behind xapian-tcpsrv; on one database its weights are Xapian's own.

#include "feedback.hpp"
#include "schema.hpp"
#include "shard_fixture.hpp"
#include "shard_servers.hpp"

#include <xapian.h>

#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace dossier::test;

namespace {

// Forty small documents on four topics, written once whole and once in three
// shards grouped by topic, so that each shard's term frequencies are far from
// the whole's (where Xapian's get_eset, which estimates per shard, goes wrong).
struct TopicShards {
  TempDir dir;
  std::string merged = dir.path() + "/merged";
  std::vector<std::string> shards = {dir.path() + "/s0", dir.path() + "/s1", dir.path() + "/s2"};

  TopicShards() {
    const std::vector<std::vector<std::string>> topics = {
        {"drone", "strike", "border", "militia", "airbase", "radar", "convoy", "ceasefire"},
        {"sanction", "tanker", "oil", "export", "embargo", "shipping", "insurer", "port"},
        {"uranium", "centrifuge", "inspector", "reactor", "enrichment", "nuclear", "treaty", "site"},
        {"election", "ballot", "protest", "parliament", "court", "candidate", "vote", "reform"},
    };
    const std::vector<std::string> common = {"report", "official", "minister", "week", "region", "statement"};
    Xapian::WritableDatabase whole(merged, Xapian::DB_CREATE_OR_OVERWRITE);
    std::vector<Xapian::WritableDatabase> parts;
    for (const auto& s : shards) parts.emplace_back(s, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator terms;
    terms.set_stemmer(Xapian::Stem("english"));
    terms.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);  // as dossier writes stems
    unsigned seed = 12345;
    auto next = [&seed](unsigned n) {
      seed = seed * 1103515245u + 12345u;
      return (seed >> 16) % n;
    };
    const unsigned id_slot = *dossier::schema::spec(dossier::schema::Field::id).slot;
    for (unsigned i = 0; i < 40; ++i) {
      const unsigned topic = i % 4;
      std::string text;
      const unsigned words = 8 + next(30);
      for (unsigned w = 0; w < words; ++w) {
        // Mostly the document's topic, some common words, a few from the next topic.
        const unsigned pick = next(10);
        const auto& from = pick < 6 ? topics[topic] : pick < 9 ? common : topics[(topic + 1) % 4];
        text += from[next(static_cast<unsigned>(from.size()))] + " ";
      }
      Xapian::Document doc;
      terms.set_document(doc);
      terms.index_text(text);
      doc.add_value(id_slot, "doc-" + std::to_string(100 + (i * 7) % 40));
      whole.add_document(doc);
      // Topics 0 and 1 share shard 0; shards 1 and 2 take one topic each.
      parts[topic == 0 || topic == 1 ? 0 : topic - 1].add_document(doc);
    }
    whole.commit();
    for (auto& p : parts) p.commit();
  }

  Xapian::Database whole_db() const { return Xapian::Database(merged); }
  Xapian::Database sharded_db() const {
    Xapian::Database db;
    for (const auto& s : shards) db.add_database(Xapian::Database(s));
    return db;
  }
};

Xapian::Query words(const std::vector<std::string>& list) {
  Xapian::Stem stem("english");
  std::vector<Xapian::Query> terms;
  for (const auto& w : list) terms.emplace_back(stem(w));  // stems are terms as they are (stems-only-3)
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

const std::vector<std::vector<std::string>> kFeedbackQueries = {
    {"drone"}, {"sanction", "oil"}, {"uranium"}, {"election", "protest"}, {"report"}, {"border", "tanker"},
};

// Xapian's own expand terms for the same top documents (get_eset, TradEWeight).
std::map<std::string, double> xapian_eset(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  enquire.set_query(query);
  enquire.set_sort_by_relevance_then_value(*dossier::schema::spec(dossier::schema::Field::id).slot, false);
  Xapian::RSet top;
  Xapian::MSet mset = enquire.get_mset(0, 5);
  for (auto it = mset.begin(); it != mset.end(); ++it) top.add_document(*it);
  struct NewStems : Xapian::ExpandDecider {
    std::set<std::string> asked;
    bool operator()(const std::string& t) const override {
      return !dossier::schema::stem_of_any(t).empty() && asked.count(t) == 0;
    }
  } decider;
  decider.asked.insert(query.get_unique_terms_begin(), query.get_unique_terms_end());
  std::map<std::string, double> out;
  Xapian::ESet eset = enquire.get_eset(10, top, &decider);
  for (auto it = eset.begin(); it != eset.end(); ++it) out[*it] = it.get_weight();
  return out;
}

}  // namespace

TEST_CASE("feedback builds the same query for three shards and the merged database", "[feedback]") {
  TopicShards fixture;
  const Xapian::Database whole = fixture.whole_db(), sharded = fixture.sharded_db();
  REQUIRE(whole.get_doccount() == sharded.get_doccount());
  bool eset_differs = false;
  for (const auto& q : kFeedbackQueries) {
    INFO("query: " << q.front());
    const Xapian::Query query = words(q);
    auto one = dossier::expansion_terms(whole, query, Xapian::BM25Weight());
    auto three = dossier::expansion_terms(sharded, query, Xapian::BM25Weight());
    REQUIRE_FALSE(one.empty());
    REQUIRE(one.size() == three.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      INFO("term " << i);
      CHECK(one[i].term == three[i].term);
      CHECK(one[i].weight == three[i].weight);  // exactly: the same integers in the same formula
    }
    for (bool related : {false, true}) {
      CHECK(dossier::with_feedback(whole, query, Xapian::BM25Weight(), related).get_description() ==
            dossier::with_feedback(sharded, query, Xapian::BM25Weight(), related).get_description());
    }
    eset_differs = eset_differs || xapian_eset(whole, query) != xapian_eset(sharded, query);
  }
  // The fixture is one where Xapian's per-shard estimate does go wrong.
  CHECK(eset_differs);
}

TEST_CASE("on one database the feedback terms are weighted as Xapian's get_eset", "[feedback]") {
  TopicShards fixture;
  const Xapian::Database whole = fixture.whole_db();
  for (const auto& q : kFeedbackQueries) {
    INFO("query: " << q.front());
    const Xapian::Query query = words(q);
    const auto expected = xapian_eset(whole, query);
    const auto chosen = dossier::expansion_terms(whole, query, Xapian::BM25Weight());
    REQUIRE(chosen.size() == expected.size());
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      INFO("term " << chosen[i].term);
      REQUIRE(expected.count(chosen[i].term) == 1);
      CHECK(chosen[i].weight == Approx(expected.at(chosen[i].term)).epsilon(1e-12));
      if (i > 0) CHECK(chosen[i - 1].weight >= chosen[i].weight);
    }
  }
}

TEST_CASE("a query matching nothing is left as it is", "[feedback]") {
  TopicShards fixture;
  const Xapian::Query query = words({"zyzzogeton"});
  CHECK(dossier::expansion_terms(fixture.sharded_db(), query, Xapian::BM25Weight()).empty());
  CHECK(dossier::with_feedback(fixture.sharded_db(), query, Xapian::BM25Weight(), false).get_description() ==
        query.get_description());
}

namespace {

// Pseudo-words of letters only ("qab", "qac", ...): feedback candidates.
std::string pseudo_word(unsigned n) {
  std::string w = "q";
  do {
    w += static_cast<char>('a' + n % 26);
    n /= 26;
  } while (n);
  return w;
}

// Documents long enough that the best few bring thousands of candidate terms:
// the frequencies are looked up in several batches and the pruning stops early.
struct LongDocuments {
  TempDir dir;
  std::string path = dir.path() + "/long";

  LongDocuments() {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator terms;
    terms.set_stemmer(Xapian::Stem("english"));
    terms.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);  // as dossier writes stems
    unsigned seed = 777;
    auto next = [&seed](unsigned n) {
      seed = seed * 1103515245u + 12345u;
      return (seed >> 16) % n;
    };
    const unsigned id_slot = *dossier::schema::spec(dossier::schema::Field::id).slot;
    for (unsigned i = 0; i < 60; ++i) {
      std::string text = i % 3 == 0 ? "harbour harbour " : i % 3 == 1 ? "harbour " : "";
      const unsigned words = 400 + next(1200);
      for (unsigned w = 0; w < words; ++w) {
        // Skewed: small numbers (frequent words) more often than large ones.
        const unsigned n = next(1 + next(6000));
        text += pseudo_word(n) + " ";
      }
      Xapian::Document doc;
      terms.set_document(doc);
      terms.index_text(text);
      doc.add_value(id_slot, "long-" + std::to_string(1000 + i));
      db.add_document(doc);
    }
    db.commit();
  }
};

}  // namespace

TEST_CASE("with thousands of candidate terms the pruned choice is get_eset's", "[feedback]") {
  LongDocuments fixture;
  const Xapian::Database db(fixture.path);
  for (const auto& q : std::vector<std::vector<std::string>>{{"harbour"}, {"qb"}, {"qc", "qd"}, {"qzz"}}) {
    INFO("query: " << q.front());
    const Xapian::Query query = words(q);
    const auto top = dossier::feedback_documents(db, query, Xapian::BM25Weight());
    REQUIRE(top.size() == 5);
    std::set<std::string> candidates;
    for (auto did : top)
      for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) candidates.insert(*t);
    CHECK(candidates.size() > 1000);  // several batches of lookups
    const auto expected = xapian_eset(db, query);
    const auto chosen = dossier::expansion_terms(db, query, Xapian::BM25Weight());
    REQUIRE(chosen.size() == expected.size());
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      INFO("term " << chosen[i].term);
      REQUIRE(expected.count(chosen[i].term) == 1);
      CHECK(chosen[i].weight == Approx(expected.at(chosen[i].term)).epsilon(1e-12));
      if (i > 0) CHECK(chosen[i - 1].weight >= chosen[i].weight);
    }
    const auto from_top = dossier::expansion_terms(db, query, top);
    REQUIRE(from_top.size() == chosen.size());
    for (std::size_t i = 0; i < chosen.size(); ++i) CHECK(from_top[i].term == chosen[i].term);
  }
}

TEST_CASE("the feedback documents are read off a collapsed first page only when it tells them", "[feedback]") {
  TempDir dir;
  const std::string path = dir.path() + "/collapse";
  const unsigned id_slot = *dossier::schema::spec(dossier::schema::Field::id).slot;
  const unsigned key_slot = *dossier::schema::spec(dossier::schema::Field::dup_key).slot;
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (unsigned i = 0; i < 30; ++i) {
    Xapian::Document doc;
    doc.add_term("Zalpha", 1 + i % 7);
    for (unsigned k = 0; k < 3 + i % 5; ++k) doc.add_term("Zfill" + std::string(1, static_cast<char>('a' + k)), 1);
    doc.add_value(id_slot, "c-" + std::to_string(100 + i));
    doc.add_value(key_slot, "key-" + std::to_string(i));
    db.add_document(doc);
  }
  db.commit();
  const Xapian::Query query("Zalpha");
  auto page = [&](Xapian::doccount first, Xapian::doccount asked) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_query(query);
    enquire.set_sort_by_relevance_then_value(id_slot, false);
    enquire.set_collapse_key(key_slot);
    return enquire.get_mset(first, asked);
  };
  const auto uncollapsed = dossier::feedback_documents(db, query, Xapian::BM25Weight());
  REQUIRE(uncollapsed.size() == 5);

  SECTION("no copies: the first page tells them") {
    for (Xapian::doccount asked : {20u, 50u}) {
      INFO("asked " << asked);
      const auto top = dossier::feedback_documents_from(page(0, asked), 0, asked);
      REQUIRE(top.has_value());
      CHECK(*top == uncollapsed);
    }
    CHECK_FALSE(dossier::feedback_documents_from(page(3, 20), 3, 20).has_value());  // not the first page
    CHECK_FALSE(dossier::feedback_documents_from(page(0, 3), 0, 3).has_value());    // too short to tell
  }

  SECTION("a copy among the best hides a document from the collapsed page") {
    // The third best becomes a copy of the best: the collapsed page lacks it.
    Xapian::Document doc = db.get_document(uncollapsed[2]);
    doc.add_value(key_slot, db.get_document(uncollapsed[0]).get_value(key_slot));
    db.replace_document(uncollapsed[2], doc);
    db.commit();
    REQUIRE(dossier::feedback_documents(db, query, Xapian::BM25Weight()) == uncollapsed);
    for (Xapian::doccount asked : {20u, 50u}) {
      INFO("asked " << asked);
      const auto top = dossier::feedback_documents_from(page(0, asked), 0, asked);
      CHECK_FALSE(top.has_value());
    }
  }
}

TEST_CASE("term frequencies from one search over remote shards are the merged database's", "[feedback][remote]") {
  const auto& ix = corpus_indexes();
  TcpServer s0{ix.shard(0)}, s1{ix.shard(1)}, s2{ix.shard(2)};
  Xapian::Database remote;
  for (const auto* s : {&s0, &s1, &s2}) remote.add_database(Xapian::Remote::open("127.0.0.1", s->port()));
  std::vector<Xapian::Database> parts;
  Xapian::Database local;
  for (int n = 0; n < 3; ++n) {
    parts.emplace_back(ix.shard(n));
    local.add_database(parts.back());
  }
  const Xapian::Database whole(ix.whole);
  // Every stemmed word of the corpus, and one no document has.
  std::vector<std::string> terms = {"zyzzogeton"};
  for (auto t = whole.allterms_begin(); t != whole.allterms_end(); ++t)
    if (std::islower(static_cast<unsigned char>((*t)[0]))) terms.push_back(*t);
  REQUIRE(terms.size() > 100);
  CHECK(dossier::has_remote_part(remote));
  CHECK_FALSE(dossier::has_remote_part(local));
  Xapian::Database mixed(ix.shard(0));
  mixed.add_database(Xapian::Remote::open("127.0.0.1", s1.port()));
  CHECK(dossier::has_remote_part(mixed));
  const auto from_remote = dossier::termfreqs_by_search(remote, terms);
  const auto from_local = dossier::termfreqs_by_search(local, terms);
  REQUIRE(from_remote.size() == terms.size());
  CHECK(dossier::exact_termfreqs(remote, terms) == from_remote);
  CHECK(dossier::exact_termfreqs(local, terms) == from_remote);
  std::size_t spread = 0;  // terms found in more than one shard: the sums are tested, not one shard's count
  for (const auto& term : terms) {
    INFO("term " << term);
    CHECK(from_remote.at(term) == whole.get_termfreq(term));
    CHECK(from_local.at(term) == whole.get_termfreq(term));
    int shards_with = 0;
    for (const auto& part : parts) shards_with += part.term_exists(term) ? 1 : 0;
    if (shards_with > 1) ++spread;
  }
  CHECK(from_remote.at("zyzzogeton") == 0);
  CHECK(spread > 10);
}

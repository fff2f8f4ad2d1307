#include <dossier/errors.hpp>
#include <dossier/searcher.hpp>

#include "article_codec.hpp"
#include "data_packing.hpp"
#include "database_set.hpp"
#include "duplicates.hpp"
#include "facets.hpp"
#include "feedback.hpp"
#include "gazetteer.hpp"
#include "logger.hpp"
#include "more_like_this.hpp"
#include "query_builder.hpp"
#include "schema.hpp"
#include "snippet.hpp"
#include "spelling.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

namespace dossier {

using schema::Field;

namespace {

// A reader whose revision was overwritten by a writer reopens and tries again.
constexpr int kModifiedRetries = 5;
// With --sort recent, the newest document gains this share of the best
// relevance score over the oldest, in proportion to its date.
constexpr double kRecencyShare = 0.5;

// The built-in gazetteer is shared, not copied: copying and freeing its trie
// was a fifth of a whole-process search.
std::shared_ptr<const Gazetteer> load_gazetteer(const std::string& actors_file) {
  if (actors_file.empty()) return std::shared_ptr<const Gazetteer>(&Gazetteer::builtin(), [](const Gazetteer*) {});
  auto g = std::make_shared<Gazetteer>(Gazetteer::builtin());
  std::ifstream in(actors_file, std::ios::binary);
  if (!in) throw InvalidArgument("cannot read actors file '" + actors_file + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  g->add_tsv(ss.str());
  return g;
}

unsigned slot_of(Field f) { return *schema::spec(f).slot; }

// Indexes searched together are searched as the first one writes its words
// (QueryBuilder reads the combined database's metadata, the first shard's): one
// written with other terms (by an older dossier: "Z" stems, or words and stems)
// would match little. Said once per search rather than refused, so the rest
// still answers. Empty when every shard with documents writes them alike.
std::string mixed_schemes_notice(const std::vector<Shard>& shards) {
  std::string first, first_name;
  for (const auto& shard : shards) {
    std::string recorded;
    try {
      if (shard.db.get_doccount() == 0) continue;
      recorded = shard.db.get_metadata(std::string(schema::kTermSchemeKey));
    } catch (const Xapian::Error&) {
      continue;  // a shard that fails is named by the search itself
    }
    auto form = [](const std::string& r) {
      if (schema::term_scheme(r, true) != schema::TermScheme::stems_only) return std::string("words and stems");
      return schema::StemTerms(schema::revision_of(r, true)).prefix().empty() ? std::string("stems")
                                                                              : std::string("\"Z\" stems");
    };
    if (first_name.empty()) {
      first = recorded;
      first_name = shard.name;
    } else if (form(recorded) != form(first)) {
      return "warning: " + shard.name + " holds its words as " + form(recorded) + " and " + first_name + " as " +
             form(first) + ": searched as the latter, so documents of the former may be missed; index both folders "
             "again with this dossier to search them together";
    }
  }
  return {};
}

void merge(HighlightTerms& into, const HighlightTerms& from) {
  into.words.insert(from.words.begin(), from.words.end());
  into.stems.insert(from.stems.begin(), from.stems.end());
  into.phrases.insert(into.phrases.end(), from.phrases.begin(), from.phrases.end());
  into.prefixes.insert(into.prefixes.end(), from.prefixes.begin(), from.prefixes.end());
}

// Documents without the query's words but with the feedback terms typical of
// its best matches, to fill the page after the last match: on a test
// collection (NFCorpus) many queries match fewer documents than a page, and
// listing related ones after them raised nDCG@10 by 0.01 while every match
// still comes first.
Xapian::MSet related_after(Xapian::Enquire& enquire, const Xapian::Query& words, const Xapian::Query& expansion,
                           const Xapian::MSet& matches, std::size_t offset, std::size_t fetch,
                           const schema::StemTerms& stems, HighlightTerms& highlight) {
  // The page ran past the last match, so the count is exact (after folding copies).
  Xapian::doccount matched = matches.get_matches_lower_bound();
  auto skip = static_cast<Xapian::doccount>(offset > matched ? offset - matched : 0);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, expansion, words));
  Xapian::MSet related = enquire.get_mset(skip, static_cast<Xapian::doccount>(fetch - matches.size()));
  for (auto t = expansion.get_unique_terms_begin(); t != expansion.get_unique_terms_end(); ++t) {
    const std::string term = *t;  // stem_of views into it
    if (auto stem = stems.stem_of(term); !stem.empty()) highlight.stems.insert(std::string(stem));
  }
  return related;
}

// The highlight terms without the words in over half the documents ("what",
// "did", "in" of a typed question): they still rank, weakly, but marking them
// would light up every line and pick passages for them. Their frequencies come
// with the search's statistics (no extra exchange with remote shards). Left
// whole when only common words were asked for.
HighlightTerms without_common_words(const HighlightTerms& all, const Xapian::MSet& mset, Xapian::doccount docs,
                                    const Xapian::Stem& stemmer, const schema::StemTerms& stems) {
  HighlightTerms telling = all;
  telling.stems.clear();
  for (const auto& stem : all.stems)
    if (mset.get_termfreq(stems.term(stem)) * 2 <= docs) telling.stems.insert(stem);
  if (telling.stems.empty() || telling.stems.size() == all.stems.size()) return all;
  for (auto it = telling.words.begin(); it != telling.words.end();)
    it = telling.stems.count(stemmer(*it)) ? std::next(it) : telling.words.erase(it);
  return telling;
}

}  // namespace

class Searcher::Impl {
 public:
  Impl(const std::vector<std::string>& paths, SearcherOptions options)
      : paths_(paths),
        options_(std::move(options)),
        log_(logger_or_silent(options_.logger)),
        gazetteer_(load_gazetteer(options_.actors_file)),
        shards_(open_shards(paths, RemoteTimeouts{options_.connect_timeout_ms, options_.timeout_ms},
                            options_.allow_partial, missing_)),
        db_(combine(shards_)),
        mixed_schemes_(mixed_schemes_notice(shards_)) {
    if (!mixed_schemes_.empty()) log_->warn("{}", mixed_schemes_);
  }

  SearchResults search(const SearchRequest& request) {
    check_facet_names(request.facets);
    return translate_search_errors([&] {
      for (int attempt = 0;; ++attempt) {
        try {
          SearchResults results = run(request);
          mark_partial(results);
          return results;
        } catch (const Xapian::UnimplementedError&) {
          // Xapian matches NEAR, ADJ and phrases over single terms only.
          throw QueryError(std::string(kProximityWordsOnly), request.query);
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt >= kModifiedRetries) throw;
          log_->debug("index changed during search; reopening");
          db_.reopen();
        } catch (const Xapian::NetworkError&) {
          // Which shard? Xapian's message does not say: ask each one.
          if (!drop_failing_shards()) throw;
        }
      }
    });
  }

  std::optional<Article> document(const std::string& id) {
    return translate_search_errors([&]() -> std::optional<Article> {
      auto docid = document_by_id(db_, id);
      if (!docid) return std::nullopt;
      return decode_article(unpacker_.payload(db_.get_document(*docid)));
    });
  }

  std::size_t document_count() const { return db_.get_doccount(); }

 private:
  // Leaves out the shards that no longer answer (allow_partial) or throws naming
  // the first one. False when every shard answers (the error was something else).
  bool drop_failing_shards() {
    auto failing = failing_shards(shards_);
    if (failing.empty()) return false;
    if (!options_.allow_partial)
      throw DatabaseError("shard " + failing.front().name + " did not answer: " + failing.front().reason +
                          " (use --allow-partial to search the others)");
    for (const auto& f : failing) {
      missing_.push_back(f);
      shards_.erase(std::remove_if(shards_.begin(), shards_.end(), [&](const Shard& s) { return s.name == f.name; }),
                    shards_.end());
    }
    if (shards_.empty()) throw DatabaseError("no shard answered: " + failing.front().name + ": " + failing.front().reason);
    db_ = combine(shards_);
    return true;
  }

  bool has_remote() const {
    return std::any_of(shards_.begin(), shards_.end(), [](const Shard& s) { return s.remote; });
  }

  void mark_partial(SearchResults& results) const {
    if (missing_.empty()) return;
    results.partial = true;
    std::string names;
    for (const auto& m : missing_) {
      results.missing_shards.push_back(m.name);
      names += (names.empty() ? "" : "; ") + m.name + " (" + m.reason + ")";
    }
    results.notices.push_back("warning: partial results: left out " + names +
                              "; hits, totals and facet counts cover only the " + std::to_string(shards_.size()) +
                              " shard" + (shards_.size() > 1 ? "s" : "") + " that answered");
  }

  // Relevance plus a boost growing linearly with the date (slot of days since 1970).
  Xapian::Query with_recency(const Xapian::Query& query) {
    const unsigned days = slot_of(Field::date_number);
    std::string lo_value = db_.get_value_lower_bound(days), hi_value = db_.get_value_upper_bound(days);
    if (lo_value.empty() || hi_value.empty()) return query;
    double lo = Xapian::sortable_unserialise(lo_value), hi = Xapian::sortable_unserialise(hi_value);
    if (!(hi > lo)) return query;
    Xapian::Enquire probe(db_);
    probe.set_query(query);
    Xapian::MSet top = probe.get_mset(0, 1);
    double best = top.empty() ? 0.0 : top.get_max_attained();
    double scale = (best > 0 ? kRecencyShare * best : 1.0) / (hi - lo);
    auto* source = new Xapian::ValueWeightPostingSource(days);
    Xapian::Query boost(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(source->release()), scale);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost);
  }

  SearchResults run(const SearchRequest& request) {
    db_.reopen();  // see the latest commit
    QueryBuilder builder(db_, *gazetteer_);
    BuiltQuery built = builder.build(request);

    SearchResults results;
    results.query = request.query;
    results.notices = built.notices;
    if (!mixed_schemes_.empty()) results.notices.push_back(mixed_schemes_);
    if (built.has_free_text) {
      bool truncated = false;
      std::string clean = sanitise_query(request.query, kMaxQueryBytes, truncated);
      if (auto fixed = suggest_spelling(db_, clean, builder.stemmer(), *gazetteer_)) {
        results.suggestion = *fixed;
        if (request.use_suggestion) {
          SearchRequest corrected = request;
          corrected.query = *fixed;
          built = builder.build(corrected);
          results.query = *fixed;
          results.notices.push_back("searched for \"" + *fixed + "\" instead of \"" + clean + "\"");
        }
      }
    }

    Xapian::Query query = built.query;
    HighlightTerms highlight = built.highlight;
    if (!request.like.empty() && shards_.size() > 1)
      results.notices.push_back("--like over several shards: Xapian picks the similar-terms per shard, so "
                                "results may differ from those of one merged database");
    if (!request.like.empty()) {
      LikeQuery like = like_query(db_, request.like);
      query = query.get_type() == Xapian::Query::LEAF_MATCH_ALL
                  ? like.query
                  : Xapian::Query(Xapian::Query::OP_FILTER, like.query, query);
      merge(highlight, like.highlight);
      if (request.query.empty()) results.query = "like:" + request.like;
    }

    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    Xapian::MultiValueKeyMaker by_date;
    const unsigned date_slot = slot_of(Field::date);
    switch (request.sort) {
      case SortOrder::newest:
        by_date.add_value(date_slot, true, "00000000");  // undated last
        enquire.set_sort_by_key_then_relevance(&by_date, false);
        break;
      case SortOrder::oldest:
        by_date.add_value(date_slot, false, "99999999");  // undated last
        enquire.set_sort_by_key_then_relevance(&by_date, false);
        break;
      case SortOrder::recent: query = with_recency(query); break;
      case SortOrder::relevance: break;
    }
    const bool by_key = request.sort == SortOrder::newest || request.sort == SortOrder::oldest;
    if (by_key && has_remote()) {
      // xapian-tcpsrv cannot run a KeyMaker: sort by the date value itself, where
      // an undated document (empty value) comes first in ascending order.
      enquire.set_sort_by_value_then_relevance(date_slot, request.sort == SortOrder::newest);
      if (request.sort == SortOrder::oldest)
        results.notices.push_back("over remote shards, --sort oldest lists undated documents first");
    }
    // Equal scores are ordered by the document's id, not by its number (which
    // depends on how documents are spread over shards): the same order whatever
    // the layout. Filter-only queries, all scoring 0, need it most.
    const unsigned id_slot = slot_of(Field::id);
    if (request.sort == SortOrder::relevance || request.sort == SortOrder::recent) {
      enquire.set_sort_by_relevance_then_value(id_slot, false);
    } else if (!built.has_free_text && request.like.empty() && !has_remote()) {
      by_date.add_value(id_slot);  // no scores to break date ties: the id does
    }
    enquire.set_query(query);
    if (request.collapse_duplicates) enquire.set_collapse_key(slot_of(Field::dup_key));
    FacetSpies spies(request.facets);
    spies.attach(enquire);

    // Facets and exact totals need every match counted, not an estimate.
    Xapian::doccount check = request.exact_total || !request.facets.empty() ? db_.get_doccount() : 0;
    std::size_t fetch = request.limit + (request.collapse_duplicates && request.limit ? kNearCopyLookahead : 0);
    if (fetch == 0 && check) fetch = 1;  // with no hits asked for, Xapian would only estimate
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                         static_cast<Xapian::doccount>(fetch), check);
    results.total = mset.get_matches_estimated();
    results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (check >= db_.get_doccount()) {
      // Every document was looked at: the lower bound counts the hits left
      // after collapsing copies (the upper bound stays loose when collapsing).
      results.total = mset.get_matches_lower_bound();
      results.total_exact = true;
    }
    if (!request.facets.empty()) results.facets = spies.counts();
    Xapian::MSet related;
    HighlightTerms related_highlight;
    if (request.feedback && request.sort == SortOrder::relevance && built.words_only && request.like.empty() &&
        request.sources.empty() && request.actors.empty() && request.since.empty() && request.until.empty()) {
      // Pseudo-relevance feedback ranks the hits; totals and facets above count
      // the documents with the words.
      enquire.clear_matchspies();
      // The first page, ranked the same way, usually tells the best few: no second search for them.
      std::optional<std::vector<Xapian::docid>> top;
      if (!has_remote())
        top = feedback_documents_from(mset, static_cast<Xapian::doccount>(request.offset),
                                      static_cast<Xapian::doccount>(fetch));
      if (!top) top = feedback_documents(db_, query, Xapian::BM25Weight());
      Xapian::Query expansion = expansion_query(expansion_terms(db_, query, *top));
      if (!expansion.empty()) {
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, expansion));
        mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(fetch));
        if (request.related && mset.size() < fetch)
          related = related_after(enquire, query, expansion, mset, request.offset, fetch, builder.stem_terms(),
                                  related_highlight);
      }
    }

    std::vector<Candidate> candidates;
    for (const Xapian::MSet* part : {&mset, &related}) {
      for (auto it = part->begin(); it != part->end(); ++it) {
        Candidate c;
        c.doc = it.get_document();
        c.score = it.get_weight();
        c.copies = request.collapse_duplicates ? it.get_collapse_count() + 1 : 1;
        c.related = part == &related;
        candidates.push_back(std::move(c));
      }
    }
    if (request.collapse_duplicates) {
      std::size_t folded = fold_near_copies(candidates, slot_of(Field::simhash));
      results.total = results.total > folded ? results.total - folded : 0;
      if (folded) results.total_exact = false;
    }
    if (candidates.size() > request.limit) candidates.resize(request.limit);

    SnippetMaker all_words(highlight, builder.stemmer());
    SnippetMaker telling_words(
        without_common_words(highlight, mset, db_.get_doccount(), builder.stemmer(), builder.stem_terms()),
                               builder.stemmer());
    SnippetMaker related_snippets(related_highlight, builder.stemmer());
    std::size_t rank = request.offset;
    for (auto& c : candidates) {
      Hit hit;
      hit.rank = ++rank;
      hit.score = c.score;
      hit.copies = c.copies;
      hit.related = c.related;
      hit.article = decode_article(unpacker_.payload(c.doc));
      if (c.related) {
        hit.snippet = related_snippets.make(hit.article.text, request.snippet_length, hit.article.title);
      } else {
        hit.snippet = telling_words.make(hit.article.text, request.snippet_length, hit.article.title);
        // A document matched by the common words alone shows where they are.
        if (hit.snippet.highlights.empty())
          hit.snippet = all_words.make(hit.article.text, request.snippet_length, hit.article.title);
      }
      hit.article.text.clear();
      results.hits.push_back(std::move(hit));
    }
    return results;
  }

  std::vector<std::string> paths_;
  SearcherOptions options_;
  std::shared_ptr<spdlog::logger> log_;
  std::shared_ptr<const Gazetteer> gazetteer_;
  std::vector<MissingShard> missing_;  // before shards_: open_shards fills it
  std::vector<Shard> shards_;
  Xapian::Database db_;
  std::string mixed_schemes_;  // mixed_schemes_notice, said with every search
  // Shards indexed apart have dictionaries of their own: each is asked.
  DataUnpacker unpacker_{[this](const std::string& key) { return metadata_of_any(shards_, key); }};
};

Searcher::Searcher(const std::vector<std::string>& indexes, SearcherOptions options)
    : impl_(std::make_unique<Impl>(indexes, std::move(options))) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

SearchResults Searcher::search(const SearchRequest& request) { return impl_->search(request); }
std::optional<Article> Searcher::document(const std::string& id) { return impl_->document(id); }
std::size_t Searcher::document_count() const { return impl_->document_count(); }

}  // namespace dossier

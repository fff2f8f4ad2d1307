#include <dossier/errors.hpp>
#include <dossier/searcher.hpp>

#include "article_codec.hpp"
#include "database_set.hpp"
#include "gazetteer.hpp"
#include "logger.hpp"
#include "query_builder.hpp"
#include "schema.hpp"
#include "snippet.hpp"

#include <fstream>
#include <sstream>

namespace dossier {

using schema::Field;

namespace {

// A reader whose revision was overwritten by a writer reopens and tries again.
constexpr int kModifiedRetries = 5;

Gazetteer load_gazetteer(const std::string& actors_file) {
  Gazetteer g = Gazetteer::builtin();
  if (actors_file.empty()) return g;
  std::ifstream in(actors_file, std::ios::binary);
  if (!in) throw InvalidArgument("cannot read actors file '" + actors_file + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  g.add_tsv(ss.str());
  return g;
}

}  // namespace

class Searcher::Impl {
 public:
  Impl(const std::vector<std::string>& paths, SearcherOptions options)
      : paths_(paths),
        options_(std::move(options)),
        log_(logger_or_silent(options_.logger)),
        gazetteer_(load_gazetteer(options_.actors_file)),
        db_(open_databases(paths)) {}

  SearchResults search(const SearchRequest& request) {
    return translate_search_errors([&] {
      for (int attempt = 0;; ++attempt) {
        try {
          return run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt >= kModifiedRetries) throw;
          log_->debug("index changed during search; reopening");
          db_.reopen();
        }
      }
    });
  }

  std::optional<Article> document(const std::string& id) {
    return translate_search_errors([&]() -> std::optional<Article> {
      Xapian::PostingIterator p = db_.postlist_begin(schema::id_term(id));
      if (p == db_.postlist_end(schema::id_term(id))) return std::nullopt;
      return decode_article(db_.get_document(*p).get_data());
    });
  }

  std::size_t document_count() const { return db_.get_doccount(); }

 private:
  SearchResults run(const SearchRequest& request) {
    db_.reopen();  // see the latest commit
    QueryBuilder builder(db_, gazetteer_);
    BuiltQuery built = builder.build(request);

    SearchResults results;
    results.query = request.query;
    results.notices = built.notices;

    Xapian::Enquire enquire(db_);
    enquire.set_query(built.query.empty() ? Xapian::Query::MatchAll : built.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const unsigned date_slot = *schema::spec(Field::date).slot;
    switch (request.sort) {
      case SortOrder::newest: enquire.set_sort_by_value_then_relevance(date_slot, true); break;
      case SortOrder::oldest: enquire.set_sort_by_value_then_relevance(date_slot, false); break;
      default: break;
    }

    Xapian::doccount check = request.exact_total ? db_.get_doccount() : 0;
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                         static_cast<Xapian::doccount>(request.limit), check);
    results.total = mset.get_matches_estimated();
    results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

    std::size_t rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.rank = ++rank;
      hit.score = it.get_weight();
      hit.article = decode_article(it.get_document().get_data());
      hit.snippet = make_snippet(mset, hit.article.text, request.snippet_length, builder.stemmer());
      hit.article.text.clear();
      results.hits.push_back(std::move(hit));
    }
    return results;
  }

  std::vector<std::string> paths_;
  SearcherOptions options_;
  std::shared_ptr<spdlog::logger> log_;
  Gazetteer gazetteer_;
  Xapian::Database db_;
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

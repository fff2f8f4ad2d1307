// Measures in-process search latency (top 10 with snippets) on an index:
//   bench_search_latency INDEX [QUERY...]
// Not a test (no timing assertions): prints milliseconds per search for
// dossier's own snippets and, for comparison, Xapian's MSet::snippet.
#include <dossier/searcher.hpp>

#include "article_codec.hpp"
#include "data_packing.hpp"
#include "query_builder.hpp"
#include "snippet.hpp"

#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace dossier;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_search_latency INDEX [QUERY...]\n");
    return 2;
  }
  std::vector<std::string> queries(argv + 2, argv + argc);
  if (queries.empty())
    queries = {"nuclear disarmament", "climate change", "human rights", "Palestine", "sustainable development goals",
               "terrorism", "refugees", "Security Council reform", "Ebola", "small island developing states"};
  const int rounds = 20;
  try {
    Searcher searcher({argv[1]});
    for (const auto& q : queries) {  // warm the cache
      SearchRequest request;
      request.query = q;
      (void)searcher.search(request);
    }
    double total = 0;
    int n = 0;
    for (int r = 0; r < rounds; ++r)
      for (const auto& q : queries) {
        SearchRequest req;
        req.query = q;
        auto t = Clock::now();
        auto res = searcher.search(req);
        total += ms_since(t);
        ++n;
      }
    std::printf("dossier Searcher::search, top 10 with snippets: %.3f ms/query (%d searches)\n", total / n, n);

    // The parts, with the library's internals: ranking, our snippets, Xapian's snippets.
    Xapian::Database db(argv[1]);
    DataUnpacker unpacker([&db](const std::string& key) { return db.get_metadata(key); });
    const Gazetteer& g = Gazetteer::builtin();
    double fetch_ms = 0, rank_ms = 0, ours_ms = 0, xapian_ms = 0, xapian_exh_ms = 0, decode_ms = 0;
    for (int r = 0; r < rounds; ++r)
      for (const auto& q : queries) {
        SearchRequest req;
        req.query = q;
        QueryBuilder builder(db, g);
        auto t = Clock::now();
        BuiltQuery built = builder.build(req);
        Xapian::Enquire enquire(db);
        enquire.set_query(built.query);
        Xapian::MSet mset = enquire.get_mset(0, 10);
        rank_ms += ms_since(t);
        t = Clock::now();
        std::vector<std::string> data;
        for (auto it = mset.begin(); it != mset.end(); ++it) data.push_back(unpacker.payload(it.get_document()));
        fetch_ms += ms_since(t);
        t = Clock::now();
        std::vector<Article> articles;
        for (const auto& d : data) articles.push_back(decode_article(d));
        decode_ms += ms_since(t);
        t = Clock::now();
        SnippetMaker maker(built.highlight, builder.stemmer());
        for (const auto& a : articles) (void)maker.make(a.text, 240, a.title);
        ours_ms += ms_since(t);
        t = Clock::now();
        for (const auto& a : articles) (void)make_xapian_snippet(mset, a.text, 240, builder.stemmer());
        xapian_ms += ms_since(t);
        t = Clock::now();
        for (const auto& a : articles)
          (void)mset.snippet(a.text, 240, builder.stemmer(),
                             Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE);
        xapian_exh_ms += ms_since(t);
      }
    std::printf("  parse+rank %.3f ms, fetch stored data %.3f ms, decode it %.3f ms, dossier snippets %.3f ms,\n"
                "  Xapian MSet::snippet %.3f ms (with SNIPPET_EXHAUSTIVE %.3f ms) per query of 10 hits\n",
                rank_ms / n, fetch_ms / n, decode_ms / n, ours_ms / n, xapian_ms / n, xapian_exh_ms / n);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_search_latency: %s\n", e.what());
    return 3;
  }
  return 0;
}

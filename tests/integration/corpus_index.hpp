#pragma once
// The shipped corpus indexed once per test executable, into a temporary folder.

#include "test_support.hpp"

#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

namespace dossier::test {

struct CorpusIndex {
  TempDir dir;
  std::string path = dir.path() + "/index";
  IndexReport report;
  CorpusIndex() {
    Indexer indexer(path);
    report = indexer.add_folder(corpus_dir());
  }
  static CorpusIndex& get() {
    static CorpusIndex instance;
    return instance;
  }
};

inline SearchResults search(const std::string& query, std::size_t limit = 10) {
  Searcher searcher({CorpusIndex::get().path});
  SearchRequest request;
  request.query = query;
  request.limit = limit;
  request.exact_total = true;
  return searcher.search(request);
}

inline std::string highlighted(const Snippet& s, const Span& span) {
  return s.text.substr(span.start, span.end - span.start);
}

}  // namespace dossier::test

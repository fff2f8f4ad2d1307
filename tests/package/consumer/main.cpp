// Embedding dossier: index a few articles built in memory, then search them.
// This is the example of the README's "Embedding" section, and tests/package
// compiles and runs it against an installed dossier (CMake and pkg-config):
// it exits non-zero when anything is not as expected.
#include <dossier/dossier.hpp>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  if (!ok) {
    std::cerr << "FAILED: " << what << '\n';
    ++failures;
  }
}

dossier::Article make_article(std::string id, std::string title, std::string source,
                              std::string date, std::string text) {
  dossier::Article article;
  article.id = std::move(id);  // required: adding an article with the same id replaces it
  article.title = std::move(title);
  article.source = std::move(source);
  article.date = std::move(date);  // YYYY-MM-DD
  article.text = std::move(text);
  return article;
}

// Indexes three articles and checks what a search returns.
void index_and_search(const std::string& index_path, std::shared_ptr<spdlog::logger> logger) {
  {
    dossier::IndexerOptions options;
    options.logger = logger;  // optional: without a logger the library is silent
    dossier::Indexer indexer(index_path, options);  // creates the index, takes the write lock
    indexer.add_article(make_article(
        "example:grain", "Grain corridor reopens", "Example Wire", "2024-03-14",
        "Shipping resumed along the grain corridor on Thursday after a two-week pause. "
        "Insurers said premiums for the route would stay high."));
    indexer.add_article(make_article(
        "example:rates", "Central bank holds rates", "Ledger Daily", "2024-03-20",
        "The central bank left its main rate unchanged and said inflation was easing."));
    indexer.add_article(make_article(
        "example:ports", "Ports brace for storm season", "Example Wire", "2024-05-02",
        "Port authorities rehearsed closures; the grain terminals expect delays."));
    indexer.commit();  // durable and visible to searchers
    check(indexer.document_count() == 3, "the index holds 3 documents");
  }  // the write lock is released here

  dossier::Searcher searcher({index_path});
  dossier::SearchRequest request;
  request.query = "grain corridor";
  request.facets = {"source"};
  dossier::SearchResults results = searcher.search(request);

  std::cout << results.total << " match(es) for \"" << results.query << "\"\n";
  for (const dossier::Hit& hit : results.hits) {
    // A snippet is plain text plus highlight spans (byte offsets): mark them up as you like.
    std::string marked;
    std::size_t at = 0;
    for (const dossier::Span& span : hit.snippet.highlights) {
      marked += hit.snippet.text.substr(at, span.start - at) + "[" +
                hit.snippet.text.substr(span.start, span.end - span.start) + "]";
      at = span.end;
    }
    marked += hit.snippet.text.substr(at);
    std::cout << hit.rank << ". " << hit.article.title << " (" << hit.article.source << ", "
              << hit.article.date << ") score " << hit.score << "\n   " << marked << '\n';
  }
  for (const auto& [source, count] : results.facets["source"])
    std::cout << "source " << source << ": " << count << '\n';

  check(results.total == 2, "two articles mention grain or corridor");
  check(results.facets["source"]["Example Wire"] == 2, "facet count: both from Example Wire");
  check(!results.hits.empty() && results.hits[0].article.id == "example:grain",
        "the grain corridor article ranks first");
  if (!results.hits.empty()) {
    const dossier::Snippet& snippet = results.hits[0].snippet;
    check(!snippet.highlights.empty(), "the snippet highlights the matching words");
    for (const dossier::Span& span : snippet.highlights) {
      bool in_text = span.start < span.end && span.end <= snippet.text.size();
      check(in_text, "a highlight span lies inside the snippet text");
      if (in_text) {
        std::string word = snippet.text.substr(span.start, span.end - span.start);
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        check(word.find("grain") != std::string::npos || word.find("corridor") != std::string::npos,
              "a highlight covers a query word (got \"" + word + "\")");
      }
    }
  }

  // Filters are fields of the request, not query syntax.
  dossier::SearchRequest filtered;
  filtered.query = "grain";
  filtered.sources = {"Ledger Daily"};
  check(searcher.search(filtered).total == 0, "no grain article from Ledger Daily");

  std::optional<dossier::Article> stored = searcher.document("example:rates");
  check(stored && stored->text.find("inflation") != std::string::npos,
        "the stored article is fetched by id, with its text");
}

}  // namespace

int main() {
  std::cout << "dossier " << dossier::version() << " (headers " << DOSSIER_VERSION_STRING << ")\n";
  check(std::string(dossier::version()) == DOSSIER_VERSION_STRING,
        "library and header versions agree");
  check(std::to_string(DOSSIER_VERSION_MAJOR) + "." + std::to_string(DOSSIER_VERSION_MINOR) + "." +
                std::to_string(DOSSIER_VERSION_PATCH) == DOSSIER_VERSION_STRING,
        "version macros match the version string");

  // The library logs through the logger you give it; here warnings go to stderr.
  auto logger = spdlog::stderr_color_mt("dossier");
  logger->set_level(spdlog::level::warn);

  std::string pattern = (fs::temp_directory_path() / "dossier-example-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::cerr << "cannot create a temporary folder\n";
    return 2;
  }
  const fs::path folder = pattern;
  try {
    index_and_search((folder / "index").string(), logger);

    // Every error is a dossier::Error; subclasses say what went wrong.
    try {
      dossier::Searcher missing({(folder / "no-such-index").string()});
      check(false, "opening a missing index throws");
    } catch (const dossier::DatabaseError& e) {
      std::cout << "expected error: " << e.what() << '\n';
    }
  } catch (const dossier::Error& e) {
    std::cerr << "dossier error: " << e.what() << '\n';
    ++failures;
  }
  fs::remove_all(folder);
  if (failures == 0) std::cout << "all checks passed\n";
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

// search_latency: times dossier::Searcher::search in-process, with snippets
// for the top hits, for each query of a file; prints the timings as JSON.
// It is the dossier half of the benchmark's in-process search comparison
// (run-bench times SQLite FTS5's snippet() the same way, from Python).
//
//   search_latency --index DB [--index DB2] --queries FILE [--runs N] [--warmup N] [--limit N]
//
// Queries are one a line (blank lines ignored). Each pass runs every query
// once, in file order; passes repeat so that caches warm evenly for all.

#include <dossier/errors.hpp>
#include <dossier/searcher.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> read_queries(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read queries file '" + file + "'");
  std::vector<std::string> queries;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) queries.push_back(line);
  }
  return queries;
}

struct QueryTimes {
  std::size_t total = 0;
  std::size_t hits = 0;
  std::size_t snippet_bytes = 0;  // proves the snippets were made, not skipped
  std::vector<double> ms;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"search_latency: in-process dossier search timings (JSON on stdout)"};
  std::vector<std::string> indexes;
  std::string queries_file;
  int runs = 50, warmup = 2;
  std::size_t limit = 10;
  app.add_option("--index", indexes, "index to search (repeatable)")->required()->allow_extra_args(false);
  app.add_option("--queries", queries_file, "file with one query a line")->required();
  app.add_option("--runs", runs, "timed passes over all queries")->check(CLI::PositiveNumber);
  app.add_option("--warmup", warmup, "untimed passes first")->check(CLI::NonNegativeNumber);
  app.add_option("--limit", limit, "hits (with snippets) per search");
  CLI11_PARSE(app, argc, argv);

  try {
    const auto queries = read_queries(queries_file);
    using clock = std::chrono::steady_clock;
    auto open_start = clock::now();
    dossier::Searcher searcher(indexes);
    double open_ms = std::chrono::duration<double, std::milli>(clock::now() - open_start).count();

    std::vector<QueryTimes> times(queries.size());
    std::vector<std::string> errors(queries.size());
    for (int pass = 0; pass < warmup + runs; ++pass) {
      for (std::size_t i = 0; i < queries.size(); ++i) {
        if (!errors[i].empty()) continue;
        dossier::SearchRequest request;
        request.query = queries[i];
        request.limit = limit;
        try {
          auto start = clock::now();
          dossier::SearchResults results = searcher.search(request);
          double ms = std::chrono::duration<double, std::milli>(clock::now() - start).count();
          if (pass < warmup) continue;
          auto& t = times[i];
          t.ms.push_back(ms);
          t.total = results.total;
          t.hits = results.hits.size();
          t.snippet_bytes = 0;
          for (const auto& hit : results.hits) t.snippet_bytes += hit.snippet.text.size();
        } catch (const dossier::QueryError& e) {
          errors[i] = e.what();  // reported per query; the others still run
        }
      }
    }

    nlohmann::json out = {{"version", 1},  {"indexes", indexes},        {"runs", runs},
                          {"warmup", warmup}, {"limit", limit},        {"open_ms", open_ms},
                          {"documents", searcher.document_count()}};
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < queries.size(); ++i) {
      nlohmann::json q = {{"query", queries[i]}, {"total", times[i].total}, {"hits", times[i].hits},
                          {"snippet_bytes", times[i].snippet_bytes}, {"ms", times[i].ms}};
      if (!errors[i].empty()) q["error"] = errors[i];
      list.push_back(q);
    }
    out["queries"] = list;
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  } catch (const dossier::Error& e) {
    std::cerr << "search_latency: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "search_latency: " << e.what() << "\n";
    return 2;
  }
}

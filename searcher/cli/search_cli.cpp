#include "search_cli.hpp"

#include "render_json.hpp"
#include "render_text.hpp"
#include "terminal_text.hpp"

#include <dossier/errors.hpp>
#include <dossier/index_location.hpp>
#include <dossier/searcher.hpp>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <iostream>
#include <map>

namespace dossier::cli {
namespace {

// Exit codes, one table for the whole CLI (see README "Exit codes").
enum Exit : int { kMatched = 0, kNoMatch = 1, kUsage = 2, kIndexProblem = 3 };

void print_error(const std::string& message) { std::cerr << "dossier-search: " << terminal_safe(message) << "\n"; }

}  // namespace

int run_search_cli(const std::vector<std::string>& args) {
  CLI::App app{"dossier-search: search indexed reports"};
  app.set_version_flag("--version", "dossier-search 0.1");
  std::vector<std::string> words, indexes;
  SearchRequest request;
  bool json = false;
  std::string format = "text", colour = "auto", sort = "relevance";

  app.add_option("query", words, "query words (see README \"Query language\")");
  app.add_option("--index", indexes, "index to search (repeatable; default: $DOSSIER_INDEX or ~/.local/share/dossier/index)")->allow_extra_args(false);
  app.add_option("-n,--limit", request.limit, "hits to show (0: counts only)");
  app.add_option("--offset", request.offset, "hits to skip");
  app.add_flag("--json", json, "JSON output (same as --format json)");
  app.add_option("--format", format, "text, json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("--color,--colour", colour, "auto, always, never")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--source", request.sources, "only this source (repeatable: any of them)")->allow_extra_args(false);
  app.add_option("--actor", request.actors, "only documents naming this actor (repeatable: all of them)")->allow_extra_args(false);
  app.add_option("--since", request.since, "earliest date: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--until", request.until, "latest date: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--sort", sort, "relevance, newest, oldest, recent")
      ->check(CLI::IsMember({"relevance", "newest", "oldest", "recent"}));
  app.add_flag("--exact", request.exact_total, "count every match exactly");
  app.add_option("--snippet-length", request.snippet_length, "snippet size in characters");

  try {
    app.parse(std::vector<std::string>(args.rbegin(), args.rend()));
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_error(std::string(e.what()) + " (see --help)");
    return kUsage;
  }
  if (json) format = "json";
  for (const auto& w : words) request.query += (request.query.empty() ? "" : " ") + w;
  static const std::map<std::string, SortOrder> kSorts = {
      {"relevance", SortOrder::relevance}, {"newest", SortOrder::newest}, {"oldest", SortOrder::oldest},
      {"recent", SortOrder::recent}};
  request.sort = kSorts.at(sort);
  if (request.query.empty() && request.sources.empty() && request.actors.empty() && request.since.empty() &&
      request.until.empty()) {
    print_error("no query given: dossier-search [--index PATH] WORDS... (see --help)");
    return kUsage;
  }

  try {
    if (indexes.empty()) indexes.push_back(resolve_index_path(""));
    SearcherOptions options;
    auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    options.logger = std::make_shared<spdlog::logger>("dossier-search", sink);
    options.logger->set_pattern("dossier-search: %l: %v");
    options.logger->set_level(spdlog::level::warn);
    Searcher searcher(indexes, options);
    SearchResults results = searcher.search(request);
    for (const auto& n : results.notices) print_error(n);
    if (format == "json") {
      std::cout << dump_json(results_to_json(results)) << "\n";
    } else {
      render_text(std::cout, results, TextStyle{use_colour(colour == "always"   ? ColourMode::always
                                                           : colour == "never" ? ColourMode::never
                                                                               : ColourMode::automatic)});
    }
    std::cout.flush();
    return results.total > 0 ? kMatched : kNoMatch;
  } catch (const QueryError& e) {
    print_error(e.what());
    return kUsage;
  } catch (const InvalidArgument& e) {
    print_error(e.what());
    return kUsage;
  } catch (const DatabaseError& e) {
    print_error(e.what());
    return kIndexProblem;
  } catch (const Error& e) {
    print_error(e.what());
    return kIndexProblem;
  } catch (const std::exception& e) {
    print_error(std::string("unexpected error: ") + e.what());
    return kIndexProblem;
  }
}

}  // namespace dossier::cli

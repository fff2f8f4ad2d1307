#include "search_cli.hpp"

#include "render_facets.hpp"
#include "render_html.hpp"
#include "render_json.hpp"
#include "render_text.hpp"
#include "terminal_text.hpp"
#include "watch_list.hpp"

#include <dossier/errors.hpp>
#include <dossier/index_location.hpp>
#include <dossier/searcher.hpp>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

namespace dossier::cli {
namespace {

// Exit codes, one table for the whole CLI (see README "Exit codes (dossier-search)").
enum Exit : int { kMatched = 0, kNoMatch = 1, kUsage = 2, kIndexProblem = 3 };

void write_error(std::ostream& err, const std::string& message) {
  err << "dossier-search: " << terminal_safe(message) << "\n";
}

struct Options {
  std::vector<std::string> words, indexes, facets;
  SearchRequest request;
  bool json = false, timeline = false, no_collapse = false, related = true, words_only = false;
  std::string format = "text", colour = "auto", sort = "relevance", queries_file, actors_file;
  bool allow_partial = false;
  double timeout_s = 30, connect_timeout_s = 10;
};

void add_options(CLI::App& app, Options& o) {
  SearchRequest& r = o.request;
  app.add_option("query", o.words, "query words (see README \"Query language\")");
  app.add_option("--index", o.indexes,
                 "index to search (repeatable; default: $DOSSIER_INDEX or ~/.local/share/dossier/index)")
      ->allow_extra_args(false);
  app.add_option("-n,--limit", r.limit, "hits to show (0: counts and facets only)");
  app.add_option("--offset", r.offset, "hits to skip");
  app.add_flag("--json", o.json, "JSON output (same as --format json)");
  app.add_option("--format", o.format, "text, json, jsonl, html, trec")
      ->check(CLI::IsMember({"text", "json", "jsonl", "html", "trec"}));
  app.add_option("--color,--colour", o.colour, "auto, always, never")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--source", r.sources, "only this source (repeatable: any of them)")->allow_extra_args(false);
  app.add_option("--actor", r.actors, "only documents naming this actor (repeatable: all of them)")
      ->allow_extra_args(false);
  app.add_option("--since", r.since, "earliest date: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--until", r.until, "latest date: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--sort", o.sort, "relevance, newest, oldest, recent (relevance with a recency boost)")
      ->check(CLI::IsMember({"relevance", "newest", "oldest", "recent"}));
  app.add_flag("--exact", r.exact_total, "count every match exactly");
  app.add_option("--facets", o.facets, "count matches by source, actor, year, month, format (comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_flag("--timeline", o.timeline, "draw matches per month");
  app.add_option("--snippet-length", r.snippet_length, "snippet size in characters");
  app.add_flag("--fix", r.use_suggestion, "search the spelling-corrected query");
  app.add_option("--like", r.like, "rank the documents most similar to this one (path or id)");
  app.add_flag("--no-collapse", o.no_collapse, "show every copy of syndicated articles");
  app.add_flag("--related,!--no-related", o.related,
               "when the documents with the words do not fill the page, list related ones after them (default; "
               "--no-related: only documents with the words)");
  app.add_flag("--words-only", o.words_only, "rank by the query words alone (no pseudo-relevance feedback)");
  app.add_option("--queries", o.queries_file, "run each query of this file (one a line, or name<TAB>query)");
  app.add_option("--actors", o.actors_file, "extra actor aliases (TSV, as for dossier-index --actors)");
  app.add_flag("--allow-partial", o.allow_partial,
               "when a shard does not answer, search the others (results marked partial) instead of failing");
  app.add_option("--timeout", o.timeout_s, "seconds a remote shard may take to answer (0: no limit; default 30)")
      ->check(CLI::Range(0.0, 86400.0));
  app.add_option("--connect-timeout", o.connect_timeout_s,
                 "seconds to connect to a remote shard (0: no limit; default 10)")
      ->check(CLI::Range(0.0, 86400.0));
}

bool has_filters(const SearchRequest& r) {
  return !r.sources.empty() || !r.actors.empty() || !r.since.empty() || !r.until.empty() || !r.like.empty();
}

class Printer {
 public:
  Printer(std::ostream& out, std::string format, bool colour, bool timeline, bool month_asked, bool watch)
      : out_(out),
        format_(std::move(format)),
        colour_(colour),
        timeline_(timeline),
        month_asked_(month_asked),
        watch_(watch) {}

  void print(const std::string& name, const SearchResults& r) {
    if (format_ == "json") {
      nlohmann::json j = results_to_json(r);
      if (watch_) {
        j["name"] = name;
        json_blocks_.push_back(std::move(j));
      } else {
        out_ << dump_json(j) << "\n";
      }
    } else if (format_ == "jsonl") {
      render_jsonl(out_, r, watch_ ? name : "");
    } else if (format_ == "trec") {
      render_trec(out_, r, name);
    } else if (format_ == "html") {
      html_blocks_.push_back({watch_ ? name : "", r});
    } else {
      if (watch_) out_ << (printed_ ? "\n" : "") << "== " << terminal_safe(name) << ": " << terminal_safe(r.query) << "\n";
      if (timeline_ && !month_asked_) {
        SearchResults without_month = r;  // the timeline shows the months
        without_month.facets.erase("month");
        render_text(out_, without_month, TextStyle{colour_});
      } else {
        render_text(out_, r, TextStyle{colour_});
      }
      if (timeline_) {
        out_ << "\n";
        render_timeline(out_, r, colour_);
      }
    }
    printed_ = true;
  }

  void finish() {
    if (format_ == "json" && watch_) {
      nlohmann::json all = {{"version", 1}, {"queries", json_blocks_}};
      out_ << dump_json(all) << "\n";
    }
    if (format_ == "html") render_html(out_, html_blocks_);
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string format_;
  bool colour_, timeline_, month_asked_, watch_, printed_ = false;
  std::vector<nlohmann::json> json_blocks_;
  std::vector<LabelledResults> html_blocks_;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidArgument("cannot read queries file '" + path + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::shared_ptr<spdlog::logger> stderr_logger() {
  auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  auto logger = std::make_shared<spdlog::logger>("dossier-search", sink);
  logger->set_pattern("dossier-search: %l: %v");
  logger->set_level(spdlog::level::warn);
  return logger;
}

}  // namespace

int run_search_cli(const std::vector<std::string>& args, const CliContext& context) {
  std::ostream& out = *context.out;
  std::ostream& err = *context.err;
  auto print_error = [&err](const std::string& message) { write_error(err, message); };
  CLI::App app{"dossier-search: search indexed reports"};
  app.set_version_flag("--version", "dossier-search 0.1");
  app.footer(
      "Searches are answered by a resident searcher that keeps the index open (it exits after 10 idle minutes).\n"
      "DOSSIER_SERVER=off runs each search as a plain process; DOSSIER_SERVER_IDLE=SECONDS sets the idle time.");
  Options o;
  add_options(app, o);
  try {
    app.parse(std::vector<std::string>(args.rbegin(), args.rend()));
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    print_error(std::string(e.what()) + " (see --help)");
    return kUsage;
  }
  SearchRequest& request = o.request;
  if (o.json) o.format = "json";
  for (const auto& w : o.words) request.query += (request.query.empty() ? "" : " ") + w;
  static const std::map<std::string, SortOrder> kSorts = {
      {"relevance", SortOrder::relevance}, {"newest", SortOrder::newest}, {"oldest", SortOrder::oldest},
      {"recent", SortOrder::recent}};
  request.sort = kSorts.at(o.sort);
  request.collapse_duplicates = !o.no_collapse;
  request.related = o.related;
  request.feedback = !o.words_only;
  request.facets = o.facets;
  if (o.timeline && std::find(request.facets.begin(), request.facets.end(), "month") == request.facets.end())
    request.facets.push_back("month");
  bool watch = !o.queries_file.empty();
  if (watch && !request.query.empty()) {
    print_error("give either query words or --queries FILE, not both");
    return kUsage;
  }
  if (!watch && request.query.empty() && !has_filters(request)) {
    print_error("no query given: dossier-search [--index PATH] WORDS... (see --help)");
    return kUsage;
  }

  try {
    std::vector<WatchQuery> queries;
    if (watch) queries = parse_watch_list(read_file(o.queries_file));
    else queries.push_back({"1", request.query});
    if (o.indexes.empty()) o.indexes.push_back(resolve_index_path(""));
    SearcherOptions options;
    options.logger = context.logger ? context.logger : stderr_logger();
    options.actors_file = o.actors_file;
    options.allow_partial = o.allow_partial;
    options.timeout_ms = static_cast<unsigned>(o.timeout_s * 1000);
    options.connect_timeout_ms = static_cast<unsigned>(o.connect_timeout_s * 1000);
    std::optional<Searcher> own_searcher;
    Searcher& searcher = context.open_searcher ? context.open_searcher(o.indexes, options)
                                               : own_searcher.emplace(o.indexes, options);
    const ColourMode mode = o.colour == "always"  ? ColourMode::always
                            : o.colour == "never" ? ColourMode::never
                                                  : ColourMode::automatic;
    bool colour = use_colour(mode, context.stdout_is_terminal.value_or(stdout_is_terminal()));
    bool month_asked = std::find(o.facets.begin(), o.facets.end(), "month") != o.facets.end();
    Printer printer(out, o.format, colour, o.timeline, month_asked, watch);
    bool matched = false, failed = false;
    for (const auto& q : queries) {
      SearchRequest one = request;
      one.query = q.query;
      try {
        SearchResults results = searcher.search(one);
        for (const auto& n : results.notices) print_error((watch ? q.name + ": " : "") + n);
        printer.print(q.name, results);
        matched = matched || results.total > 0;
      } catch (const QueryError& e) {
        if (!watch) throw;
        print_error(q.name + ": " + e.what());
        failed = true;
      }
    }
    printer.finish();
    if (failed) return kUsage;
    return matched ? kMatched : kNoMatch;
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

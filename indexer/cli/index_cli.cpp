#include "index_cli.hpp"

#include <dossier/errors.hpp>
#include <dossier/index_location.hpp>
#include <dossier/indexer.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string_view>

namespace dossier::cli {
namespace {

// Exit codes, one table for the whole CLI (see README "Exit codes").
enum Exit : int { kDone = 0, kSkippedStrict = 1, kUsage = 2, kIndexProblem = 3 };

// A user-visible string (file names, messages quoting file content), with
// control characters made visible: C0, DEL, C1 (U+0080-U+009F) and bidi
// overrides become \\xNN escapes, so nothing reaches the terminal as a command.
std::string printable(std::string_view s) {
  std::string out;
  auto escape = [&out](std::string_view bytes) {
    for (unsigned char c : bytes) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    auto next = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    if (c < 0x20 || c == 0x7F) {
      escape(s.substr(i, 1));
    } else if (c == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) {
      escape(s.substr(i++, 2));
    } else if (c == 0xE2 && ((next(1) == 0x80 && next(2) >= 0xAA && next(2) <= 0xAE) ||
                             (next(1) == 0x81 && next(2) >= 0xA6 && next(2) <= 0xA9))) {
      escape(s.substr(i, 3));
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// The library logs file names and messages that may quote file content; this
// sink makes them printable before they reach the terminal.
class PrintableSink : public spdlog::sinks::sink {
 public:
  explicit PrintableSink(std::shared_ptr<spdlog::sinks::sink> inner) : inner_(std::move(inner)) {}
  void log(const spdlog::details::log_msg& msg) override {
    std::string safe = printable(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy = msg;
    copy.payload = safe;
    inner_->log(copy);
  }
  void flush() override { inner_->flush(); }
  void set_pattern(const std::string& pattern) override { inner_->set_pattern(pattern); }
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override {
    inner_->set_formatter(std::move(formatter));
  }

 private:
  std::shared_ptr<spdlog::sinks::sink> inner_;
};

std::shared_ptr<spdlog::logger> make_logger(bool quiet) {
  auto sink = std::make_shared<PrintableSink>(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  auto logger = std::make_shared<spdlog::logger>("dossier-index", sink);
  logger->set_pattern("dossier-index: %^%l%$: %v");
  logger->set_level(quiet ? spdlog::level::err : spdlog::level::warn);
  return logger;
}

// "1,234/1,938 files  45 files/s  16 s left" on one terminal line. The rate counts
// only files read in this run (unchanged ones are skipped at once and would flatter it).
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  void operator()(const Progress& p) {
    if (!enabled_ || p.files_total == 0) return;
    auto now = std::chrono::steady_clock::now();
    if (!started_) {
      started_ = true;
      start_ = now;
      baseline_ = p.files_done;
    }
    double secs = std::chrono::duration<double>(now - start_).count();
    std::size_t read = p.files_done - std::min(p.files_done, baseline_);
    double rate = secs > 0 ? static_cast<double>(read) / secs : 0;
    std::fprintf(stderr, "\r\033[K%zu/%zu files", p.files_done, p.files_total);
    if (read > 0 && rate > 0)
      std::fprintf(stderr, "  %.0f files/s  %.0f s left", rate,
                   static_cast<double>(p.files_total - p.files_done) / rate);
    std::fflush(stderr);
    drawn_ = true;
  }
  // Clears the line; the next folder starts its own count.
  void finish() {
    if (drawn_) std::fprintf(stderr, "\r\033[K");
    drawn_ = started_ = false;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  bool started_ = false;
  std::size_t baseline_ = 0;
  std::chrono::steady_clock::time_point start_;
};

std::string summary_line(const IndexReport& r) {
  std::string line = "indexed: " + std::to_string(r.added) + " added, " + std::to_string(r.updated) + " updated, " +
                     std::to_string(r.unchanged) + " unchanged, " + std::to_string(r.removed) + " removed, " +
                     std::to_string(r.skipped) + " skipped";
  auto reasons = r.skipped_by_reason();
  if (!reasons.empty()) {
    line += " (";
    bool first = true;
    for (const auto& [reason, n] : reasons) {
      line += (first ? "" : ", ") + std::to_string(n) + " " + reason;
      first = false;
    }
    line += ")";
  }
  return line;
}

nlohmann::json report_json(const IndexReport& r) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : r.problems)
    problems.push_back({{"path", p.path}, {"reason", p.reason}, {"detail", p.detail}, {"skipped", p.skipped}});
  return {{"version", 1},      {"added", r.added},     {"updated", r.updated}, {"unchanged", r.unchanged},
          {"removed", r.removed}, {"skipped", r.skipped}, {"skipped_by_reason", r.skipped_by_reason()},
          {"problems", problems}};
}

int run_stats(const std::string& index, bool json) {
  IndexStats s = read_index_stats(resolve_index_path(index));
  if (json) {
    nlohmann::json j = {{"version", 1},          {"documents", s.documents}, {"formats", s.formats},
                        {"sources", s.sources},  {"first_date", s.first_date}, {"last_date", s.last_date},
                        {"size_on_disk", s.size_on_disk}};
    nlohmann::json actors = nlohmann::json::array();
    for (const auto& [name, n] : s.top_actors) actors.push_back({{"actor", name}, {"documents", n}});
    j["top_actors"] = actors;
    j["last_run"] = s.last_run.empty() ? nlohmann::json() : nlohmann::json::parse(s.last_run, nullptr, false);
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kDone;
  }
  std::cout << "documents:    " << s.documents << "\n";
  std::cout << "size on disk: " << (s.size_on_disk + 512 * 1024) / (1024 * 1024) << " MB\n";
  std::cout << "dates:        " << (s.first_date.empty() ? "none" : s.first_date + " .. " + s.last_date) << "\n";
  std::cout << "formats:\n";
  for (const auto& [f, n] : s.formats) std::cout << "  " << n << "\t" << printable(f) << "\n";
  std::cout << "sources:\n";
  for (const auto& [f, n] : s.sources) std::cout << "  " << n << "\t" << printable(f) << "\n";
  std::cout << "top actors:\n";
  for (const auto& [a, n] : s.top_actors) std::cout << "  " << n << "\t" << printable(a) << "\n";
  if (!s.last_run.empty()) {
    auto run = nlohmann::json::parse(s.last_run, nullptr, false);
    if (run.is_object() && run.contains("problems") && !run["problems"].empty()) {
      std::cout << "problems in the last run:\n";
      for (const auto& p : run["problems"])
        std::cout << "  " << printable(p.value("reason", "")) << "\t" << printable(p.value("path", "")) << ": "
                  << printable(p.value("detail", "")) << "\n";
    }
  }
  return kDone;
}

int run_suggest(const std::string& index, const IndexerOptions& options, std::size_t limit) {
  for (const auto& [name, n] : suggest_actors(resolve_index_path(index), options, limit))
    std::cout << n << "\t" << printable(name) << "\n";
  return kDone;
}

}  // namespace

int run_index_cli(const std::vector<std::string>& args) {
  CLI::App app{"dossier-index: index folders of reports for dossier-search"};
  app.set_version_flag("--version", "dossier-index 0.1");
  std::vector<std::string> folders;
  std::string index;
  IndexerOptions options;
  bool strict = false, quiet = false, json = false;
  int year = 0;
  double max_mb = 64;
  std::vector<std::string> maps;

  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--index", index, "index location (default: $DOSSIER_INDEX or ~/.local/share/dossier/index)");
  };
  add_common(&app);
  app.add_option("folders", folders, "folders to index (recursively); name a folder like a subcommand as ./name");
  app.add_option("--year", year, "year for dates written without one (\"June 18\")");
  app.add_option("--source", options.source, "source for documents that do not name one");
  app.add_option("--actors", options.actors_file, "extra actors file (TSV: name, type, aliases)");
  app.add_option("--map", maps, "map a record field to a dossier field, e.g. --map headline=title")->allow_extra_args(false);
  app.add_option("--path-pattern", options.path_patterns, "take fields from paths, e.g. '{source}/*'")->allow_extra_args(false);
  app.add_option("--max-file-size", max_mb, "skip files larger than this many MB (default 64)");
  app.add_flag("--follow-symlinks", options.follow_external_symlinks, "follow links that point outside the folder");
  app.add_flag("--wait", options.wait_for_lock, "wait for another indexer to finish instead of failing");
  app.add_option("--threads", options.threads, "parsing threads (default: one per core)");
  app.add_option("--shards", options.shards,
                 "split a new index into N databases written in parallel (default: keep the index's count, 1 if new)")
      ->check(CLI::Range(1u, 256u));
  app.add_flag("--strict", strict, "exit 1 when any file was skipped");
  app.add_flag("-q,--quiet", quiet, "no progress and no per-file warnings");
  app.add_flag("--json", json, "print the run's report as JSON on stdout");

  auto* stats = app.add_subcommand("stats", "show what the index holds");
  add_common(stats);
  stats->add_flag("--json", json, "print JSON");
  auto* suggest = app.add_subcommand("suggest-actors", "list frequent names the gazetteer does not know");
  add_common(suggest);
  std::size_t limit = 50;
  suggest->add_option("--limit", limit, "how many names to list");
  suggest->add_option("--actors", options.actors_file, "extra actors file (names in it are known)");
  app.require_subcommand(0, 1);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "dossier-index: " << e.what() << " (see --help)\n";
    return kUsage;
  }

  try {
    if (stats->parsed()) return run_stats(index, json);
    if (suggest->parsed()) return run_suggest(index, options, limit);
    if (folders.empty()) {
      std::cerr << "dossier-index: no folder given: dossier-index FOLDER... [--index PATH] (see --help)\n";
      return kUsage;
    }
    if (year != 0) options.year = year;
    if (max_mb <= 0) {
      std::cerr << "dossier-index: --max-file-size must be positive\n";
      return kUsage;
    }
    options.max_file_bytes = static_cast<std::uintmax_t>(max_mb * 1024 * 1024);
    for (const auto& m : maps) {
      auto eq = m.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
        std::cerr << "dossier-index: --map wants FIELD=NAME, got '" << m << "'\n";
        return kUsage;
      }
      options.field_map[m.substr(0, eq)] = m.substr(eq + 1);
    }
    options.logger = make_logger(quiet);

    Indexer indexer(resolve_index_path(index), options);
    IndexReport total;
    ProgressLine progress(!quiet && ::isatty(STDERR_FILENO));
    for (const auto& folder : folders) {
      total.merge(indexer.add_folder(folder, [&progress](const Progress& p) { progress(p); }));
      progress.finish();
    }
    std::cerr << "dossier-index: " << summary_line(total) << "\n";
    if (json) std::cout << report_json(total).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return strict && total.skipped > 0 ? kSkippedStrict : kDone;
  } catch (const LockError& e) {
    std::cerr << "dossier-index: " << e.what() << "\n";
    return kIndexProblem;
  } catch (const DatabaseError& e) {
    std::cerr << "dossier-index: " << e.what() << "\n";
    return kIndexProblem;
  } catch (const InvalidArgument& e) {
    std::cerr << "dossier-index: " << e.what() << "\n";
    return kUsage;
  } catch (const Error& e) {
    std::cerr << "dossier-index: " << e.what() << "\n";
    return kIndexProblem;
  } catch (const std::exception& e) {
    std::cerr << "dossier-index: unexpected error: " << e.what() << "\n";
    return kIndexProblem;
  }
}

}  // namespace dossier::cli

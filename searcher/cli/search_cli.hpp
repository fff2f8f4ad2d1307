#pragma once
// dossier-search's command line, as a function tests (and the resident
// searcher) call in-process.

#include <dossier/searcher.hpp>

#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spdlog {
class logger;
}

namespace dossier::cli {

// Where a run's output goes and what it may reuse; the defaults are a plain process's.
struct CliContext {
  std::ostream* out = &std::cout;
  std::ostream* err = &std::cerr;
  std::optional<bool> stdout_is_terminal;  // for --color auto; unset: this process's stdout
  std::shared_ptr<spdlog::logger> logger;  // the library's warnings; null: coloured stderr
  // Hands back a Searcher for these indexes (the resident searcher keeps them
  // open between runs); unset: the run opens its own.
  std::function<Searcher&(const std::vector<std::string>& indexes, const SearcherOptions& options)> open_searcher;
};

// Runs dossier-search with `args` (without the program name); returns the exit code.
int run_search_cli(const std::vector<std::string>& args, const CliContext& context = {});

}  // namespace dossier::cli

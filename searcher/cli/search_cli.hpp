#pragma once
// dossier-search's command line, as a function tests can call in-process.

#include <string>
#include <vector>

namespace dossier::cli {

// Runs dossier-search with `args` (without the program name); returns the exit code.
int run_search_cli(const std::vector<std::string>& args);

}  // namespace dossier::cli

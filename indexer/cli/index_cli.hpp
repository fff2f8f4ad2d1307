#pragma once
// dossier-index's command line, as a function tests can call in-process.

#include <string>
#include <vector>

namespace dossier::cli {

// Runs dossier-index with `args` (without the program name); returns the exit code.
// Results go to stdout, messages to stderr.
int run_index_cli(const std::vector<std::string>& args);

}  // namespace dossier::cli

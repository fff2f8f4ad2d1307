// dossier-search-engine: the searcher proper. dossier-search hands it each
// search, either through a resident copy of it (--serve) or by running it.
#include "resident_server.hpp"
#include "search_cli.hpp"

#include <string_view>

int main(int argc, char** argv) {
  if (argc == 3 && std::string_view(argv[1]) == "--serve") return dossier::cli::serve_resident(argv[2]);
  return dossier::cli::run_search_cli(std::vector<std::string>(argv + 1, argv + argc));
}

#include "index_cli.hpp"

int main(int argc, char** argv) {
  return dossier::cli::run_index_cli(std::vector<std::string>(argv + 1, argv + argc));
}

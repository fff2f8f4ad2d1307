#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  // Tests run dossier-search as a plain process, so that each answer comes from
  // the run under test and no resident searcher outlives the suite; the tests of
  // the resident searcher turn it on, each in its own folder.
  ::setenv("DOSSIER_SERVER", "off", 1);
  return Catch::Session().run(argc, argv);
}

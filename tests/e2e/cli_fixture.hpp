#pragma once
// Runs the real binaries against an index of the shipped corpus.

#include "test_support.hpp"

#include <catch2/catch.hpp>

namespace dossier::test {

struct CorpusCli {
  TempDir dir;
  std::string index = dir.path() + "/index";
  CorpusCli() {
    auto r = run_process({index_bin(), corpus_dir(), "--index", index, "-q"});
    if (r.exit_code != 0) FAIL("indexing the corpus failed: " << r.err);
  }
  static CorpusCli& get() {
    static CorpusCli instance;
    return instance;
  }
  ProcessResult search(std::vector<std::string> args) const {
    args.insert(args.begin(), {search_bin(), "--index", index});
    return run_process(args);
  }
};

}  // namespace dossier::test

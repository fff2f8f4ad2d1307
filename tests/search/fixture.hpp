#pragma once
// A hand-made set of small reports with known labels, indexed once per test
// run, so every filter and count can be checked against the labels.

#include "test_support.hpp"

#include <dossier/searcher.hpp>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace dossier::test {

struct LabelledDoc {
  std::string file;               // relative path in the fixture folder
  std::string source;             // empty: unknown
  std::string date;               // YYYY-MM-DD
  std::set<std::string> actors;   // canonical names, as the index should hold them
  std::string format;             // "md" or "txt"
  std::set<std::string> words;    // vocabulary words in the text, as written
};

class Fixture {
 public:
  // The labelled fixture, built and indexed on first use.
  static const Fixture& get();

  const std::vector<LabelledDoc>& docs() const { return docs_; }
  const std::string& index() const { return index_; }
  const std::string& folder() const { return folder_; }
  // Paths (as the index stores them) of the labelled docs satisfying `keep`.
  std::set<std::string> paths_where(const std::function<bool(const LabelledDoc&)>& keep) const;
  // Runs dossier-search on the fixture index.
  ProcessResult cli(std::vector<std::string> args) const;

 private:
  Fixture();
  TempDir dir_;
  std::string folder_, index_;
  std::vector<LabelledDoc> docs_;
};

// A second, small index of special documents: markup, control characters,
// duplicates, actor aliases in text.
class SpecialFixture {
 public:
  static const SpecialFixture& get();
  const std::string& index() const { return index_; }
  const std::string& folder() const { return folder_; }
  ProcessResult cli(std::vector<std::string> args) const;

 private:
  SpecialFixture();
  TempDir dir_;
  std::string folder_, index_;
};

// The matches' paths (all of them: the search asks for every match, uncollapsed;
// related documents listed after the matches are left out).
std::set<std::string> hit_paths(Searcher& searcher, SearchRequest request);

// Vocabulary of the fixture's bodies; "convoy"/"convoys" share a stem on purpose.
const std::vector<std::string>& fixture_vocabulary();

}  // namespace dossier::test

#pragma once
// Builds a folder of everything a downloaded, scraped or leaked folder can
// throw at the indexer, next to a few good reports that must still be found.

#include <string>
#include <vector>

namespace dossier::test {

struct GoodReport {
  std::string word;       // a word found in this report only
  std::string name;       // where it is, for messages
};

struct HostileFolder {
  std::vector<GoodReport> good;
  std::vector<std::string> must_report;  // names (last path component) the summary must list as problems
  std::vector<std::string> must_not_find;  // words only reachable through links out of the folder
  std::vector<std::string> notes;          // what could not be built here (e.g. no mknod)
  std::string long_path_word;              // a report whose path is longer than PATH_MAX
};

// Fills `root` (an existing empty folder); `outside` is a folder beside it for
// link targets that must not be followed. `big`: a 30 MB file and a 5 MB line
// (else 3 MB and 1 MB, for the fast test set).
HostileFolder build_hostile_folder(const std::string& root, const std::string& outside, bool big);

// Removes a tree whose paths may be longer than PATH_MAX (std::filesystem cannot).
void remove_deep_tree(const std::string& path);

}  // namespace dossier::test

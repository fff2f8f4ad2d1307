#pragma once
// Watch lists: many queries from a file, one a line, optionally "name<TAB>query".

#include <string>
#include <vector>

namespace dossier::cli {

struct WatchQuery {
  std::string name;   // given, else the query's line number
  std::string query;
};

// Blank lines and lines starting with '#' are skipped; CR LF line ends accepted.
std::vector<WatchQuery> parse_watch_list(const std::string& content);

}  // namespace dossier::cli

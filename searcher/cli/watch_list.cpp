#include "watch_list.hpp"

namespace dossier::cli {

std::vector<WatchQuery> parse_watch_list(const std::string& content) {
  std::vector<WatchQuery> out;
  std::size_t start = 0, line_number = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    std::string line = content.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    WatchQuery q;
    std::size_t tab = line.find('\t');
    if (tab != std::string::npos && tab > 0 && line.find_first_not_of(" \t", tab) != std::string::npos) {
      q.name = line.substr(0, tab);
      q.query = line.substr(tab + 1);
    } else {
      q.name = std::to_string(line_number);
      q.query = line.substr(first);
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace dossier::cli

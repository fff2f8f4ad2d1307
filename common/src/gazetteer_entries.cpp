#include "gazetteer_entries.hpp"

#include "text.hpp"

#include <unordered_map>

namespace dossier {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  while (true) {
    std::size_t p = s.find(sep);
    out.emplace_back(trim(s.substr(0, p)));
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
  return out;
}

}  // namespace

ActorType actor_type_from_string(std::string_view s) {
  if (s == "country") return ActorType::country;
  if (s == "organisation" || s == "organization") return ActorType::organisation;
  if (s == "person") return ActorType::person;
  return ActorType::unknown;
}

std::vector<std::string> parse_gazetteer_tsv(std::string_view tsv, std::vector<ActorEntry>& entries) {
  std::unordered_map<std::string, std::size_t> by_canonical;
  for (std::size_t i = 0; i < entries.size(); ++i) by_canonical.emplace(entries[i].canonical, i);

  std::vector<std::string> problems;
  std::size_t line_no = 0;
  while (!tsv.empty()) {
    std::size_t eol = tsv.find('\n');
    std::string_view line = tsv.substr(0, eol);
    tsv.remove_prefix(eol == std::string_view::npos ? tsv.size() : eol + 1);
    ++line_no;
    if (trim(line).empty() || trim(line).front() == '#') continue;
    auto cols = split(line, '\t');
    if (cols.size() < 2 || cols[0].empty() || !is_valid_utf8(cols[0])) {
      problems.push_back("line " + std::to_string(line_no) + ": expected name<TAB>type<TAB>aliases");
      continue;
    }
    ActorEntry e;
    e.canonical = cols[0];
    e.type = actor_type_from_string(cols[1]);
    if (e.type == ActorType::unknown)
      problems.push_back("line " + std::to_string(line_no) + ": unknown type '" + cols[1] + "'");
    if (cols.size() >= 3)
      for (auto& a : split(cols[2], '|'))
        if (!a.empty() && is_valid_utf8(a)) e.aliases.push_back(a);
    auto [it, added] = by_canonical.emplace(e.canonical, entries.size());
    if (added)
      entries.push_back(std::move(e));
    else
      entries[it->second] = std::move(e);
  }
  return problems;
}

}  // namespace dossier

#include "gazetteer.hpp"

#include "text.hpp"

#include <algorithm>
#include <cstdio>

namespace dossier {

extern const char* const kBuiltinGazetteerTsv;  // generated from common/data/gazetteer.tsv

namespace {

constexpr std::uint32_t kNoChild = 0;  // node 0 is the root, never anyone's child

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

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

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer instance = [] {
    Gazetteer g;
    g.add_tsv(kBuiltinGazetteerTsv);
    return g;
  }();
  return instance;
}

std::vector<std::string> Gazetteer::add_tsv(std::string_view tsv) {
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
    add_entry(std::move(e));
  }
  rebuild_index();
  return problems;
}

void Gazetteer::add_entry(ActorEntry entry) {
  auto it = by_canonical_.find(entry.canonical);
  if (it != by_canonical_.end()) {
    entries_[it->second] = std::move(entry);
  } else {
    by_canonical_.emplace(entry.canonical, entries_.size());
    entries_.push_back(std::move(entry));
  }
}

std::uint32_t Gazetteer::child(std::uint32_t node, unsigned char byte) const {
  const auto& kids = trie_[node].children;
  auto it = std::lower_bound(kids.begin(), kids.end(), byte,
                             [](const auto& p, unsigned char b) { return p.first < b; });
  return (it != kids.end() && it->first == byte) ? it->second : kNoChild;
}

void Gazetteer::rebuild_index() {
  by_form_.clear();
  by_lower_form_.clear();
  trie_.assign(1, Node{});
  auto insert = [this](const std::string& form, std::size_t index) {
    // Aliases are unique across entries; where two collide, the later file wins.
    by_form_[form] = index;
    by_lower_form_[utf8_lower(form)] = index;
    std::uint32_t node = 0;
    for (unsigned char c : form) {
      std::uint32_t next = child(node, c);
      if (next == kNoChild) {
        next = static_cast<std::uint32_t>(trie_.size());
        trie_.emplace_back();
        auto& kids = trie_[node].children;
        auto pos = std::lower_bound(kids.begin(), kids.end(), c,
                                    [](const auto& p, unsigned char b) { return p.first < b; });
        kids.insert(pos, {c, next});
      }
      node = next;
    }
    trie_[node].entry = static_cast<std::int32_t>(index);
  };
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    insert(entries_[i].canonical, i);
    for (const auto& alias : entries_[i].aliases) insert(alias, i);
  }
}

std::vector<std::string> Gazetteer::find_actors(std::string_view text) const {
  std::vector<std::size_t> found;
  if (trie_.empty()) return {};
  for (std::size_t start = 0; start < text.size(); ++start) {
    auto c = static_cast<unsigned char>(text[start]);
    if (start > 0 && is_word_byte(static_cast<unsigned char>(text[start - 1]))) continue;
    if (c < 'A' && c < 0x80) continue;  // names start with a letter
    std::uint32_t node = 0;
    std::int32_t best = -1;
    std::size_t best_end = start;
    for (std::size_t i = start; i < text.size(); ++i) {
      node = child(node, static_cast<unsigned char>(text[i]));
      if (node == kNoChild) break;
      if (trie_[node].entry >= 0) {
        bool boundary_after = i + 1 == text.size() || !is_word_byte(static_cast<unsigned char>(text[i + 1])) ||
                              !is_word_byte(static_cast<unsigned char>(text[i]));
        if (boundary_after) {
          best = trie_[node].entry;
          best_end = i + 1;
        }
      }
    }
    if (best >= 0) {
      found.push_back(static_cast<std::size_t>(best));
      start = best_end - 1;
    }
  }
  std::vector<std::string> names;
  names.reserve(found.size());
  for (auto i : found) names.push_back(entries_[i].canonical);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::optional<std::string> Gazetteer::canonical(std::string_view name) const {
  std::string key(trim(name));
  if (auto it = by_form_.find(key); it != by_form_.end()) return entries_[it->second].canonical;
  if (auto it = by_lower_form_.find(utf8_lower(key)); it != by_lower_form_.end())
    return entries_[it->second].canonical;
  return std::nullopt;
}

std::vector<std::string> Gazetteer::surface_forms(std::string_view canonical_name) const {
  auto it = by_canonical_.find(std::string(canonical_name));
  if (it == by_canonical_.end()) return {};
  const auto& e = entries_[it->second];
  std::vector<std::string> forms{e.canonical};
  forms.insert(forms.end(), e.aliases.begin(), e.aliases.end());
  return forms;
}

std::string Gazetteer::fingerprint() const {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  for (const auto& e : entries_) {
    mix(e.canonical);
    for (const auto& a : e.aliases) mix(a);
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace dossier

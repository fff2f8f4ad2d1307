#include "gazetteer.hpp"

#include "text.hpp"

#include <algorithm>
#include <array>
#include <iterator>
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

// Every surface form in one array, children chained as siblings, so building
// it is one allocation; the root, where every lookup starts, is a table.
class Gazetteer::Trie {
 public:
  explicit Trie(const std::vector<ActorEntry>& entries) {
    root_.fill(kNoChild);
    std::size_t bytes = 1;
    for (const auto& e : entries) {
      bytes += e.canonical.size();
      for (const auto& a : e.aliases) bytes += a.size();
    }
    nodes_.reserve(bytes);
    nodes_.emplace_back();
    // Aliases are unique across entries; where two collide, the later one wins.
    for (std::size_t i = 0; i < entries.size(); ++i) {
      insert(entries[i].canonical, i);
      for (const auto& alias : entries[i].aliases) insert(alias, i);
    }
  }

  std::uint32_t child(std::uint32_t node, unsigned char byte) const {
    if (node == 0) return root_[byte];
    for (std::uint32_t c = nodes_[node].first_child; c != kNoChild; c = nodes_[c].next_sibling)
      if (nodes_[c].byte == byte) return c;
    return kNoChild;
  }
  std::int32_t entry(std::uint32_t node) const { return nodes_[node].entry; }

 private:
  struct Node {
    std::uint32_t first_child = kNoChild;
    std::uint32_t next_sibling = kNoChild;
    std::int32_t entry = -1;  // index into entries_ when a name ends here
    unsigned char byte = 0;
  };

  void insert(const std::string& form, std::size_t index) {
    std::uint32_t node = 0;
    for (unsigned char c : form) {
      std::uint32_t next = child(node, c);
      if (next == kNoChild) {
        next = static_cast<std::uint32_t>(nodes_.size());
        Node added;
        added.byte = c;
        if (node == 0) {
          root_[c] = next;
        } else {
          added.next_sibling = nodes_[node].first_child;
          nodes_[node].first_child = next;
        }
        nodes_.push_back(added);
      }
      node = next;
    }
    nodes_[node].entry = static_cast<std::int32_t>(index);
  }

  std::vector<Node> nodes_;
  std::array<std::uint32_t, 256> root_{};
};

Gazetteer::Gazetteer() : trie_once_(std::make_unique<std::once_flag>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

// A copy gets its own trie, built when first needed.
Gazetteer::Gazetteer(const Gazetteer& other)
    : entries_(other.entries_),
      by_canonical_(other.by_canonical_),
      forms_text_(other.forms_text_),
      exact_forms_(other.exact_forms_),
      lower_forms_(other.lower_forms_),
      trie_once_(std::make_unique<std::once_flag>()) {}

Gazetteer& Gazetteer::operator=(const Gazetteer& other) {
  if (this != &other) *this = Gazetteer(other);
  return *this;
}

const Gazetteer::Trie& Gazetteer::trie() const {
  std::call_once(*trie_once_, [this] { trie_ = std::make_unique<Trie>(entries_); });
  return *trie_;
}

void Gazetteer::rebuild_index() {
  forms_text_.clear();
  exact_forms_.clear();
  lower_forms_.clear();
  auto add = [this](std::vector<Form>& into, std::string_view form, std::size_t entry) {
    into.push_back({static_cast<std::uint32_t>(forms_text_.size()), static_cast<std::uint32_t>(form.size()),
                    static_cast<std::uint32_t>(entry)});
    forms_text_.append(form);
  };
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    for (std::size_t k = 0; k <= entries_[i].aliases.size(); ++k) {
      const std::string& form = k == 0 ? entries_[i].canonical : entries_[i].aliases[k - 1];
      add(exact_forms_, form, i);
      add(lower_forms_, utf8_lower(form), i);
    }
  }
  // Stable, so that among equal forms the one added last (the later entry) is last.
  auto by_text = [this](const Form& a, const Form& b) {
    return std::string_view(forms_text_).substr(a.offset, a.length) <
           std::string_view(forms_text_).substr(b.offset, b.length);
  };
  std::stable_sort(exact_forms_.begin(), exact_forms_.end(), by_text);
  std::stable_sort(lower_forms_.begin(), lower_forms_.end(), by_text);
  trie_.reset();
  trie_once_ = std::make_unique<std::once_flag>();
}

std::optional<std::size_t> Gazetteer::find_form(const std::vector<Form>& forms, std::string_view key) const {
  auto text = [this](const Form& f) { return std::string_view(forms_text_).substr(f.offset, f.length); };
  auto it = std::upper_bound(forms.begin(), forms.end(), key,
                             [&](std::string_view k, const Form& f) { return k < text(f); });
  if (it == forms.begin() || text(*std::prev(it)) != key) return std::nullopt;
  return std::prev(it)->entry;  // the last of equal forms: the later entry wins
}

std::vector<std::string> Gazetteer::find_actors(std::string_view text) const {
  std::vector<std::size_t> found;
  if (entries_.empty()) return {};
  const Trie& matcher = trie();
  for (std::size_t start = 0; start < text.size(); ++start) {
    auto c = static_cast<unsigned char>(text[start]);
    if (start > 0 && is_word_byte(static_cast<unsigned char>(text[start - 1]))) continue;
    if (c < 'A' && c < 0x80) continue;  // names start with a letter
    std::uint32_t node = 0;
    std::int32_t best = -1;
    std::size_t best_end = start;
    for (std::size_t i = start; i < text.size(); ++i) {
      node = matcher.child(node, static_cast<unsigned char>(text[i]));
      if (node == kNoChild) break;
      if (matcher.entry(node) >= 0) {
        bool boundary_after = i + 1 == text.size() || !is_word_byte(static_cast<unsigned char>(text[i + 1])) ||
                              !is_word_byte(static_cast<unsigned char>(text[i]));
        if (boundary_after) {
          best = matcher.entry(node);
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
  std::string_view key = trim(name);
  if (auto i = find_form(exact_forms_, key)) return entries_[*i].canonical;
  if (auto i = find_form(lower_forms_, utf8_lower(key))) return entries_[*i].canonical;
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

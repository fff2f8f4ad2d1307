#include "gazetteer.hpp"

#include "text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>
#include <utility>

namespace dossier {
namespace {

constexpr std::uint32_t kNoChild = 0;  // node 0 is the root, never anyone's child

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer instance(kBuiltinGazetteerTables);
  return instance;
}

std::vector<std::string> Gazetteer::add_tsv(std::string_view tsv) {
  std::vector<ActorEntry> entries = gazetteer_entries(tables_);
  auto problems = parse_gazetteer_tsv(tsv, entries);
  auto owned = std::make_unique<const GazetteerTables>(build_gazetteer_tables(entries));
  tables_ = owned->view();
  owned_ = std::move(owned);
  trie_.reset();
  trie_once_ = std::make_unique<std::once_flag>();
  return problems;
}

// Every surface form in one array, children chained as siblings, so building
// it is one allocation; the root, where every lookup starts, is a table.
class Gazetteer::Trie {
 public:
  explicit Trie(const GazetteerView& tables) {
    root_.fill(kNoChild);
    std::size_t bytes = 1;  // no more nodes than form bytes, plus the root
    for (const GazetteerForm& f : tables.forms) bytes += f.length;
    nodes_.reserve(bytes);
    nodes_.emplace_back();
    // Aliases are unique across entries; where two collide, the later one wins.
    for (std::size_t i = 0; i < tables.entries.size; ++i) {
      const GazetteerRow& row = tables.entries[i];
      for (std::uint32_t k = 0; k < row.form_count; ++k) insert(tables.form_text(tables.forms[row.first_form + k]), i);
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
    std::int32_t entry = -1;  // index into the entries when a name ends here
    unsigned char byte = 0;
  };

  void insert(std::string_view form, std::size_t index) {
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
Gazetteer::Gazetteer(const GazetteerView& static_tables)
    : tables_(static_tables), trie_once_(std::make_unique<std::once_flag>()) {}
Gazetteer::~Gazetteer() = default;

// The moved-from gazetteer is left empty, not viewing tables it no longer owns.
Gazetteer::Gazetteer(Gazetteer&& other) noexcept
    : owned_(std::move(other.owned_)),
      tables_(std::exchange(other.tables_, GazetteerView{})),
      trie_(std::move(other.trie_)),
      trie_once_(std::move(other.trie_once_)) {}

Gazetteer& Gazetteer::operator=(Gazetteer&& other) noexcept {
  if (this != &other) {
    owned_ = std::move(other.owned_);
    tables_ = std::exchange(other.tables_, GazetteerView{});
    trie_ = std::move(other.trie_);
    trie_once_ = std::move(other.trie_once_);
  }
  return *this;
}

// A copy of static tables views them too; owned tables are copied. Either way
// the copy gets its own trie, built when first needed.
Gazetteer::Gazetteer(const Gazetteer& other)
    : owned_(other.owned_ ? std::make_unique<const GazetteerTables>(*other.owned_) : nullptr),
      tables_(owned_ ? owned_->view() : other.tables_),
      trie_once_(std::make_unique<std::once_flag>()) {}

Gazetteer& Gazetteer::operator=(const Gazetteer& other) {
  if (this != &other) *this = Gazetteer(other);
  return *this;
}

const Gazetteer::Trie& Gazetteer::trie() const {
  std::call_once(*trie_once_, [this] { trie_ = std::make_unique<Trie>(tables_); });
  return *trie_;
}

std::optional<std::size_t> Gazetteer::find_form(TableSpan<GazetteerForm> forms, std::string_view key) const {
  auto it = std::upper_bound(forms.begin(), forms.end(), key,
                             [this](std::string_view k, const GazetteerForm& f) { return k < tables_.form_text(f); });
  if (it == forms.begin() || tables_.form_text(*std::prev(it)) != key) return std::nullopt;
  return std::prev(it)->entry;  // the last of equal forms: the later entry wins
}

std::vector<std::string> Gazetteer::find_actors(std::string_view text) const {
  std::vector<std::size_t> found;
  if (tables_.entries.size == 0) return {};
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
  for (auto i : found) names.emplace_back(tables_.canonical(i));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::optional<std::string> Gazetteer::canonical(std::string_view name) const {
  std::string_view key = trim(name);
  if (auto i = find_form(tables_.exact, key)) return std::string(tables_.canonical(*i));
  if (auto i = find_form(tables_.lower, utf8_lower(key))) return std::string(tables_.canonical(*i));
  return std::nullopt;
}

std::vector<std::string> Gazetteer::surface_forms(std::string_view canonical_name) const {
  const auto& index = tables_.by_canonical;
  auto it = std::lower_bound(index.begin(), index.end(), canonical_name,
                             [this](std::uint32_t e, std::string_view k) { return tables_.canonical(e) < k; });
  if (it == index.end() || tables_.canonical(*it) != canonical_name) return {};
  const GazetteerRow& row = tables_.entries[*it];
  std::vector<std::string> forms;
  forms.reserve(row.form_count);
  for (std::uint32_t k = 0; k < row.form_count; ++k)
    forms.emplace_back(tables_.form_text(tables_.forms[row.first_form + k]));
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
  // Every entry's canonical name, then its aliases, in entry order: the forms table's order.
  for (const GazetteerForm& f : tables_.forms) mix(tables_.form_text(f));
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace dossier

#pragma once
// Names of people, organisations and countries, and the aliases that point to
// them ("DPRK" -> North Korea). Finds them in text in one pass.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier {

enum class ActorType { country, organisation, person, unknown };

struct ActorEntry {
  std::string canonical;
  ActorType type = ActorType::unknown;
  std::vector<std::string> aliases;
};

class Gazetteer {
 public:
  // The gazetteer shipped with dossier (common/data/gazetteer.tsv, built in).
  static const Gazetteer& builtin();

  Gazetteer();
  Gazetteer(const Gazetteer& other);
  Gazetteer& operator=(const Gazetteer& other);
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();

  // Parses TSV lines "canonical<TAB>type<TAB>alias|alias"; later entries with
  // the same canonical name replace earlier ones. Returns the problems found
  // (line number and reason); good lines are kept.
  std::vector<std::string> add_tsv(std::string_view tsv);

  // Canonical names of the actors named in `text`, sorted and unique.
  // Longest match wins; matches are whole words and case-sensitive.
  // Safe to call from several threads at once.
  [[nodiscard]] std::vector<std::string> find_actors(std::string_view text) const;
  // The canonical name for a name or alias, matched exactly, then ignoring case.
  [[nodiscard]] std::optional<std::string> canonical(std::string_view name) const;
  // Every surface form (canonical name and aliases) of a canonical actor.
  [[nodiscard]] std::vector<std::string> surface_forms(std::string_view canonical) const;
  // True when `name` is known, as a canonical name or an alias.
  [[nodiscard]] bool knows(std::string_view name) const { return canonical(name).has_value(); }

  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  // A stable fingerprint of the contents; a change means actors need re-extracting.
  [[nodiscard]] std::string fingerprint() const;

 private:
  // A surface form as a slice of forms_text_, and the entry it names.
  struct Form {
    std::uint32_t offset = 0, length = 0, entry = 0;
  };
  class Trie;

  void add_entry(ActorEntry entry);
  void rebuild_index();
  std::optional<std::size_t> find_form(const std::vector<Form>& forms, std::string_view key) const;
  const Trie& trie() const;

  std::vector<ActorEntry> entries_;
  std::unordered_map<std::string, std::size_t> by_canonical_;
  // Exact and lower-cased surface forms, sorted, in one text buffer: a whole-
  // process search looks up a few names, and building maps of every form
  // (thousands of small allocations, each page first touched) cost more than
  // the search.
  std::string forms_text_;
  std::vector<Form> exact_forms_, lower_forms_;
  // The matching trie is built on the first find_actors (the indexer); the
  // searcher never needs it.
  mutable std::unique_ptr<Trie> trie_;
  mutable std::unique_ptr<std::once_flag> trie_once_;
};

ActorType actor_type_from_string(std::string_view s);

}  // namespace dossier

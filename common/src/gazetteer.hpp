#pragma once
// Names of people, organisations and countries, and the aliases that point to
// them ("DPRK" -> North Korea). Finds them in text in one pass.

#include <cstdint>
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

  Gazetteer() = default;
  // Parses TSV lines "canonical<TAB>type<TAB>alias|alias"; later entries with
  // the same canonical name replace earlier ones. Returns the problems found
  // (line number and reason); good lines are kept.
  std::vector<std::string> add_tsv(std::string_view tsv);

  // Canonical names of the actors named in `text`, sorted and unique.
  // Longest match wins; matches are whole words and case-sensitive.
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
  struct Node {
    std::vector<std::pair<unsigned char, std::uint32_t>> children;  // sorted by byte
    std::int32_t entry = -1;  // index into entries_ when a name ends here
  };
  void add_entry(ActorEntry entry);
  void rebuild_index();
  std::uint32_t child(std::uint32_t node, unsigned char byte) const;

  std::vector<ActorEntry> entries_;
  std::unordered_map<std::string, std::size_t> by_canonical_;
  std::unordered_map<std::string, std::size_t> by_form_;        // exact surface form
  std::unordered_map<std::string, std::size_t> by_lower_form_;  // lower-cased surface form
  std::vector<Node> trie_;
};

ActorType actor_type_from_string(std::string_view s);

}  // namespace dossier

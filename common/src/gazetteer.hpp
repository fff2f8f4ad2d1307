#pragma once
// Names of people, organisations and countries, and the aliases that point to
// them ("DPRK" -> North Korea). Finds them in text in one pass.

#include "gazetteer_entries.hpp"
#include "gazetteer_tables.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

class Gazetteer {
 public:
  // The gazetteer shipped with dossier (common/data/gazetteer.tsv), compiled at
  // build time into static tables: getting it parses and allocates nothing.
  static const Gazetteer& builtin();

  Gazetteer();
  Gazetteer(const Gazetteer& other);
  Gazetteer& operator=(const Gazetteer& other);
  Gazetteer(Gazetteer&& other) noexcept;
  Gazetteer& operator=(Gazetteer&& other) noexcept;
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

  [[nodiscard]] std::size_t size() const { return tables_.entries.size; }
  // A stable fingerprint of the contents; a change means actors need re-extracting.
  [[nodiscard]] std::string fingerprint() const;

 private:
  class Trie;

  // Wraps static tables (the built-in gazetteer) without copying them.
  explicit Gazetteer(const GazetteerView& static_tables);

  std::optional<std::size_t> find_form(TableSpan<GazetteerForm> forms, std::string_view key) const;
  const Trie& trie() const;

  // Set once add_tsv has run; null while tables_ views static data (the built-in
  // gazetteer, and copies of it), which then needs no copying. Behind a pointer,
  // so that moving the gazetteer leaves tables_ pointing at the same buffers.
  std::unique_ptr<const GazetteerTables> owned_;
  GazetteerView tables_;
  // The matching trie is built on the first find_actors (the indexer); the
  // searcher never needs it.
  mutable std::unique_ptr<Trie> trie_;
  mutable std::unique_ptr<std::once_flag> trie_once_;
};

}  // namespace dossier

#pragma once
// Gazetteer entries as the TSV spells them, and the TSV parser. Shared by the
// library (user gazetteers, --actors) and by the build-time tool that compiles
// the built-in gazetteer into static tables, so both read the TSV the same way.

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

enum class ActorType { country, organisation, person, unknown };

struct ActorEntry {
  std::string canonical;
  ActorType type = ActorType::unknown;
  std::vector<std::string> aliases;
};

ActorType actor_type_from_string(std::string_view s);

// Parses TSV lines "canonical<TAB>type<TAB>alias|alias" into `entries`; an entry
// with the canonical name of one already there replaces it in place, others are
// appended. Returns the problems found (line number and reason); good lines are kept.
std::vector<std::string> parse_gazetteer_tsv(std::string_view tsv, std::vector<ActorEntry>& entries);

}  // namespace dossier

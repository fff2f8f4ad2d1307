#pragma once
// "Did you mean": corrections from the index's own vocabulary, without
// Xapian's spelling tables (which remote shards do not offer).

#include "gazetteer.hpp"

#include <xapian.h>

#include <optional>
#include <string>

namespace dossier {

// The query with each word the index does not know (neither as written nor
// by its stem) replaced by the commonest indexed word within edit distance 1
// (words of up to 4 letters) or 2, preferring the same first letter; field
// values, operators, wildcards and known actor names are left alone.
// nullopt when nothing needs or admits correcting.
std::optional<std::string> suggest_spelling(const Xapian::Database& db, const std::string& query,
                                            const Xapian::Stem& stemmer, const Gazetteer& gazetteer);

// Damerau-Levenshtein (optimal string alignment) distance, or max + 1 when larger than `max`.
std::size_t edit_distance(const std::string& a, const std::string& b, std::size_t max);

}  // namespace dossier

#pragma once
// ISO 3166-1 alpha-3 country codes (common/data/country_codes.tsv, built in).
// Looked up only where a value is known to be a code (a path's {country}, a
// declared actor), never in running text, where "AND" or "CAN" are words.

#include <optional>
#include <string>
#include <string_view>

namespace dossier {

// The country name for a code ("UKR" -> "Ukraine"), any case; nullopt when unknown.
std::optional<std::string> country_for_code(std::string_view code);

}  // namespace dossier

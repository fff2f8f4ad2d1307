#pragma once
// Results as JSON (schema version 1; see README "JSON output").

#include <dossier/searcher.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace dossier::cli {

nlohmann::json hit_to_json(const Hit& hit);
nlohmann::json results_to_json(const SearchResults& results);
// Always valid UTF-8: invalid bytes become U+FFFD.
std::string dump_json(const nlohmann::json& j, int indent = -1);

}  // namespace dossier::cli

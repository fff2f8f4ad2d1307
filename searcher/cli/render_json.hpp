#pragma once
// Results as JSON (schema version 1; see README "JSON output").

#include <dossier/searcher.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace dossier::cli {

nlohmann::json hit_to_json(const Hit& hit);
nlohmann::json results_to_json(const SearchResults& results);
// JSON Lines: one object a hit (the hit's keys plus "query", and "name" for watch lists).
void render_jsonl(std::ostream& out, const SearchResults& results, const std::string& name = "");
// TREC run lines "qid Q0 docid rank score dossier"; scores strictly decrease with
// rank, so evaluation tools that sort by score keep dossier's order.
void render_trec(std::ostream& out, const SearchResults& results, const std::string& qid);
// Always valid UTF-8: invalid bytes become U+FFFD.
std::string dump_json(const nlohmann::json& j, int indent = -1);

}  // namespace dossier::cli

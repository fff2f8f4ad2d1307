#include "render_json.hpp"

namespace dossier::cli {

nlohmann::json hit_to_json(const Hit& hit) {
  const Article& a = hit.article;
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& s : hit.snippet.highlights) highlights.push_back({{"start", s.start}, {"end", s.end}});
  nlohmann::json fields_from = nlohmann::json::object();
  for (const auto& [field, origin] : a.origins) fields_from[field] = to_string(origin);
  return {{"rank", hit.rank},
          {"id", a.id},
          {"path", a.path},
          {"url", a.url},
          {"title", a.title},
          {"source", a.source},
          {"date", a.date},
          {"actors", a.actors},
          {"format", a.format},
          {"score", hit.score},
          {"copies", hit.copies},
          {"fields_from", fields_from},
          {"snippet", {{"text", hit.snippet.text}, {"highlights", highlights}}}};
}

nlohmann::json results_to_json(const SearchResults& r) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : r.hits) hits.push_back(hit_to_json(h));
  nlohmann::json j = {{"version", 1}, {"query", r.query}, {"total", r.total}, {"total_exact", r.total_exact},
                      {"hits", hits}};
  if (r.suggestion) j["suggestion"] = *r.suggestion;
  if (!r.facets.empty()) j["facets"] = r.facets;
  if (!r.notices.empty()) j["notices"] = r.notices;
  return j;
}

std::string dump_json(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dossier::cli

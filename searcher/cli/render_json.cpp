#include "render_json.hpp"

#include <cstdio>

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
          {"related", hit.related},
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
  if (r.partial) {  // only then, so whole answers keep their exact v1 shape
    j["partial"] = true;
    j["missing_shards"] = r.missing_shards;
  }
  return j;
}

void render_jsonl(std::ostream& out, const SearchResults& r, const std::string& name) {
  for (const auto& h : r.hits) {
    nlohmann::json j = hit_to_json(h);
    j["query"] = r.query;
    if (!name.empty()) j["name"] = name;
    out << dump_json(j) << "\n";
  }
}

namespace {
// TREC fields are separated by spaces: none may contain one.
std::string trec_field(const std::string& s) {
  std::string out;
  for (char c : s) out += (static_cast<unsigned char>(c) <= ' ') ? '_' : c;
  return out.empty() ? "_" : out;
}
}  // namespace

void render_trec(std::ostream& out, const SearchResults& r, const std::string& qid) {
  double previous = 0;
  char score[64];
  for (std::size_t i = 0; i < r.hits.size(); ++i) {
    const Hit& h = r.hits[i];
    double s = h.score;
    if (i > 0 && s >= previous) s = previous - 1e-6;
    previous = s;
    std::snprintf(score, sizeof score, "%.8f", s);
    out << trec_field(qid) << " Q0 " << trec_field(h.article.id) << " " << h.rank << " " << score << " dossier\n";
  }
}

std::string dump_json(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dossier::cli

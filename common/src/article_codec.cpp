#include "article_codec.hpp"

#include <dossier/errors.hpp>

#include <nlohmann/json.hpp>

namespace dossier {

FieldOrigin origin_from_string(std::string_view s) {
  for (auto o : {FieldOrigin::declared, FieldOrigin::text, FieldOrigin::path, FieldOrigin::file_time,
                 FieldOrigin::run})
    if (s == to_string(o)) return o;
  return FieldOrigin::none;
}

std::string encode_article(const Article& a, const ArticleExtras& extras) {
  nlohmann::json origins = nlohmann::json::object();
  for (const auto& [field, origin] : a.origins) origins[field] = to_string(origin);
  nlohmann::json j = {{"id", a.id},         {"path", a.path},     {"url", a.url},
                      {"title", a.title},   {"source", a.source}, {"date", a.date},
                      {"actors", a.actors}, {"format", a.format}, {"origins", origins}};
  // Internal keys start with '_': the searcher never shows them.
  if (!extras.declared_actors.empty()) j["_declared_actors"] = extras.declared_actors;
  if (!extras.actor_context.empty()) j["_actor_context"] = extras.actor_context;
  // The text follows the one-line JSON header unescaped: a search decodes ten
  // hits' data per query, and parsing kilobytes of escaped JSON text was most
  // of that cost. A compact dump never contains a raw newline.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" + a.text;
}

namespace {

// The JSON header and the text after it.
std::pair<std::string_view, std::string_view> split_data(std::string_view data) {
  std::size_t nl = data.find('\n');
  if (nl == std::string_view::npos) return {data, {}};
  return {data.substr(0, nl), data.substr(nl + 1)};
}

}  // namespace

Article decode_article(std::string_view data) {
  auto [header, text] = split_data(data);
  auto j = nlohmann::json::parse(header, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw DatabaseError("a document in the index has unreadable data");
  Article a;
  auto get = [&j](const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; };
  a.id = get("id");
  a.path = get("path");
  a.url = get("url");
  a.title = get("title");
  a.source = get("source");
  a.date = get("date");
  a.format = get("format");
  a.text = std::string(text);
  if (j.contains("actors") && j["actors"].is_array())
    for (const auto& x : j["actors"])
      if (x.is_string()) a.actors.push_back(x.get<std::string>());
  if (j.contains("origins") && j["origins"].is_object())
    for (const auto& [k, v] : j["origins"].items())
      if (v.is_string()) a.origins[k] = origin_from_string(v.get<std::string>());
  return a;
}

ArticleExtras decode_article_extras(std::string_view data) {
  ArticleExtras extras;
  auto j = nlohmann::json::parse(split_data(data).first, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return extras;
  if (auto it = j.find("_declared_actors"); it != j.end() && it->is_array())
    for (const auto& x : *it)
      if (x.is_string()) extras.declared_actors.push_back(x.get<std::string>());
  if (auto it = j.find("_actor_context"); it != j.end() && it->is_string())
    extras.actor_context = it->get<std::string>();
  return extras;
}

}  // namespace dossier

#include "article_codec.hpp"

#include <dossier/errors.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace dossier {

FieldOrigin origin_from_string(std::string_view s) {
  for (auto o : {FieldOrigin::declared, FieldOrigin::text, FieldOrigin::path, FieldOrigin::file_time,
                 FieldOrigin::run})
    if (s == to_string(o)) return o;
  return FieldOrigin::none;
}

namespace {

// The header is stored with every document, and on a corpus of short reports
// (Reuters: ~900 bytes of text) its ~400 bytes were a third of the stored data.
// So it is written compactly: one-letter keys, empty fields left out, the id
// only when it is not the path, origins as letter pairs, declared actors that
// are also resolved actors as their index there. Headers written before
// (long keys, every field) are still read: a compact header never has "path".
//
// Compact keys: i id, p path, u url, t title, s source, d date, a actors,
// f format, o origins (pairs of field and origin letters, e.g. "tdsd"),
// O origins as an object (field or origin names without a letter), _d declared
// actors (an integer is an index into a), _c actor context.
constexpr std::pair<char, std::string_view> kOriginFields[] = {
    {'t', "title"}, {'s', "source"}, {'d', "date"}, {'a', "actors"}};
constexpr std::pair<char, FieldOrigin> kOriginLetters[] = {
    {'n', FieldOrigin::none}, {'d', FieldOrigin::declared}, {'t', FieldOrigin::text},
    {'p', FieldOrigin::path}, {'f', FieldOrigin::file_time}, {'r', FieldOrigin::run}};

char field_letter(std::string_view field) {
  for (const auto& [letter, name] : kOriginFields)
    if (name == field) return letter;
  return 0;
}

char origin_letter(FieldOrigin origin) {
  for (const auto& [letter, o] : kOriginLetters)
    if (o == origin) return letter;
  return 0;
}

// The origins as letter pairs, or nothing when one has no letter.
std::optional<std::string> origin_pairs(const std::map<std::string, FieldOrigin>& origins) {
  std::string pairs;
  for (const auto& [field, origin] : origins) {
    char f = field_letter(field), o = origin_letter(origin);
    if (!f || !o) return std::nullopt;
    pairs += f;
    pairs += o;
  }
  return pairs;
}

void read_origin_pairs(std::string_view pairs, std::map<std::string, FieldOrigin>& origins) {
  for (std::size_t i = 0; i + 1 < pairs.size(); i += 2) {
    std::string_view field;
    for (const auto& [letter, name] : kOriginFields)
      if (letter == pairs[i]) field = name;
    FieldOrigin origin = FieldOrigin::none;
    for (const auto& [letter, o] : kOriginLetters)
      if (letter == pairs[i + 1]) origin = o;
    if (!field.empty()) origins[std::string(field)] = origin;
  }
}

bool is_compact(const nlohmann::json& j) { return !j.contains("path"); }

// The article's fields under each header form's keys.
struct HeaderKeys {
  const char *id, *path, *url, *title, *source, *date, *format, *actors, *origins;
};
constexpr HeaderKeys kCompactKeys{"i", "p", "u", "t", "s", "d", "f", "a", "O"};
constexpr HeaderKeys kLongKeys{"id", "path", "url", "title", "source", "date", "format", "actors", "origins"};

std::string string_at(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings_at(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it != j.end() && it->is_array())
    for (const auto& x : *it)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

// The JSON header and the text after it.
std::pair<std::string_view, std::string_view> split_data(std::string_view data) {
  std::size_t nl = data.find('\n');
  if (nl == std::string_view::npos) return {data, {}};
  return {data.substr(0, nl), data.substr(nl + 1)};
}

}  // namespace

std::string encode_article(const Article& a, const ArticleExtras& extras) {
  nlohmann::json j = nlohmann::json::object();
  auto put = [&j](const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
  };
  // An empty id is written, so that it is not read back as the path.
  if (a.id != a.path || a.id.empty()) j[kCompactKeys.id] = a.id;
  put(kCompactKeys.path, a.path);
  put(kCompactKeys.url, a.url);
  put(kCompactKeys.title, a.title);
  put(kCompactKeys.source, a.source);
  put(kCompactKeys.date, a.date);
  if (!a.actors.empty()) j[kCompactKeys.actors] = a.actors;
  put(kCompactKeys.format, a.format);
  if (auto pairs = origin_pairs(a.origins)) {
    put("o", *pairs);
  } else {
    nlohmann::json origins = nlohmann::json::object();
    for (const auto& [field, origin] : a.origins) origins[field] = to_string(origin);
    j[kCompactKeys.origins] = origins;
  }
  // Internal keys start with '_': the searcher never shows them.
  if (!extras.declared_actors.empty()) {
    nlohmann::json declared = nlohmann::json::array();
    for (const auto& actor : extras.declared_actors) {
      auto it = std::find(a.actors.begin(), a.actors.end(), actor);
      if (it != a.actors.end()) declared.push_back(it - a.actors.begin());
      else declared.push_back(actor);
    }
    j["_d"] = declared;
  }
  put("_c", extras.actor_context);
  // The text follows the one-line JSON header unescaped: a search decodes ten
  // hits' data per query, and parsing kilobytes of escaped JSON text was most
  // of that cost. A compact dump never contains a raw newline.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" + a.text;
}

Article decode_article(std::string_view data) {
  auto [header, text] = split_data(data);
  auto j = nlohmann::json::parse(header, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw DatabaseError("a document in the index has unreadable data");
  const bool compact = is_compact(j);
  const HeaderKeys& k = compact ? kCompactKeys : kLongKeys;
  Article a;
  a.text = std::string(text);
  a.path = string_at(j, k.path);
  a.id = compact && !j.contains(k.id) ? a.path : string_at(j, k.id);  // compact: left out when it is the path
  a.url = string_at(j, k.url);
  a.title = string_at(j, k.title);
  a.source = string_at(j, k.source);
  a.date = string_at(j, k.date);
  a.format = string_at(j, k.format);
  a.actors = strings_at(j, k.actors);
  if (compact) read_origin_pairs(string_at(j, "o"), a.origins);
  if (auto it = j.find(k.origins); it != j.end() && it->is_object())
    for (const auto& [field, v] : it->items())
      if (v.is_string()) a.origins[field] = origin_from_string(v.get<std::string>());
  return a;
}

ArticleExtras decode_article_extras(std::string_view data) {
  ArticleExtras extras;
  auto j = nlohmann::json::parse(split_data(data).first, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return extras;
  if (!is_compact(j)) {
    extras.declared_actors = strings_at(j, "_declared_actors");
    extras.actor_context = string_at(j, "_actor_context");
    return extras;
  }
  std::vector<std::string> actors = strings_at(j, kCompactKeys.actors);
  if (auto it = j.find("_d"); it != j.end() && it->is_array())
    for (const auto& x : *it) {
      if (x.is_string()) extras.declared_actors.push_back(x.get<std::string>());
      else if (x.is_number_unsigned() && x.get<std::size_t>() < actors.size())
        extras.declared_actors.push_back(actors[x.get<std::size_t>()]);
    }
  extras.actor_context = string_at(j, "_c");
  return extras;
}

}  // namespace dossier

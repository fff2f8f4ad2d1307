#include "article_codec.hpp"

#include "article_header.hpp"

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

bool is_compact(const HeaderFields& h) { return !h.contains("path"); }

// The article's fields under each header form's keys.
struct HeaderKeys {
  const char *id, *path, *url, *title, *source, *date, *format, *actors, *origins;
};
constexpr HeaderKeys kCompactKeys{"i", "p", "u", "t", "s", "d", "f", "a", "O"};
constexpr HeaderKeys kLongKeys{"id", "path", "url", "title", "source", "date", "format", "actors", "origins"};

// The value is moved out: each key is read once, and a search decodes every hit.
std::string string_at(HeaderFields& h, const char* key) {
  HeaderValue* v = h.slot(key);
  return v && v->type == HeaderValue::Type::string ? std::move(v->text) : std::string();
}

std::vector<std::string> strings_at(HeaderFields& h, const char* key) {
  std::vector<std::string> out;
  HeaderValue* v = h.slot(key);
  if (v && v->type == HeaderValue::Type::array) {
    out.reserve(v->items.size());
    for (auto& x : v->items)
      if (x.type == HeaderItem::Type::string) out.push_back(std::move(x.text));
  }
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
  auto h = read_header(header);
  if (!h) throw DatabaseError("a document in the index has unreadable data");
  const bool compact = is_compact(*h);
  const HeaderKeys& k = compact ? kCompactKeys : kLongKeys;
  Article a;
  a.text = std::string(text);
  a.path = string_at(*h, k.path);
  a.id = compact && !h->contains(k.id) ? a.path : string_at(*h, k.id);  // compact: left out when it is the path
  a.url = string_at(*h, k.url);
  a.title = string_at(*h, k.title);
  a.source = string_at(*h, k.source);
  a.date = string_at(*h, k.date);
  a.format = string_at(*h, k.format);
  a.actors = strings_at(*h, k.actors);
  if (compact) read_origin_pairs(string_at(*h, "o"), a.origins);
  // After the letter pairs, as before: a named origin overrides a pair.
  if (const HeaderValue& v = h->at(k.origins); v.type == HeaderValue::Type::object)
    for (const auto& member : v.items)
      if (member.type == HeaderItem::Type::string) a.origins[member.key] = origin_from_string(member.text);
  return a;
}

ArticleExtras decode_article_extras(std::string_view data) {
  ArticleExtras extras;
  auto h = read_header(split_data(data).first);
  if (!h) return extras;
  if (!is_compact(*h)) {
    extras.declared_actors = strings_at(*h, "_declared_actors");
    extras.actor_context = string_at(*h, "_actor_context");
    return extras;
  }
  std::vector<std::string> actors = strings_at(*h, kCompactKeys.actors);
  if (const HeaderValue& v = h->at("_d"); v.type == HeaderValue::Type::array)
    for (const auto& x : v.items) {
      if (x.type == HeaderItem::Type::string) extras.declared_actors.push_back(x.text);
      else if (x.type == HeaderItem::Type::unsigned_number && x.number < actors.size())
        extras.declared_actors.push_back(actors[x.number]);
    }
  extras.actor_context = string_at(*h, "_c");
  return extras;
}

}  // namespace dossier

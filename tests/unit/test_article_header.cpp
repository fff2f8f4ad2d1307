#include <catch2/catch.hpp>

#include "article_codec.hpp"
#include "article_header.hpp"

#include <dossier/errors.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace dossier;

// The header used to be read into a nlohmann::json tree. The direct reader must
// give exactly what that gave, so the tree decoding is kept here, as it was, to
// compare against.
namespace reference {

const std::pair<char, std::string_view> kOriginFields[] = {
    {'t', "title"}, {'s', "source"}, {'d', "date"}, {'a', "actors"}};
const std::pair<char, FieldOrigin> kOriginLetters[] = {
    {'n', FieldOrigin::none}, {'d', FieldOrigin::declared}, {'t', FieldOrigin::text},
    {'p', FieldOrigin::path}, {'f', FieldOrigin::file_time}, {'r', FieldOrigin::run}};

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

struct HeaderKeys {
  const char *id, *path, *url, *title, *source, *date, *format, *actors, *origins;
};
const HeaderKeys kCompactKeys{"i", "p", "u", "t", "s", "d", "f", "a", "O"};
const HeaderKeys kLongKeys{"id", "path", "url", "title", "source", "date", "format", "actors", "origins"};

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

std::pair<std::string_view, std::string_view> split_data(std::string_view data) {
  std::size_t nl = data.find('\n');
  if (nl == std::string_view::npos) return {data, {}};
  return {data.substr(0, nl), data.substr(nl + 1)};
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
  a.id = compact && !j.contains(k.id) ? a.path : string_at(j, k.id);
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

}  // namespace reference

namespace {

// What decoding some data gives: the article (or nothing when it throws) and the extras.
struct Decoded {
  std::optional<Article> article;
  ArticleExtras extras;
};

Decoded decode_now(const std::string& data) {
  Decoded d;
  try {
    d.article = decode_article(data);
  } catch (const DatabaseError&) {
  }
  d.extras = decode_article_extras(data);
  return d;
}

Decoded decode_before(const std::string& data) {
  Decoded d;
  try {
    d.article = reference::decode_article(data);
  } catch (const DatabaseError&) {
  }
  d.extras = reference::decode_article_extras(data);
  return d;
}

bool same(const Article& x, const Article& y) {
  return x.id == y.id && x.path == y.path && x.url == y.url && x.title == y.title && x.source == y.source &&
         x.date == y.date && x.actors == y.actors && x.format == y.format && x.text == y.text &&
         x.origins == y.origins;
}

bool same(const Decoded& x, const Decoded& y) {
  if (x.article.has_value() != y.article.has_value()) return false;
  if (x.article && !same(*x.article, *y.article)) return false;
  return x.extras.declared_actors == y.extras.declared_actors && x.extras.actor_context == y.extras.actor_context;
}

// Pieces of field values chosen to stress a JSON string reader.
const std::vector<std::string> kPieces = {
    "",
    "plain",
    "/data/reuters/reut2-000/00002.md",
    "quote\"d",
    "back\\slash",
    "\\u0041 not an escape",
    "slash/",
    std::string("nul\0byte", 8),
    "\x01\x1f controls \x7f",
    "\b\f\n\r\t",
    "C\xc3\xb4te d\xe2\x80\x99Ivoire",
    "\xe9\x80\x89\xe4\xb8\xbe",
    "\xf0\x9f\x98\x80 emoji",
    "\xef\xbf\xbd",
    "bad \xff byte",
    "cut \xc3",
    "\xc0\x80 overlong",
    "\xed\xa0\x80 surrogate",
    "\xf4\x90\x80\x80 too high",
    "\xe0\x80\xaf",
    "United States",
    "  spaced  ",
};

std::string random_value(std::mt19937& rng) {
  std::string s;
  int n = static_cast<int>(rng() % 4);
  for (int i = 0; i < n; ++i) s += kPieces[rng() % kPieces.size()];
  return s;
}

std::vector<std::string> random_list(std::mt19937& rng) {
  std::vector<std::string> out;
  int n = static_cast<int>(rng() % 4);
  for (int i = 0; i < n; ++i) out.push_back(random_value(rng));
  return out;
}

Article random_article(std::mt19937& rng) {
  Article a;
  a.path = random_value(rng);
  switch (rng() % 3) {
    case 0: a.id = a.path; break;
    case 1: a.id.clear(); break;
    default: a.id = random_value(rng);
  }
  a.url = random_value(rng);
  a.title = random_value(rng);
  a.source = random_value(rng);
  a.date = rng() % 2 ? "1987-02-26" : random_value(rng);
  a.actors = random_list(rng);
  a.format = rng() % 2 ? "md" : random_value(rng);
  a.text = random_value(rng) + "\n" + random_value(rng);
  const char* fields[] = {"title", "source", "date", "actors", "author", "t\"x"};
  const FieldOrigin origins[] = {FieldOrigin::none, FieldOrigin::declared, FieldOrigin::text,
                                 FieldOrigin::path, FieldOrigin::file_time, FieldOrigin::run};
  for (const char* field : fields)
    if (rng() % 2) a.origins[field] = origins[rng() % 6];
  return a;
}

ArticleExtras random_extras(std::mt19937& rng, const Article& a) {
  ArticleExtras extras;
  int n = static_cast<int>(rng() % 4);
  for (int i = 0; i < n; ++i) {
    // Declared actors that are resolved actors are written as their index.
    if (!a.actors.empty() && rng() % 2) extras.declared_actors.push_back(a.actors[rng() % a.actors.size()]);
    else extras.declared_actors.push_back(random_value(rng));
  }
  extras.actor_context = random_value(rng);
  return extras;
}

std::string header_of(const std::string& data) { return data.substr(0, data.find('\n')); }

}  // namespace

TEST_CASE("decoding gives what the JSON tree decoding gave, for varied articles", "[codec][header]") {
  std::mt19937 rng(20261130);
  int with_index = 0;
  for (int n = 0; n < 3000; ++n) {
    Article a = random_article(rng);
    ArticleExtras extras = random_extras(rng, a);
    std::string data = encode_article(a, extras);
    INFO("data: " << data);
    CHECK(same(decode_now(data), decode_before(data)));
    // Everything the encoder writes is read without the general parser, or there is no gain.
    CHECK(read_header_directly(header_of(data)).has_value());
    if (header_of(data).find("\"_d\":[0") != std::string::npos) ++with_index;
  }
  CHECK(with_index > 100);  // declared actors written as indexes were among them
}

TEST_CASE("hand-made headers decode as the JSON tree decoding did", "[codec][header]") {
  const std::vector<std::string> headers = {
      // The long form, as written before the compact header.
      R"({"_actor_context":"By Jane Roe","_declared_actors":["USA","Narnia"],"actors":["United Kingdom"],)"
      R"("date":"1987-02-26","format":"md","id":"x","origins":{"actors":"declared","title":"text"},)"
      R"("path":"/p","source":"Reuters","title":"T","url":""})",
      R"({"id":"rec-7","path":"","url":"http://x","origins":{}})",
      R"({"path":"/p","_d":[0],"a":["A"],"i":"compact keys in a long header"})",
      // Escapes, decoded as nlohmann did.
      R"({"t":"\"\\\/\b\f\n\r\t","s":"\u0041\u00e9\u20ac\uffff","d":"\ud83d\ude00\uDBFF\uDFFF","f":"\u0000"})",
      R"({"p\u0061th":"/escaped key","t":"x"})",
      R"({"t":"\u00E9\u00e9"})",
      // Whitespace where JSON allows it.
      " \t\r{ \"t\" : \"x\" , \"a\" : [ \"A\" , \"B\" ] , \"_d\" : [ 1 , 0 ] , \"O\" : { \"title\" : \"run\" } } \t",
      // Repeated keys: the last one wins, whatever its type.
      R"({"t":"first","t":"second"})",
      R"({"t":"first","t":5})",
      R"({"a":["A"],"a":"not a list","_d":[0]})",
      R"({"O":{"title":"text"},"O":{"date":"path"}})",
      R"({"O":{"title":"text","title":"path"},"o":"tdsd"})",
      R"({"O":{"title":"text","title":7}})",
      // Values of types the decoder skips.
      R"({"t":null,"s":true,"d":false,"f":1.5,"u":-1,"p":{"x":"y"},"a":[null,"A",{"b":1},["c"]]})",
      R"({"O":{"title":1,"date":"declared","source":null,"actors":["x"]}})",
      R"({"O":["title"],"o":"tdxx","_c":["c"]})",
      R"({"extra":{"deep":[{"deeper":null}]},"t":"kept","zz":[1.5e3]})",
      // Declared actor indexes in every shape a number can take.
      R"({"a":["A","B"],"_d":[0,1,2,01]})",
      R"({"a":["A","B"],"_d":[1,-0,-1,1.0,1e0,1E0,0.5]})",
      R"({"a":["A","B"],"_d":[18446744073709551615,18446744073709551616,99999999999999999999,9999999999999999999]})",
      R"({"a":["A","B"],"_d":[00]})",
      R"({"a":["A","B"],"_d":[1,]})",
      // Malformed: the decoding throws and the extras are empty.
      "",
      "{",
      "}",
      "[]",
      "\"a string\"",
      "42",
      "null",
      R"({"t":"x",})",
      R"({"t":"x"} trailing)",
      R"({"t":"x"}{})",
      R"({"t":"x" "s":"y"})",
      R"({t:"x"})",
      R"({"t":'x'})",
      R"({"t":"\x"})",
      R"({"t":"\u12"})",
      R"({"t":"\u12G4"})",
      R"({"t":"\ud83d"})",
      R"({"t":"\ud83dx"})",
      R"({"t":"\ud83d\u0041"})",
      R"({"t":"\ude00\ud83d"})",
      R"({"t":"unterminated})",
      "{\"t\":\"raw\ttab\"}",
      std::string("{\"t\":\"raw\0nul\"}", 15),
      "{\"t\":\"\xff\"}",
      "{\"t\":\"\xc3\"}",
      "{\"t\":\"\xc3\x28\"}",
      "{\"t\":\"\xc0\x80\"}",
      "{\"t\":\"\xc1\xbf\"}",
      "{\"t\":\"\xe0\x80\xaf\"}",
      "{\"t\":\"\xed\xa0\x80\"}",
      "{\"t\":\"\xf0\x80\x80\x80\"}",
      "{\"t\":\"\xf4\x90\x80\x80\"}",
      "{\"t\":\"\xf5\x80\x80\x80\"}",
      "{\"t\":\"\x80\"}",
      // Well-formed UTF-8 at each edge of the table.
      "{\"t\":\"\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\xf0\x90\x80\x80\xf4\x8f\xbf\xbf\x7f\"}",
      // A byte order mark, which nlohmann skips at the very start only.
      "\xef\xbb\xbf{\"t\":\"bom\"}",
      " \xef\xbb\xbf{\"t\":\"bom\"}",
      "\xef\xbb{\"t\":\"bom\"}",
  };
  for (const auto& header : headers) {
    for (const std::string text : {"", "the text\n\nand more"}) {
      std::string data = header + "\n" + text;
      INFO("data: " << data);
      CHECK(same(decode_now(data), decode_before(data)));
    }
  }
  // The same data without a newline is all header.
  for (const auto& header : headers) {
    INFO("header: " << header);
    CHECK(same(decode_now(header), decode_before(header)));
  }
}

TEST_CASE("the direct reader decodes escapes itself, as nlohmann does", "[codec][header]") {
  const std::string header =
      R"({"t":"\"\\\/\b\f\n\r\t","s":"\u0041\u00e9\u20AC","d":"\ud83d\ude00","f":"\u0000","p\u0061":"x"})";
  auto fields = read_header_directly(header);
  REQUIRE(fields);
  CHECK(fields->at("t").text == "\"\\/\b\f\n\r\t");
  CHECK(fields->at("s").text == "A\xc3\xa9\xe2\x82\xac");
  CHECK(fields->at("d").text == "\xf0\x9f\x98\x80");
  CHECK(fields->at("f").text == std::string(1, '\0'));
  CHECK(fields->at("pa").type == HeaderValue::Type::absent);  // not a header key
  CHECK(fields->at("p").type == HeaderValue::Type::absent);

  Article a = decode_article(header + "\nbody");
  CHECK(a.title == "\"\\/\b\f\n\r\t");
  CHECK(a.date == "\xf0\x9f\x98\x80");
}

TEST_CASE("unreadable headers still throw", "[codec][header]") {
  for (std::string header : {"", "[]", "{\"t\":\"x\",}", "{\"t\":\"\\ud83d\"}", "{\"t\":\"\xff\"}", "{\"t\":1}x"}) {
    INFO("header: " << header);
    CHECK_THROWS_AS(decode_article(header + "\ntext"), DatabaseError);
    CHECK(decode_article_extras(header + "\ntext").declared_actors.empty());
  }
}

TEST_CASE("mutated headers decode as the JSON tree decoding did", "[codec][header]") {
  // Small random edits of real headers reach the reader's edge cases (a cut
  // escape, a stray byte, a number where a string was) far more often than
  // whole random strings do.
  const std::vector<std::string> alphabet = {"{", "}", "[", "]", "\"", ":", ",", "\\", "u", "d", "8", "0", "1",
                                             "9", "e", ".", "-", " ", "\t", "\xff", "\xc3", "\xa9", "\xed", "\x01",
                                             "n", "null", "\\ud83d", "\\ude00", "\\u00e9", "p", "path", "\"_d\":[0]"};
  std::mt19937 rng(7);
  int read_directly = 0, throwing = 0;
  for (int n = 0; n < 6000; ++n) {
    Article a = random_article(rng);
    std::string header = header_of(encode_article(a, random_extras(rng, a)));
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      std::size_t at = rng() % (header.size() + 1);
      const std::string& piece = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: header.insert(at, piece); break;
        case 1: header.erase(at, 1 + rng() % 3); break;
        default: header.replace(at, 1, piece);
      }
    }
    std::string data = header + "\ntext";
    INFO("data: " << data);
    Decoded before = decode_before(data);
    CHECK(same(decode_now(data), before));
    if (read_header_directly(header)) ++read_directly;
    if (!before.article) ++throwing;
  }
  // Both the direct reader and the fallback were exercised, and so was rejection.
  CHECK(read_directly > 500);
  CHECK(throwing > 500);
}

#include <catch2/catch.hpp>

#include "article_codec.hpp"

#include <string>

using namespace dossier;

namespace {

void check_same(const Article& got, const Article& want) {
  CHECK(got.id == want.id);
  CHECK(got.path == want.path);
  CHECK(got.url == want.url);
  CHECK(got.title == want.title);
  CHECK(got.source == want.source);
  CHECK(got.date == want.date);
  CHECK(got.actors == want.actors);
  CHECK(got.format == want.format);
  CHECK(got.text == want.text);
  CHECK(got.origins == want.origins);
}

Article reuters_like() {
  Article a;
  a.id = a.path = "/data/reuters/reut2-000/00002.md";
  a.title = "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT";
  a.source = "Reuters";
  a.date = "1987-02-26";
  a.actors = {"United Kingdom", "United States"};
  a.format = "md";
  a.text = "CLEVELAND, Feb 26 - Standard Oil Co and BP North America\nInc said \"they\" plan.\n";
  a.origins = {{"actors", FieldOrigin::declared}, {"date", FieldOrigin::declared},
               {"source", FieldOrigin::declared}, {"title", FieldOrigin::text}};
  return a;
}

}  // namespace

TEST_CASE("headers written before the compact header are still read", "[codec]") {
  // Exactly what the encoder wrote up to this change (long keys, every field).
  const std::string old_data =
      R"({"_actor_context":"By Jane Roe","_declared_actors":["USA","Narnia"],"actors":["United Kingdom","United States"],)"
      R"("date":"1987-02-26","format":"md","id":"/data/reuters/reut2-000/00002.md",)"
      R"("origins":{"actors":"declared","date":"declared","source":"declared","title":"text"},)"
      R"("path":"/data/reuters/reut2-000/00002.md","source":"Reuters",)"
      R"("title":"STANDARD OIL <SRD> TO FORM FINANCIAL UNIT","url":""})"
      "\nCLEVELAND, Feb 26 - Standard Oil Co and BP North America\nInc said \"they\" plan.\n";
  check_same(decode_article(old_data), reuters_like());
  ArticleExtras extras = decode_article_extras(old_data);
  CHECK(extras.declared_actors == std::vector<std::string>{"USA", "Narnia"});
  CHECK(extras.actor_context == "By Jane Roe");

  // An old header with a declared id and an empty path keeps both as written.
  Article declared = decode_article(R"({"id":"rec-7","path":"","url":"http://x","origins":{}})" "\nbody");
  CHECK(declared.id == "rec-7");
  CHECK(declared.path.empty());
  CHECK(declared.url == "http://x");
  CHECK(declared.text == "body");
}

TEST_CASE("the compact header reads back exactly what was written", "[codec]") {
  Article base = reuters_like();
  struct Case {
    const char* name;
    Article article;
    ArticleExtras extras;
  };
  std::vector<Case> cases;
  cases.push_back({"id equal to the path", base, {{"United States"}, ""}});
  Article declared_id = base;
  declared_id.id = "reuters-2#1";
  declared_id.url = "https://example.com/a?b=1";
  cases.push_back({"declared id and url", declared_id, {{"USA", "United Kingdom", "Narnia"}, "By Jane Roe"}});
  Article no_path = base;
  no_path.path.clear();
  no_path.id = "memory-1";
  no_path.format = "memory";
  cases.push_back({"no path", no_path, {}});
  Article empty_id = base;
  empty_id.id.clear();
  cases.push_back({"empty id with a path", empty_id, {}});
  Article bare;
  bare.text = "only text\n\nin two paragraphs";
  cases.push_back({"nothing but text", bare, {}});
  Article odd_origins = base;
  odd_origins.origins = {{"title", FieldOrigin::none}, {"date", FieldOrigin::file_time},
                         {"source", FieldOrigin::run}, {"actors", FieldOrigin::path}};
  cases.push_back({"every origin", odd_origins, {}});
  Article unknown_field = base;
  unknown_field.origins["author"] = FieldOrigin::declared;
  cases.push_back({"an origin for a field without a letter", unknown_field, {}});
  Article unicode = base;
  unicode.title = "Côte d’Ivoire: «élection» 选举";
  unicode.actors = {"Côte d'Ivoire"};
  cases.push_back({"non-ASCII fields", unicode, {{"Côte d'Ivoire", "Ivory Coast"}, "Abidjan"}});

  for (const auto& c : cases) {
    SECTION(c.name) {
      std::string data = encode_article(c.article, c.extras);
      check_same(decode_article(data), c.article);
      ArticleExtras extras = decode_article_extras(data);
      CHECK(extras.declared_actors == c.extras.declared_actors);
      CHECK(extras.actor_context == c.extras.actor_context);
    }
  }
}

TEST_CASE("the compact header leaves out what it can rebuild", "[codec]") {
  Article a = reuters_like();
  std::string data = encode_article(a, {{"United States"}, ""});
  std::string header = data.substr(0, data.find('\n'));
  CHECK(header.find(a.path) == header.rfind(a.path));  // the path once: the id is the path
  CHECK(header.find("\"url\"") == std::string::npos);
  CHECK(header.find("\"i\"") == std::string::npos);
  CHECK(header.find("United States\"]") != std::string::npos);  // once, in the actors
  CHECK(header.find("United States", header.find("United States") + 1) == std::string::npos);
  CHECK(header.size() < 200);
}

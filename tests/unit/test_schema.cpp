#include <catch2/catch.hpp>

#include "schema.hpp"

#include <set>

using namespace dossier::schema;

TEST_CASE("the schema table has every field once, with distinct prefixes and slots", "[schema]") {
  std::set<std::string> names, prefixes;
  std::set<unsigned> slots;
  for (const auto& f : fields()) {
    CHECK(names.insert(std::string(f.name)).second);
    if (!f.prefix.empty()) CHECK(prefixes.insert(std::string(f.prefix)).second);
    if (f.slot) CHECK(slots.insert(*f.slot).second);
  }
  for (auto field : {Field::id, Field::path, Field::title, Field::source, Field::date, Field::actors, Field::format,
                     Field::text})
    CHECK_NOTHROW(spec(field));
  CHECK(find_by_query_name("actor")->field == Field::actors);
  CHECK(find_by_query_name("nonsense") == nullptr);
}

TEST_CASE("filter terms are normalised the same way for indexer and query", "[schema]") {
  CHECK(filter_term(Field::actors, "North Korea") == "XACTORnorth_korea");
  CHECK(filter_term(Field::actors, "  north   KOREA ") == "XACTORnorth_korea");
  CHECK(filter_term(Field::source, "Côte d'Ivoire Times") == "XSOURCEcôte_d_ivoire_times");
}

TEST_CASE("terms never exceed Xapian's limit", "[schema]") {
  std::string long_value(400, 'a');
  CHECK(filter_term(Field::source, long_value).size() <= 245);
  CHECK(id_term("/very/long/" + long_value).size() <= 245);
  CHECK(id_term("/very/long/" + long_value) != id_term("/very/long/" + long_value + "b"));
  CHECK(id_term("/short/path.md") == "Q/short/path.md");
}

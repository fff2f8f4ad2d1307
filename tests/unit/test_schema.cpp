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
  for (auto r : {Revision::stems_1, Revision::stems_2, Revision::stems_3}) {
    CHECK(id_term("/very/long/" + long_value, r).size() <= 245);
    CHECK(id_term("/very/long/" + long_value, r) != id_term("/very/long/" + long_value + "b", r));
  }
  CHECK(id_term("/short/path.md", Revision::stems_2) == "Q/short/path.md");
}

TEST_CASE("from stems-only-3 an id term is a 12-byte hash of the id, whatever its length", "[schema]") {
  const std::string path = "/home/analyst/reports/2024/06/daily-assessment-2024-06-18.md";
  std::string term = id_term(path, Revision::stems_3);
  CHECK(term.size() == 13);
  CHECK(term[0] == 'Q');
  CHECK(term == id_term(path, Revision::stems_3));  // stable
  CHECK(id_term("", Revision::stems_3).size() == 13);
  // Ids that differ in one byte, or only in length, get different terms.
  std::set<std::string> terms;
  for (int i = 0; i < 20000; ++i) terms.insert(id_term("/r/" + std::to_string(i) + ".txt", Revision::stems_3));
  for (int n = 0; n < 300; ++n) terms.insert(id_term(std::string(static_cast<std::size_t>(n), 'a'), Revision::stems_3));
  CHECK(terms.size() == 20300);
}

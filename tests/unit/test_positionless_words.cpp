#include <catch2/catch.hpp>

#include "positionless_words.hpp"

using dossier::relax_positionless_words;

namespace {
std::string relax(const std::string& q) {
  return relax_positionless_words(q, dossier::schema::Revision::stems_2);
}
}  // namespace

TEST_CASE("function words leave NEAR and ADJ chains, which keep their window", "[query][stop-positions]") {
  CHECK(relax("bank ADJ of ADJ england") == "bank ADJ england");
  CHECK(relax("bank NEAR/3 of NEAR/3 england rates") == "bank NEAR/3 england rates");
  CHECK(relax("the bank NEAR england") == "the bank NEAR england");  // not in a chain
  CHECK(relax("of NEAR england") == "england");
  CHECK(relax("the NEAR of") == "the of");  // nothing positional left: the words
  CHECK(relax("missiles NEAR launch") == "missiles NEAR launch");
  CHECK(relax("bank AND of") == "bank AND of");
}

TEST_CASE("words joined into a phrase by punctuation become a quoted phrase when one is a function word",
          "[query][stop-positions]") {
  CHECK(relax("bank/of/england rates") == "\"bank of england\" rates");
  CHECK(relax("head.of.state") == "\"head of state\"");
  CHECK(relax("u.s./sanctions") == "u.s./sanctions");  // no function word
  CHECK(relax("title:bank/of/england") == "title:bank/of/england");
  CHECK(relax("/of/") == "/of/");  // empty parts are not words
}

TEST_CASE("quotes, brackets and spacing are left as they are", "[query][stop-positions]") {
  CHECK(relax("\"bank of england\" NEAR rates") == "\"bank of england\" NEAR rates");
  CHECK(relax("(bank ADJ of ADJ england)") == "(bank ADJ of ADJ england)");
  CHECK(relax("  two  spaces ") == "  two  spaces ");
  CHECK(relax("") == "");
}

TEST_CASE("from stems-only-3 NEAR chains also leave out the added function words and separated numbers", "[phrase]") {
  using dossier::schema::Revision;
  CHECK(relax_positionless_words("minister NEAR said", Revision::stems_3) == "minister");
  CHECK(relax_positionless_words("minister NEAR said", Revision::stems_2) == "minister NEAR said");
  CHECK(relax_positionless_words("rose NEAR 1.5 NEAR pct", Revision::stems_3) == "rose NEAR pct");
  CHECK(relax_positionless_words("f ADJ 16", Revision::stems_3) == "f ADJ 16");
  CHECK(relax_positionless_words("war/between/states", Revision::stems_3) == "\"war between states\"");
}

#include <catch2/catch.hpp>

#include "positionless_words.hpp"

using dossier::relax_positionless_words;

TEST_CASE("function words leave NEAR and ADJ chains, which keep their window", "[query][stop-positions]") {
  CHECK(relax_positionless_words("bank ADJ of ADJ england") == "bank ADJ england");
  CHECK(relax_positionless_words("bank NEAR/3 of NEAR/3 england rates") == "bank NEAR/3 england rates");
  CHECK(relax_positionless_words("the bank NEAR england") == "the bank NEAR england");  // not in a chain
  CHECK(relax_positionless_words("of NEAR england") == "england");
  CHECK(relax_positionless_words("the NEAR of") == "the of");  // nothing positional left: the words
  CHECK(relax_positionless_words("missiles NEAR launch") == "missiles NEAR launch");
  CHECK(relax_positionless_words("bank AND of") == "bank AND of");
}

TEST_CASE("words joined into a phrase by punctuation become a quoted phrase when one is a function word",
          "[query][stop-positions]") {
  CHECK(relax_positionless_words("bank/of/england rates") == "\"bank of england\" rates");
  CHECK(relax_positionless_words("head.of.state") == "\"head of state\"");
  CHECK(relax_positionless_words("u.s./sanctions") == "u.s./sanctions");  // no function word
  CHECK(relax_positionless_words("title:bank/of/england") == "title:bank/of/england");
  CHECK(relax_positionless_words("/of/") == "/of/");  // empty parts are not words
}

TEST_CASE("quotes, brackets and spacing are left as they are", "[query][stop-positions]") {
  CHECK(relax_positionless_words("\"bank of england\" NEAR rates") == "\"bank of england\" NEAR rates");
  CHECK(relax_positionless_words("(bank ADJ of ADJ england)") == "(bank ADJ of ADJ england)");
  CHECK(relax_positionless_words("  two  spaces ") == "  two  spaces ");
  CHECK(relax_positionless_words("") == "");
}

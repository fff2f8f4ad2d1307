#pragma once
// Proximity syntax on an index whose commonest function words have no
// positions (schema kStemsOnlyNoStopPositionsScheme): quoted phrases are made
// by the query builder without those words, but "bank ADJ of ADJ england",
// "of NEAR england" and "bank/of/england" (a phrase Xapian's parser makes from
// the punctuation) would still ask for their positions, and match nothing.
// Numbers without positions ("1.19" from stems-only-3) count as such words
// here: inside NEAR/ADJ they are left out too.

#include <string>
#include "schema.hpp"

namespace dossier {

// The query with those words taken out of NEAR/ADJ chains (what is left keeps
// its window: the other words still lie within it, so nothing that matched
// before is lost; a chain left with one word is that word) and with words
// joined by phrase punctuation ("bank/of/england", "head.of.state") that
// include one written as a quoted phrase, which the builder makes without it.
// Anything else (fields, brackets, quotes, signs) is left as it is.
std::string relax_positionless_words(const std::string& query, schema::Revision positions);

}  // namespace dossier

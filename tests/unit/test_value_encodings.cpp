// Compact value slots. The simhash: 8 bytes in new indexes, 16 hex digits in
// older ones; the searcher reads both and folds near copies across them. The
// file stamp: packed in new indexes, digits in older ones; the indexer reads both.
#include <catch2/catch.hpp>

#include "duplicate_key.hpp"
#include "duplicates.hpp"
#include "walker.hpp"

#include <xapian.h>

using namespace dossier;

TEST_CASE("simhashes are read back from both stored forms", "[simhash]") {
  const unsigned slot = 8;
  for (std::uint64_t h : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{0x0123456789abcdefULL},
                          std::uint64_t{0xff00ff00ff00ff00ULL}, ~std::uint64_t{0}}) {
    Xapian::Document compact, hex;
    compact.add_value(slot, simhash_value(h));
    hex.add_value(slot, simhash_hex(h));
    CHECK(simhash_value(h).size() == 8);
    CHECK(simhash_of(compact, slot) == h);
    CHECK(simhash_of(hex, slot) == h);
  }
  Xapian::Document none, odd;
  odd.add_value(slot, "xyz");
  CHECK_FALSE(simhash_of(none, slot));
  CHECK_FALSE(simhash_of(odd, slot));
}

TEST_CASE("near copies fold whichever form their simhashes are kept in", "[simhash]") {
  const unsigned slot = 8;
  std::vector<Candidate> candidates(3);
  candidates[0].doc.add_value(slot, simhash_hex(0x0123456789abcdefULL));
  candidates[1].doc.add_value(slot, simhash_value(0x0123456789abcdefULL ^ 0x3));  // two bits apart
  candidates[2].doc.add_value(slot, simhash_value(~0x0123456789abcdefULL));
  CHECK(fold_near_copies(candidates, slot) == 1);
  REQUIRE(candidates.size() == 2);
  CHECK(candidates[0].copies == 2);
}

TEST_CASE("file stamps are packed and read back in the form re-runs compare", "[stamp]") {
  for (const char* stamp : {"1795994062499829054:577", "0:0", "-1:1", "-9223372036854775808:18446744073709551615",
                            "1700000000000000000:127", "1700000000000000000:128", "1:4294967296"}) {
    INFO(stamp);
    std::string stored = stored_stamp(stamp);
    CHECK(stored.size() <= 19);
    CHECK(stored != stamp);
    CHECK(stamp_from_stored(stored) == stamp);
    CHECK(stamp_from_stored(stamp) == stamp);  // as indexes written before kept it
  }
  CHECK(stored_stamp("1795994062499829054:577").size() == 11);
  // Anything else is kept as it is.
  for (const char* other : {"", "abc", "12", "12:", ":5", "1:-5", "+1:5", "007:5", "1:5:6", "99999999999999999999:1"}) {
    INFO(other);
    CHECK(stored_stamp(other) == other);
    CHECK(stamp_from_stored(stored_stamp(other)) == other);
  }
}

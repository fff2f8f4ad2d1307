#pragma once
// The one table that maps dossier's fields to Xapian prefixes and value slots.
// Nothing outside schema.cpp spells a prefix or a slot number.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::schema {

enum class Field { id, path, title, source, date, actors, format, url, text, stamp, date_number, dup_key, simhash,
                   packed_data };

// How a field reaches the index.
enum class Kind {
  unique_id,       // one boolean term per document, used to replace it
  free_text,       // positional, stemmed words under a prefix (and unprefixed)
  boolean_filter,  // one exact term per value, no effect on document length
  value_only,      // only a value slot (sorting, ranges, bookkeeping)
};

struct FieldSpec {
  Field field;
  std::string_view name;         // the name users type before ':' and JSON keys
  std::string_view prefix;       // Xapian term prefix, empty when the field has no terms
  std::optional<unsigned> slot;  // value slot, if the field keeps a value
  Kind kind;
  bool multi_valued;             // several values per document (actors)
};

const std::vector<FieldSpec>& fields();
const FieldSpec& spec(Field field);
// The spec whose user-facing name is `name` (e.g. "actor"), if any.
const FieldSpec* find_by_query_name(std::string_view name);

// The exact term the indexer writes and the query rewriter asks for: prefix
// plus the normalised value, kept within Xapian's term length limit.
std::string filter_term(Field field, std::string_view value);
// Lower-case, punctuation-free form of a filter value ("North Korea" -> "north_korea").
std::string normalise_filter_value(std::string_view value);

// Free-text prefix for the title field.
std::string_view title_prefix();

// How free text becomes terms. words_and_stems (indexes written before the
// scheme was recorded): every word unstemmed with positions, plus "Z" + stem
// without. stems_only: every word once, as "Z" + its English stem, with
// positions, so phrases match on stems.
enum class TermScheme { words_and_stems, stems_only };
constexpr std::string_view kTermSchemeKey = "dossier:terms";
constexpr std::string_view kStemsOnlyScheme = "stems-only-1";
// stems_only, except that the commonest function words (positionless_stem)
// keep no positions under "Z": their postings and wdf stay, so ranking and
// plain searches are unchanged, and a phrase matches its other words in order
// within a window covering the gaps.
constexpr std::string_view kStemsOnlyNoStopPositionsScheme = "stems-only-2";
// stems-only-2, leaner still, the current scheme of new indexes:
// - ~60 more function words ("said", "about", "after", ...) and numbers written
//   with a decimal point or thousands separator ("1.19", "132,000") keep no
//   positions, and neither do title terms, whose words keep positions as plain
//   words. On Reuters' ~150-word items these held a fifth of the position table.
// - id terms are a hash of the id (id_term);
// - stems are terms as they are, without the "Z" prefix (StemTerms).
constexpr std::string_view kStemsRevision3Scheme = "stems-only-3";
// The scheme of an index from its kTermSchemeKey metadata (empty when absent)
// and whether it holds documents: an empty index takes the current scheme.
TermScheme term_scheme(std::string_view recorded, bool has_documents);

// Which revision of the stems-only scheme an index follows (all its documents
// follow one), read like term_scheme; each has fewer positions than the last.
enum class Revision {
  stems_1,  // every word with positions
  stems_2,  // the commonest function words without
  stems_3,  // see kStemsRevision3Scheme
};
Revision revision_of(std::string_view recorded, bool has_documents);
// The scheme name that records `r`.
std::string_view scheme_name(Revision r);
// True for the stems of the function words that have no positions under `r`
// ("the", "of", "to", ... and from stems_3 also "said", "about", ...).
bool positionless_stem(std::string_view stem, Revision r);
// True for the numbers (stems) that have no positions under `r`: from stems_3,
// those with a decimal point or thousands separator. A phrase keeps them as
// words that must occur, where it drops function words.
bool positionless_number(std::string_view stem, Revision r);
// Whether title terms keep positions under `r`.
bool title_positions(Revision r);
// How an index of revision `r` writes a word's stem as a term: "Z" + stem up
// to stems_2, the stem itself from stems_3 (the "Z" byte was 7% of Reuters'
// position table: ~1.2 of 20.5 MB). Stems are lower case, so they never meet
// the upper-case prefixes of other terms. Title terms put the title prefix
// after it ("ZSoil" before, "Soil" now).
class StemTerms {
 public:
  explicit StemTerms(Revision r) : prefix_(r == Revision::stems_3 ? "" : "Z") {}
  [[nodiscard]] const std::string& prefix() const { return prefix_; }
  [[nodiscard]] std::string term(std::string_view stem) const { return prefix_ + std::string(stem); }
  // The stem a free-text term stands for; empty for any other term (filters,
  // ids, title terms and, in the oldest indexes, unstemmed words).
  [[nodiscard]] std::string_view stem_of(std::string_view term) const;

 private:
  std::string prefix_;
};

// The stem of a free-text term in an index of any stems-only revision ("Zoil"
// or "oil"), empty for any other term: for code that can meet shards of
// several revisions. (In the oldest indexes, which wrote words and stems, it
// also takes unstemmed words for stems.)
std::string_view stem_of_any(std::string_view term);

// The id term of an index of revision `r`. From stems_3 it is a 12-byte hash
// of the id: a file's id is its absolute path, often 40-100 bytes, which the
// term would keep twice (postlist key and term list); the id itself stays in
// its value slot. Before, the id itself, long ones shortened with a hash.
std::string id_term(std::string_view id, Revision r);

// Key under which the database keeps metadata about itself.
constexpr std::string_view kGazetteerKey = "dossier:gazetteer";
constexpr std::string_view kLastRunKey = "dossier:last-run";
constexpr std::string_view kRootsKey = "dossier:roots";

}  // namespace dossier::schema

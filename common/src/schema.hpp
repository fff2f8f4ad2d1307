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
// The id term; long ids are shortened with a hash so any id fits.
std::string id_term(std::string_view id);
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
// within a window covering the gaps. The current scheme of new indexes.
constexpr std::string_view kStemsOnlyNoStopPositionsScheme = "stems-only-2";
// The scheme of an index from its kTermSchemeKey metadata (empty when absent)
// and whether it holds documents: an empty index takes the current scheme.
TermScheme term_scheme(std::string_view recorded, bool has_documents);
// Whether the index keeps no positions for positionless_stem words (read like term_scheme).
bool stop_words_positionless(std::string_view recorded, bool has_documents);
// True for the stems of the few function words that, under
// kStemsOnlyNoStopPositionsScheme, have no positions ("the", "of", "to", ...).
bool positionless_stem(std::string_view stem);
// Those stems, for the indexer.
const std::vector<std::string>& positionless_stems();

// Key under which the database keeps metadata about itself.
constexpr std::string_view kGazetteerKey = "dossier:gazetteer";
constexpr std::string_view kLastRunKey = "dossier:last-run";
constexpr std::string_view kRootsKey = "dossier:roots";

}  // namespace dossier::schema

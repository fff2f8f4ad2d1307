#pragma once
// Rewrites dossier's query language into what Xapian's QueryParser reads:
// field values normalised like the indexer's terms, partial dates and years
// turned into YYYYMMDD ranges, and gazetteer aliases typed as bare words
// ("DPRK", "North Korea") replaced by a placeholder the builder expands into
// "the words, or any document about that actor". Doing this ourselves (not
// with Xapian's synonym tables) keeps it working on remote shards.

#include "gazetteer.hpp"

#include <string>
#include <vector>

namespace dossier {

// A bare word or phrase the user typed that names a known actor.
struct AliasUse {
  std::string typed;      // as typed, e.g. "DPRK"
  std::string canonical;  // e.g. "North Korea"
};

// A "word*" wildcard, under a field's prefix (title:) or none.
struct WildcardUse {
  std::string prefix;  // Xapian term prefix of the field, empty for plain text
  std::string word;    // lower-case, without the '*'
};

struct RewrittenQuery {
  std::string text;                          // for Xapian's QueryParser
  std::vector<AliasUse> aliases;             // placeholders "<kAliasField>:N" index this
  std::vector<std::string> actor_filters;    // canonical names given as actor: filters
  std::vector<std::string> wildcard_prefixes;  // lower-case stems of "word*" wildcards
  std::vector<WildcardUse> wildcards;          // placeholders "<kWildcardField>:N" index this
  std::vector<std::string> phrases;            // quoted phrases as typed, without quotes: "<kPhraseField>:N" index this
  std::vector<std::string> titles;             // title: values as typed, quotes kept: "<kTitleField>:N" index this
};

// The field name of alias placeholders in the rewritten text.
inline constexpr const char* kAliasField = "dossieralias";
// The field name of wildcard placeholders: the builder expands them itself, so
// they reach the index's stem terms (Xapian 1.4's parser would expand "word*"
// over unprefixed terms only).
inline constexpr const char* kWildcardField = "dossierwild";

// The field name of phrase placeholders: the builder makes the phrase itself,
// for an index whose function words have no positions (schema.hpp).
inline constexpr const char* kPhraseField = "dossierphrase";

// The field name of title placeholders: the builder makes title: searches
// itself, for an index whose title terms have no positions (schema.hpp).
inline constexpr const char* kTitleField = "dossiertitle";

// What a query hears when it puts a wildcard or a group inside NEAR, ADJ or a
// phrase: Xapian 1.4 builds those over single terms only.
inline constexpr std::string_view kProximityWordsOnly =
    "NEAR, ADJ and phrases take single words, not word* wildcards or groups";

// `phrase_placeholders`: quoted phrases (not field values, not next to NEAR or
// ADJ) become placeholders instead of reaching the parser as typed.
// `title_placeholders`: so do title: values (but for "title:word*").
// @throws QueryError for a date or year that cannot mean anything, and for a
// word* wildcard or title: phrase next to NEAR or ADJ (kProximityWordsOnly):
// refused before Xapian's parser, which leaks what it was building when it
// throws on them.
RewrittenQuery rewrite_query(const std::string& query, const Gazetteer& gazetteer, bool phrase_placeholders = false,
                             bool title_placeholders = false);

// "2024", "2024-06", "2024-06-18" -> first (or last) day as YYYYMMDD.
// @throws QueryError when the text is not such a date.
std::string date_bound(const std::string& text, bool upper, const std::string& query);

// Makes any bytes safe to parse: valid UTF-8, no control characters, at most
// `max_bytes` (cut at a character boundary). Sets `truncated` when it cut.
std::string sanitise_query(const std::string& raw, std::size_t max_bytes, bool& truncated);

// True for the words Xapian's parser reads as operators (AND, OR, NOT, XOR, NEAR, ADJ).
bool is_operator_word(const std::string& word);
// True for NEAR, ADJ, NEAR/n and ADJ/n.
bool is_proximity_word(const std::string& word);
// Whitespace between query words.
bool is_space(char c);
// A word of ASCII letters and digits, or any non-ASCII byte: no query syntax of its own.
bool is_letters_and_digits(const std::string& word);

}  // namespace dossier

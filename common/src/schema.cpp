#include "schema.hpp"

#include "text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

#include <xapian.h>

namespace dossier::schema {
namespace {

// Xapian rejects terms longer than 245 bytes; keep a margin for the prefix.
constexpr std::size_t kMaxTermBytes = 240;

const std::vector<FieldSpec> kFields = {
    // field          name       prefix     slot  kind                 multi
    // The id is also a value: equal scores are ordered by it, whatever the shard layout.
    {Field::id,          "id",     "Q",       9u,  Kind::unique_id,      false},
    {Field::path,        "path",   "",        1u,  Kind::value_only,     false},
    {Field::title,       "title",  "S",       std::nullopt, Kind::free_text, false},
    {Field::source,      "source", "XSOURCE", 3u,  Kind::boolean_filter, false},
    {Field::date,        "date",   "",        0u,  Kind::value_only,     false},
    {Field::actors,      "actor",  "XACTOR",  4u,  Kind::boolean_filter, true},
    {Field::format,      "format", "XFORMAT", 5u,  Kind::boolean_filter, false},
    {Field::url,         "url",    "",        std::nullopt, Kind::value_only, false},
    {Field::text,        "text",   "",        std::nullopt, Kind::free_text, false},
    {Field::stamp,       "stamp",  "",        2u,  Kind::value_only,     false},
    {Field::date_number, "days",   "",        6u,  Kind::value_only,     false},
    // Duplicate detection: hash of the normalised body (collapse key) and its 64-bit simhash.
    {Field::dup_key,     "dupkey", "",        7u,  Kind::value_only,     false},
    {Field::simhash,     "simhash", "",       8u,  Kind::value_only,     false},
    // The document's data packed with the index's dictionary (data_packing.hpp): a
    // value, not the document data, because Xapian deflates document data again
    // (and deflating compressed bytes cost more than the packing saved) but
    // stores values as they are.
    {Field::packed_data, "packed", "",        10u, Kind::value_only,     false},
};

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string shorten(std::string_view prefix, std::string_view value) {
  if (prefix.size() + value.size() <= kMaxTermBytes) return std::string(prefix) + std::string(value);
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(value)));
  std::string head = utf8_truncate(value, kMaxTermBytes - prefix.size() - 18);
  return std::string(prefix) + head + "#" + hash;
}

}  // namespace

const std::vector<FieldSpec>& fields() { return kFields; }

const FieldSpec& spec(Field field) {
  for (const auto& f : kFields)
    if (f.field == field) return f;
  throw std::logic_error("schema: field missing from the table");
}

const FieldSpec* find_by_query_name(std::string_view name) {
  for (const auto& f : kFields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string normalise_filter_value(std::string_view value) {
  std::string lowered = utf8_lower(value);
  std::string out;
  out.reserve(lowered.size());
  bool pending_sep = false;
  for (unsigned char c : lowered) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!keep) {
      pending_sep = !out.empty();
      continue;
    }
    if (pending_sep) out += '_';
    pending_sep = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string filter_term(Field field, std::string_view value) {
  return shorten(spec(field).prefix, normalise_filter_value(value));
}

std::string id_term(std::string_view id, Revision r) {
  if (r != Revision::stems_3) return shorten(spec(Field::id).prefix, id);
  // Two FNV-1a hashes from different bases: 96 bits, no collision in any
  // folder's lifetime of ids, and stable across builds (std::hash is not).
  std::uint64_t a = fnv1a(id), b = 0x9e3779b97f4a7c15ull;
  for (unsigned char c : id) {
    b ^= c;
    b *= 1099511628211ull;
    b ^= b >> 29;
  }
  std::string term(spec(Field::id).prefix);
  for (int i = 0; i < 8; ++i) term += static_cast<char>((a >> (8 * i)) & 0xff);
  for (int i = 0; i < 4; ++i) term += static_cast<char>((b >> (8 * i)) & 0xff);
  return term;
}

TermScheme term_scheme(std::string_view recorded, bool has_documents) {
  if (recorded == kStemsOnlyScheme || recorded == kStemsOnlyNoStopPositionsScheme ||
      recorded == kStemsRevision3Scheme || (recorded.empty() && !has_documents))
    return TermScheme::stems_only;
  return TermScheme::words_and_stems;
}

Revision revision_of(std::string_view recorded, bool has_documents) {
  if (recorded == kStemsRevision3Scheme || (recorded.empty() && !has_documents)) return Revision::stems_3;
  if (recorded == kStemsOnlyNoStopPositionsScheme) return Revision::stems_2;
  return Revision::stems_1;
}

std::string_view scheme_name(Revision r) {
  switch (r) {
    case Revision::stems_1:
      return kStemsOnlyScheme;
    case Revision::stems_2:
      return kStemsOnlyNoStopPositionsScheme;
    case Revision::stems_3:
      break;
  }
  return kStemsRevision3Scheme;
}

namespace {

// Fixed per scheme: an index records only the scheme's name, so changing a list
// needs a new scheme name.
std::vector<std::string> stems_of(std::initializer_list<const char*> words, std::vector<std::string> out = {}) {
  Xapian::Stem english("english");
  for (const char* w : words) {
    std::string stem = english(w);
    if (std::find(out.begin(), out.end(), stem) == out.end()) out.push_back(stem);
  }
  return out;
}

// The function words that carry most of a text's positions: on Reuters these
// hold a quarter of all positions. Not "us" (also "US").
const std::vector<std::string>& stop_stems() {
  static const std::vector<std::string> stems =
      stems_of({"the", "of", "to",  "and",  "a",    "in",    "it",   "its",   "for", "on",   "is",    "from",
                "by",  "at", "be",  "with", "that", "as",    "was",  "an",    "has", "have", "had",   "were",
                "are", "or", "but", "not",  "this", "which", "will", "would", "he",  "his",  "their", "they"});
  return stems;
}

// stems-only-3 adds the next commonest words that name nothing: on Reuters
// another ~100,000 positional entries (~1.7 MB). Not "may" (a month), "who"
// (WHO), "one", "no" or "new", which phrases lean on ("no fly zone").
const std::vector<std::string>& revision3_stems() {
  static const std::vector<std::string> stems =
      stems_of({"said",   "also", "up",    "about", "been",   "after", "more",    "other",   "over", "than",  "under",
                "all",    "some", "if",    "could", "there",  "into",  "because", "between", "when", "while", "through",
                "we",     "can",  "so",    "these", "them",   "what",  "should",  "only",    "such", "those", "her",
                "she",    "i",    "you",   "our",   "do",     "did",   "does",    "any",     "each", "both",  "before",
                "during", "then", "where", "how",   "him",    "my",    "me",      "most",    "much", "very",  "just",
                "here",   "out",  "off",   "being", "having", "whose", "whom",    "shall"},
               stop_stems());
  return stems;
}

}  // namespace

bool positionless_stem(std::string_view stem, Revision r) {
  // Asked for every term the indexer writes: a sorted copy, searched.
  auto sorted = [](const std::vector<std::string>& stems) {
    std::vector<std::string> out = stems;
    std::sort(out.begin(), out.end());
    return out;
  };
  static const std::vector<std::string> stop = sorted(stop_stems()), more = sorted(revision3_stems());
  if (r == Revision::stems_1) return false;
  const auto& stems = r == Revision::stems_3 ? more : stop;
  return std::binary_search(stems.begin(), stems.end(), stem, std::less<>());
}

bool positionless_number(std::string_view stem, Revision r) {
  if (r != Revision::stems_3 || stem.empty() || stem[0] < '0' || stem[0] > '9') return false;
  bool separator = false;
  for (char c : stem) {
    if (c == '.' || c == ',')
      separator = true;
    else if (c < '0' || c > '9')
      return false;
  }
  return separator;
}

std::string_view StemTerms::stem_of(std::string_view term) const {
  if (term.size() <= prefix_.size() || term.compare(0, prefix_.size(), prefix_) != 0) return {};
  char first = term[prefix_.size()];
  if (first >= 'A' && first <= 'Z') return {};
  return term.substr(prefix_.size());
}

std::string_view stem_of_any(std::string_view term) {
  if (term.size() > 1 && term[0] == 'Z') term.remove_prefix(1);
  if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return {};
  return term;
}

bool title_positions(Revision r) { return r != Revision::stems_3; }

std::string_view title_prefix() { return spec(Field::title).prefix; }

}  // namespace dossier::schema

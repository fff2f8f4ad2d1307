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

std::string id_term(std::string_view id) { return shorten(spec(Field::id).prefix, id); }

TermScheme term_scheme(std::string_view recorded, bool has_documents) {
  if (recorded == kStemsOnlyScheme || recorded == kStemsOnlyNoStopPositionsScheme ||
      (recorded.empty() && !has_documents))
    return TermScheme::stems_only;
  return TermScheme::words_and_stems;
}

bool stop_words_positionless(std::string_view recorded, bool has_documents) {
  return recorded == kStemsOnlyNoStopPositionsScheme || (recorded.empty() && !has_documents);
}

const std::vector<std::string>& positionless_stems() {
  // The function words that carry most of a text's positions: on Reuters these
  // hold a quarter of all positions. Fixed: an index records only the scheme's
  // name, so changing the list needs a new scheme name. Not "us" (also "US").
  static const std::vector<std::string> stems = [] {
    const char* words[] = {"the", "of",  "to",  "and", "a",    "in",   "it",    "its",  "for",   "on",  "is",
                           "from", "by", "at",  "be",  "with", "that", "as",    "was",  "an",    "has", "have",
                           "had", "were", "are", "or", "but",  "not",  "this",  "which", "will", "would", "he",
                           "his", "their", "they"};
    Xapian::Stem english("english");
    std::vector<std::string> out;
    for (const char* w : words) {
      std::string stem = english(w);
      if (std::find(out.begin(), out.end(), stem) == out.end()) out.push_back(stem);
    }
    return out;
  }();
  return stems;
}

bool positionless_stem(std::string_view stem) {
  const auto& stems = positionless_stems();
  return std::find(stems.begin(), stems.end(), stem) != stems.end();
}

std::string_view title_prefix() { return spec(Field::title).prefix; }

}  // namespace dossier::schema

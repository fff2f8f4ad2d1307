#pragma once
// The gazetteer's lookup tables, flat: every surface form is a slice of one text
// buffer, and the sorted tables are arrays of small fixed-size rows. The same
// layout is either owned (GazetteerTables, built at run time from a user TSV) or
// static constant data (the built-in gazetteer, built at compile time by
// tools/gazetteer_compile.cpp), so that a whole-process search, which looks up a few
// names, neither parses nor allocates anything for the built-in gazetteer.

#include "gazetteer_entries.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// A read-only array: a view over a std::vector or a static array.
template <class T>
struct TableSpan {
  const T* data = nullptr;
  std::size_t size = 0;
  constexpr const T* begin() const { return data; }
  constexpr const T* end() const { return data + size; }
  constexpr const T& operator[](std::size_t i) const { return data[i]; }
};

// A surface form, as a slice of the text buffer, and the entry it names.
struct GazetteerForm {
  std::uint32_t offset = 0, length = 0, entry = 0;
};

// An entry: its surface forms are forms[first_form, first_form + form_count),
// the canonical name first, then the aliases in TSV order.
struct GazetteerRow {
  std::uint32_t first_form = 0, form_count = 0;
  ActorType type = ActorType::unknown;
};

struct GazetteerView {
  std::string_view text;
  TableSpan<GazetteerRow> entries;
  TableSpan<GazetteerForm> forms;
  // Exact and lower-cased forms sorted by text; among equal forms the one of the
  // later entry comes last, and lookups take the last (the later entry wins).
  TableSpan<GazetteerForm> exact, lower;
  // Entry indices sorted by canonical name (canonical names are unique).
  TableSpan<std::uint32_t> by_canonical;

  [[nodiscard]] std::string_view form_text(const GazetteerForm& f) const { return text.substr(f.offset, f.length); }
  [[nodiscard]] std::string_view canonical(std::size_t entry) const {
    return form_text(forms[entries[entry].first_form]);
  }
};

struct GazetteerTables {
  std::string text;
  std::vector<GazetteerRow> entries;
  std::vector<GazetteerForm> forms, exact, lower;
  std::vector<std::uint32_t> by_canonical;

  [[nodiscard]] GazetteerView view() const;
};

// Builds the tables for `entries` (canonical names unique, as parse_gazetteer_tsv leaves them).
GazetteerTables build_gazetteer_tables(const std::vector<ActorEntry>& entries);

// The entries back from the tables, in order: what a gazetteer adds new TSV to.
std::vector<ActorEntry> gazetteer_entries(const GazetteerView& view);

// The built-in gazetteer (common/data/gazetteer.tsv), generated at build time.
extern const GazetteerView kBuiltinGazetteerTables;

}  // namespace dossier

#pragma once
// Records with named fields (JSON, JSONL, CSV): which of a record's fields
// fills which dossier field, by default names ("headline" is a title, "published"
// a date) or by the run's `--map NAME=FIELD`.

#include "reader.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

// The dossier fields a record's field can fill.
enum class RecordField { id, title, text, date, source, url, actors, author, description, ignore };

// The dossier field named by a --map target ("title", "body", "actor", ...); nullopt if none.
std::optional<RecordField> record_field_from_name(std::string_view name);

// Problems in a --map table (targets that are no dossier field); empty when fine.
std::string check_field_map(const std::map<std::string, std::string>& field_map);

// Collects one record's fields and keeps, for each dossier field, the value from
// the most specific record field: a mapped one first, then the default names in
// their order of preference (for text: body, text, content, article, ...).
class RecordAssembler {
 public:
  explicit RecordAssembler(const std::map<std::string, std::string>* field_map);

  // The field `name` fills (matched ignoring case), or nullopt when it fills none.
  [[nodiscard]] std::optional<RecordField> field_for(std::string_view name) const;
  // Offers a value for the record field `name`. For actors, each call adds values
  // ("Russia; Ukraine" and "Russia, Ukraine" are split into names).
  void offer(std::string_view name, std::string_view value);
  // Offers one item of a list field (an actors array item is kept whole).
  void offer_item(std::string_view name, std::string_view value);
  // The record assembled so far; starts a new one.
  RawRecord take();

 private:
  struct Candidate {
    int rank = 1 << 30;  // lower wins
    std::string value;
  };
  int rank_of(std::string_view name, RecordField field) const;
  void offer_ranked(RecordField field, int rank, std::string_view value, bool append);

  std::map<std::string, RecordField> mapped_;  // lower-case record field -> dossier field
  std::array<Candidate, 10> best_{};
  std::vector<std::string> actors_;
};

}  // namespace dossier

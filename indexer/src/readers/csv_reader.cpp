// CSV with a header row (RFC 4180: quoted fields, doubled quotes, line breaks
// inside quotes, CRLF or LF). The delimiter is ',' unless the header plainly
// uses ';' or TAB (spreadsheet exports in many locales do).
#include "reader.hpp"
#include "record_fields.hpp"

#include "text.hpp"

#include <algorithm>

namespace dossier {
namespace {

// A header wider than this is not a table of articles.
constexpr std::size_t kMaxColumns = 1000;

class CsvParser {
 public:
  CsvParser(std::string_view text, char delimiter) : s_(text), delimiter_(delimiter) {}

  // Reads the next row into `fields`; false at the end of the input.
  bool next_row(std::vector<std::string>& fields) {
    fields.clear();
    if (pos_ >= s_.size()) return false;
    ++row_;
    std::string field;
    bool quoted = false;      // inside quotes
    bool was_quoted = false;  // this field started with a quote
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (quoted) {
        if (c == '"') {
          if (pos_ < s_.size() && s_[pos_] == '"') {
            field += '"';
            ++pos_;
          } else {
            quoted = false;
          }
        } else {
          field += c;
        }
        continue;
      }
      if (c == '"' && (field.empty() && !was_quoted)) {
        quoted = was_quoted = true;
      } else if (c == delimiter_) {
        fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
        break;
      } else {
        // A stray quote inside an unquoted field, or text after a closing quote: kept as written.
        if (c == '"' || was_quoted) ++stray_quotes_;
        field += c;
      }
    }
    if (quoted) unterminated_ = true;  // ran to the end inside quotes: keep what was read
    fields.push_back(std::move(field));
    return true;
  }
  [[nodiscard]] std::size_t row() const { return row_; }
  [[nodiscard]] bool unterminated() const { return unterminated_; }
  [[nodiscard]] std::size_t stray_quotes() const { return stray_quotes_; }

 private:
  std::string_view s_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::size_t row_ = 0;
  bool unterminated_ = false;
  std::size_t stray_quotes_ = 0;
};

char sniff_delimiter(std::string_view text) {
  std::string_view header = text.substr(0, text.find('\n'));
  auto count = [&header](char c) { return std::count(header.begin(), header.end(), c); };
  auto commas = count(','), semicolons = count(';'), tabs = count('\t');
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

bool blank_row(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return trim(f).empty(); });
}

}  // namespace

ReadOutcome read_csv(std::string_view bytes, const ReaderContext& context) {
  std::string text = to_valid_utf8(bytes);
  CsvParser parser(text, sniff_delimiter(text));
  std::vector<std::string> header, fields;
  while (parser.next_row(header) && blank_row(header)) {
  }
  if (header.empty() || blank_row(header)) return failed_read("malformed", "CSV has no header row");
  if (header.size() > kMaxColumns) return failed_read("malformed", "CSV header has over 1000 columns");
  for (auto& h : header) h = std::string(trim(h));

  RecordAssembler assembler(context.field_map);
  bool any_known = std::any_of(header.begin(), header.end(), [&](const std::string& h) {
    auto f = assembler.field_for(h);
    return f && (*f == RecordField::text || *f == RecordField::title);
  });
  if (!any_known)
    return failed_read("malformed", "CSV header names no title or text column (use --map COLUMN=text)");

  ReadOutcome out;
  out.multi_record = true;
  std::size_t ragged = 0, first_ragged = 0;
  while (parser.next_row(fields)) {
    if (blank_row(fields)) continue;
    if (fields.size() != header.size() && ragged++ == 0) first_ragged = parser.row();
    for (std::size_t i = 0; i < fields.size() && i < header.size(); ++i) assembler.offer(header[i], fields[i]);
    out.records.push_back(assembler.take());
  }
  if (out.records.empty()) return failed_read("empty", "CSV has a header but no rows");
  if (ragged > 0)
    out.warnings.push_back(std::to_string(ragged) + " row(s) have a different number of fields than the header " +
                           "(first: row " + std::to_string(first_ragged) + ")");
  if (parser.unterminated()) out.warnings.push_back("a quoted field is not closed before the end of the file");
  return out;
}

}  // namespace dossier

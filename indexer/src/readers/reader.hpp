#pragma once
// Stage 2 of indexing: one file's bytes -> raw records (fields as the file
// declares them, plus text). Readers never throw: problems become outcomes.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// What one record declares, before metadata inference.
struct RawRecord {
  std::string declared_id;
  std::string title;
  std::string heading;   // first heading in the text, a title candidate
  std::string source;
  std::string site_name; // e.g. og:site_name, a source candidate
  std::string date;      // as written; parsed later
  std::string url;
  std::vector<std::string> actors;
  std::string author;       // declared author (HTML meta, PDF info); searched for actors
  std::string description;  // declared summary and keywords; searched for actors
  std::string text;      // valid UTF-8, control characters removed
};

struct ReadOutcome {
  std::vector<RawRecord> records;
  bool multi_record = false;          // ids get a record number unless declared
  std::vector<std::string> warnings;  // degraded, but indexed
  std::string failure_reason;         // non-empty: the file is skipped ("malformed", "binary", ...)
  std::string failure_detail;
};

struct ReaderContext {
  std::string path;                                // for messages and child processes
  const std::map<std::string, std::string>* field_map = nullptr;  // record field -> dossier field
};

// Reads `bytes` as `format` ("txt", "md", "html", "json", "jsonl", "csv", "pdf").
ReadOutcome read_document(std::string_view format, std::string_view bytes, const ReaderContext& context);

// The individual readers (one file each).
ReadOutcome read_plain_text(std::string_view bytes);
ReadOutcome read_markdown(std::string_view bytes);
ReadOutcome read_html(std::string_view bytes);
ReadOutcome read_json(std::string_view bytes, const ReaderContext& context);   // one object or an array
ReadOutcome read_jsonl(std::string_view bytes, const ReaderContext& context);  // one object a line
ReadOutcome read_csv(std::string_view bytes, const ReaderContext& context);    // header row, RFC 4180
ReadOutcome read_pdf(std::string_view bytes, const ReaderContext& context);    // pdftotext in a child

// Shared by readers: raw bytes -> clean UTF-8 text (encoding repaired, controls removed).
std::string clean_text(std::string_view bytes);

// A failed outcome with a reason and a one-line detail.
ReadOutcome failed_read(std::string reason, std::string detail);

}  // namespace dossier

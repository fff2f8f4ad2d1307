#pragma once
/// @file
/// The document model shared by the indexer and the searcher.

#include <dossier/export.hpp>

#include <map>
#include <string>
#include <vector>

namespace dossier {

/// How a metadata field's value was found. Explicit metadata always wins.
enum class FieldOrigin {
  none,       ///< no value was found
  declared,   ///< the document declared it (front matter, meta tag, JSON field, PDF info)
  text,       ///< inferred from the document's text
  path,       ///< taken from the file or folder name
  file_time,  ///< the file's modification time
  run,        ///< given for the whole run (e.g. `--source`)
};

/// The lower-case name of an origin, as shown in JSON ("declared", "text", ...).
DOSSIER_API const char* to_string(FieldOrigin origin) noexcept;

/// One report: what the indexer stores and the searcher returns.
struct DOSSIER_API Article {
  std::string id;       ///< stable identity: declared id, else canonical path (+ "#record")
  std::string path;     ///< canonical absolute path of the file it came from (may be empty)
  std::string url;      ///< declared URL, if any
  std::string title;    ///< title (declared or inferred)
  std::string source;   ///< publisher; empty when unknown
  std::string date;     ///< YYYY-MM-DD, or YYYY when only the year is known; empty when unknown
  std::vector<std::string> actors;  ///< canonical actor names, sorted, unique
  std::string format;   ///< "txt", "md", "html", "json", "jsonl", "csv", "pdf", "memory"
  std::string text;     ///< body text (UTF-8, control characters removed)
  /// How each metadata field was found, keyed by field name ("title", "source", "date", "actors").
  std::map<std::string, FieldOrigin> origins;
};

}  // namespace dossier

#include "reader.hpp"

#include "front_matter.hpp"
#include "text.hpp"

namespace dossier {
namespace {

// The first Markdown heading ("# Title" or a line underlined with === / ---).
std::string first_heading(std::string_view text) {
  std::string_view previous;
  while (!text.empty()) {
    std::size_t eol = text.find('\n');
    std::string_view line = trim(text.substr(0, eol));
    if (!line.empty() && line.front() == '#') {
      std::size_t hashes = line.find_first_not_of('#');
      if (hashes != std::string_view::npos && hashes <= 6 && line[hashes] == ' ')
        return std::string(trim(line.substr(hashes)));
    }
    if (!previous.empty() && line.size() >= 3 && line.find_first_not_of('=') == std::string_view::npos)
      return std::string(previous);
    previous = line;
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  return {};
}

// A first line that reads like a headline: short, no final full stop, followed by a blank line or more text.
std::string headline_line(std::string_view text) {
  text = trim(text);
  std::size_t eol = text.find('\n');
  if (eol == std::string_view::npos) return {};
  std::string_view line = trim(text.substr(0, eol));
  if (line.empty() || line.size() > 160) return {};
  char last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return {};
  return std::string(line);
}

}  // namespace

ReadOutcome read_plain_text(std::string_view bytes) {
  ReadOutcome out;
  RawRecord record;
  record.text = clean_text(bytes);
  record.heading = headline_line(record.text);
  out.records.push_back(std::move(record));
  return out;
}

ReadOutcome read_markdown(std::string_view bytes) {
  ReadOutcome out;
  std::string text = clean_text(bytes);
  auto split = split_front_matter(text);
  RawRecord record;
  if (!split.error.empty()) out.warnings.push_back(split.error);
  if (split.front_matter) {
    auto& s = split.front_matter->scalars;
    auto take = [&s](std::initializer_list<const char*> keys) -> std::string {
      for (const char* k : keys)
        if (auto it = s.find(k); it != s.end() && !it->second.empty()) return it->second;
      return {};
    };
    record.declared_id = take({"id", "uid", "doc_id"});
    record.title = collapse_whitespace(take({"title", "headline"}));
    record.source = collapse_whitespace(take({"source", "publisher", "site", "outlet"}));
    record.date = take({"date", "published", "published_at", "pubdate", "created"});
    record.url = take({"url", "link", "canonical"});
    record.actors = split.front_matter->actors;
  }
  record.text = std::string(split.body);
  record.heading = first_heading(record.text);
  out.records.push_back(std::move(record));
  return out;
}

}  // namespace dossier

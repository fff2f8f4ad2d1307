// Every format reader on arbitrary bytes, and the whole per-file pipeline
// (read -> enrich -> build) that runs in the indexer's worker threads.

#include "fuzz_targets.hpp"

#include "article_codec.hpp"
#include "document_builder.hpp"
#include "enrich.hpp"
#include "gazetteer.hpp"
#include "readers/reader.hpp"
#include "text.hpp"
#include "walker.hpp"

#include <dossier/indexer.hpp>

#include <xapian.h>

#include <map>
#include <string_view>

namespace dossier::fuzz {
namespace {

// Xapian refuses terms longer than this (glass backend).
constexpr std::size_t kMaxTermBytes = 245;

ReadOutcome read_as(std::string_view format, const std::uint8_t* data, std::size_t size) {
  static const std::map<std::string, std::string> field_map;
  ReaderContext context{"/fuzz/input." + std::string(format), &field_map};
  ReadOutcome out = read_document(format, std::string_view(reinterpret_cast<const char*>(data), size), context);
  for (const auto& r : out.records) {
    require(is_valid_utf8(r.text), "reader returned text that is not UTF-8");
    require(r.text.find('\0') == std::string::npos && r.text.find('\x1b') == std::string::npos,
            "reader left control characters in the text");
  }
  return out;
}

int reader(std::string_view format, const std::uint8_t* data, std::size_t size) {
  (void)read_as(format, data, size);
  return 0;
}

}  // namespace

int reader_txt(const std::uint8_t* d, std::size_t n) { return reader("txt", d, n); }
int reader_md(const std::uint8_t* d, std::size_t n) { return reader("md", d, n); }
int reader_html(const std::uint8_t* d, std::size_t n) { return reader("html", d, n); }
int reader_json(const std::uint8_t* d, std::size_t n) { return reader("json", d, n); }
int reader_jsonl(const std::uint8_t* d, std::size_t n) { return reader("jsonl", d, n); }
int reader_csv(const std::uint8_t* d, std::size_t n) { return reader("csv", d, n); }
int reader_pdf(const std::uint8_t* d, std::size_t n) { return reader("pdf", d, n); }

// The first byte picks the format; the rest is the file.
int pipeline(const std::uint8_t* data, std::size_t size) {
  static const char* const kFormats[] = {"txt", "md", "html", "json", "jsonl", "csv"};
  if (size == 0) return 0;
  std::string format = kFormats[data[0] % 6];
  ReadOutcome read = read_as(format, data + 1, size - 1);
  if (!read.failure_reason.empty()) return 0;

  static const IndexerOptions options;
  EnrichContext context{Gazetteer::builtin(), options, nullptr, "/fuzz/folder"};
  FileEntry file{"/fuzz/folder/input." + format, format, size - 1, 1718700000000000000};
  DocumentBuilder builder;
  std::size_t number = 0;
  for (auto& raw : read.records) {
    EnrichedArticle enriched = enrich(std::move(raw), file, ++number, read.multi_record, context);
    const Article& a = enriched.article;
    for (const std::string* field : {&a.id, &a.title, &a.source, &a.date, &a.url, &a.text})
      require(is_valid_utf8(*field), "an article field is not UTF-8");
    for (const auto& actor : a.actors) require(is_valid_utf8(actor), "an actor is not UTF-8");
    Xapian::Document doc = builder.build(a, file.stamp(), enriched.extras);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
      require((*t).size() <= kMaxTermBytes, "a term longer than Xapian accepts");
    Article back = decode_article(doc.get_data());
    require(back.id == a.id && back.title == a.title, "stored article does not read back");
  }
  return 0;
}

}  // namespace dossier::fuzz

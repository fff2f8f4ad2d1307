#include "reader.hpp"

#include "text.hpp"

namespace dossier {

std::string clean_text(std::string_view bytes) { return strip_controls(to_valid_utf8(bytes)); }

ReadOutcome failed_read(std::string reason, std::string detail) {
  ReadOutcome out;
  out.failure_reason = std::move(reason);
  out.failure_detail = std::move(detail);
  return out;
}

ReadOutcome read_document(std::string_view format, std::string_view bytes, const ReaderContext& context) {
  // PDFs are binary by nature; everything else is text and a NUL-laden file is not.
  if (format == "pdf") return read_pdf(bytes, context);
  if (looks_binary(bytes)) return failed_read("binary", "looks like a binary file, not text");
  if (format == "md") return read_markdown(bytes);
  if (format == "html") return read_html(bytes);
  if (format == "json") return read_json(bytes, context);
  if (format == "jsonl") return read_jsonl(bytes, context);
  if (format == "csv") return read_csv(bytes, context);
  return read_plain_text(bytes);
}

}  // namespace dossier

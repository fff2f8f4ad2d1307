#include "reader.hpp"

#include "text.hpp"

namespace dossier {

std::string clean_text(std::string_view bytes) { return strip_controls(to_valid_utf8(bytes)); }

ReadOutcome read_document(std::string_view format, std::string_view bytes, const ReaderContext& context) {
  (void)context;
  if (format != "pdf" && looks_binary(bytes)) {
    ReadOutcome out;
    out.failure_reason = "binary";
    out.failure_detail = "looks like a binary file, not text";
    return out;
  }
  if (format == "md") return read_markdown(bytes);
  return read_plain_text(bytes);
}

}  // namespace dossier

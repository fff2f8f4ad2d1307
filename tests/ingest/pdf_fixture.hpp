#pragma once
// A minimal PDF 1.4 file written by hand (one page, Helvetica, an Info
// dictionary), with a correct cross-reference table, so poppler reads it
// without repairing anything.

#include <string>

namespace dossier::test {

// `text` must be plain ASCII without parentheses or backslashes.
std::string minimal_pdf(const std::string& text, const std::string& title, const std::string& creation_date);

}  // namespace dossier::test

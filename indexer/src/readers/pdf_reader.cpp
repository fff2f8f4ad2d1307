// PDFs through poppler's pdftotext and pdfinfo (Debian poppler-utils), run in a
// child process: a PDF parser's time and memory cannot be bounded in-process,
// and a crash there must not take the indexer with it.
#include "reader.hpp"

#include "child_process.hpp"
#include "text.hpp"


namespace dossier {
namespace {

struct Tools {
  std::string pdftotext, pdfinfo;
};

// Looked up once per process: PATH does not change under a running indexer.
const Tools& tools() {
  static const Tools found{find_program("pdftotext"), find_program("pdfinfo")};
  return found;
}

std::string first_line(std::string_view s) {
  s = trim(s);
  return collapse_whitespace(clean_text(s.substr(0, std::min(s.find('\n'), std::size_t{200}))));
}

std::string failure_detail(const char* tool, const ChildResult& r) {
  if (!r.started) return std::string("could not run ") + tool + ": " + r.error;
  if (r.timed_out) return std::string(tool) + " took too long (killed)";
  if (r.signal != 0) return std::string(tool) + " was killed by signal " + std::to_string(r.signal) +
                            " (CPU or memory limit, or a crash)";
  std::string why = first_line(r.err);
  return std::string(tool) + " failed" + (why.empty() ? "" : ": " + why);
}

// "Title:           ISW assessment" lines from pdfinfo.
std::string info_field(std::string_view info, std::string_view key) {
  std::size_t pos = 0;
  while (pos < info.size()) {
    std::size_t eol = info.find('\n', pos);
    std::string_view line = info.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == ':')
      return collapse_whitespace(clean_text(line.substr(key.size() + 1)));
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return {};
}

}  // namespace

ReadOutcome read_pdf(std::string_view bytes, const ReaderContext& context) {
  (void)context;
  // Poppler tolerates junk before the header, but a file without one anywhere near the start is no PDF.
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
    return failed_read("malformed", "not a PDF file (no %PDF header)");
  const Tools& t = tools();
  if (t.pdftotext.empty())
    return failed_read("pdftotext missing", "pdftotext was not found on PATH: install poppler-utils to index PDFs");

  ChildLimits limits;
  ChildResult text = run_child({t.pdftotext, "-enc", "UTF-8", "-q", "-", "-"}, bytes, limits);
  if (!text.started || text.timed_out || text.signal != 0 || text.exit_code == 127)
    return failed_read(text.timed_out ? "timed out" : "malformed", failure_detail("pdftotext", text));
  if (text.exit_code != 0 && trim(text.out).empty())
    return failed_read("malformed", failure_detail("pdftotext", text));

  ReadOutcome out;
  if (text.exit_code != 0) out.warnings.push_back(failure_detail("pdftotext", text) + "; indexed the text it gave");
  if (text.output_capped) out.warnings.push_back("PDF text over 64 MB; the rest was left out");
  RawRecord record;
  // pdftotext separates pages with form feeds; clean_text would drop them, so make them line breaks.
  for (char& c : text.out)
    if (c == '\f') c = '\n';
  record.text = clean_text(text.out);

  if (!t.pdfinfo.empty()) {
    limits.wall_clock = std::chrono::milliseconds(20000);
    ChildResult info = run_child({t.pdfinfo, "-enc", "UTF-8", "-isodates", "-"}, bytes, limits);
    if (info.started && info.exit_code == 0) {
      record.title = info_field(info.out, "Title");
      record.author = info_field(info.out, "Author");
      record.date = info_field(info.out, "CreationDate");
      record.description = info_field(info.out, "Subject") + "\n" + info_field(info.out, "Keywords");
    }
  }
  // Many PDFs carry their producing program's file name as a title ("Microsoft Word - draft.docx").
  if (record.title.find("Microsoft Word - ") == 0 || record.title.size() < 3) record.title.clear();
  out.records.push_back(std::move(record));
  return out;
}

}  // namespace dossier

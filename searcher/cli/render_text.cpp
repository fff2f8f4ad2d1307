#include "render_text.hpp"

#include "render_facets.hpp"
#include "terminal_text.hpp"

namespace dossier::cli {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kHighlight = "\033[1;33m";
constexpr const char* kReset = "\033[0m";

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

std::string render_snippet(const Snippet& snippet, const TextStyle& style) {
  const char* open = style.colour ? kHighlight : "[[";
  const char* close = style.colour ? kReset : "]]";
  std::string out;
  std::size_t pos = 0;
  for (const auto& span : snippet.highlights) {
    if (span.start < pos || span.end > snippet.text.size()) continue;
    out += terminal_safe(std::string_view(snippet.text).substr(pos, span.start - pos));
    out += open;
    out += terminal_safe(std::string_view(snippet.text).substr(span.start, span.end - span.start));
    out += close;
    pos = span.end;
  }
  out += terminal_safe(std::string_view(snippet.text).substr(pos));
  return out;
}

void render_text(std::ostream& out, const SearchResults& r, const TextStyle& style) {
  const char* bold = style.colour ? kBold : "";
  const char* dim = style.colour ? kDim : "";
  const char* reset = style.colour ? kReset : "";
  out << (r.total_exact ? "" : "about ") << r.total << (r.total == 1 ? " match" : " matches") << " for \""
      << terminal_safe(r.query) << "\"\n";
  if (r.suggestion && *r.suggestion != r.query) out << "did you mean \"" << terminal_safe(*r.suggestion) << "\"? (--fix searches it)\n";
  if (!r.facets.empty()) {
    out << "\n";
    render_facet_table(out, r);
  }
  bool first_related = true;
  for (const auto& hit : r.hits) {
    const Article& a = hit.article;
    if (hit.related && first_related) {
      out << "\n" << dim << "related reports, without the query's words (--no-related leaves them out):" << reset << "\n";
      first_related = false;
    }
    out << "\n" << bold << hit.rank << ". " << terminal_safe(a.title.empty() ? "(untitled)" : a.title) << reset;
    if (hit.copies > 1) out << dim << "  (" << hit.copies << " copies)" << reset;
    out << "\n";
    std::vector<std::string> meta;
    meta.push_back(terminal_safe(a.source.empty() ? "unknown source" : a.source));
    meta.push_back(a.date.empty() ? "undated" : terminal_safe(a.date));
    out << "   " << dim << join(meta, " | ");
    out << " | score " << static_cast<double>(static_cast<long>(hit.score * 100)) / 100 << reset << "\n";
    if (!a.actors.empty()) {
      std::vector<std::string> safe;
      for (const auto& actor : a.actors) safe.push_back(terminal_safe(actor));
      out << "   " << dim << "actors: " << join(safe, ", ") << reset << "\n";
    }
    out << "   " << dim << terminal_safe(a.path.empty() ? a.id : a.path) << reset << "\n";
    if (!hit.snippet.text.empty()) out << "   " << render_snippet(hit.snippet, style) << "\n";
  }
}

}  // namespace dossier::cli

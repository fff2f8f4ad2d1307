#include "render_html.hpp"

#include "terminal_text.hpp"

namespace dossier::cli {
namespace {

constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "h1{font-size:1.3rem}h2{font-size:1.1rem;margin-bottom:.2rem}article{margin:1.4rem 0}"
    ".meta{color:#666;font-size:.9rem;margin:.1rem 0}mark{background:#ffe066;padding:0 .1em}"
    "table{border-collapse:collapse;margin:.5rem 1.5rem .5rem 0;display:inline-table;vertical-align:top}"
    "td,th{padding:.1rem .5rem;text-align:left}td.n{text-align:right}.notice{color:#a60}";

std::string snippet_html(const Snippet& s) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& span : s.highlights) {
    if (span.start < pos || span.end > s.text.size() || span.start > span.end) continue;
    out += html_escape(s.text.substr(pos, span.start - pos));
    out += "<mark>" + html_escape(s.text.substr(span.start, span.end - span.start)) + "</mark>";
    pos = span.end;
  }
  return out + html_escape(s.text.substr(pos));
}

bool safe_link(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

void render_block(std::ostream& out, const LabelledResults& block) {
  const SearchResults& r = block.results;
  out << "<section>\n<h1>";
  if (!block.name.empty()) out << html_escape(block.name) << ": ";
  out << (r.total_exact ? "" : "about ") << r.total << (r.total == 1 ? " match" : " matches") << " for &ldquo;"
      << html_escape(r.query) << "&rdquo;</h1>\n";
  if (r.suggestion) out << "<p>Did you mean &ldquo;" << html_escape(*r.suggestion) << "&rdquo;?</p>\n";
  for (const auto& n : r.notices) out << "<p class=\"notice\">" << html_escape(n) << "</p>\n";
  for (const auto& [field, counts] : r.facets) {
    out << "<table><tr><th>" << html_escape(field) << "</th><th></th></tr>";
    for (const auto& [value, count] : counts)
      out << "<tr><td>" << html_escape(value) << "</td><td class=\"n\">" << count << "</td></tr>";
    out << "</table>\n";
  }
  bool first_related = true;
  for (const auto& hit : r.hits) {
    const Article& a = hit.article;
    if (hit.related && first_related) {
      out << "<h3 class=\"related\">Related reports, without the query's words</h3>\n";
      first_related = false;
    }
    std::string title = html_escape(a.title.empty() ? "(untitled)" : a.title);
    out << "<article>\n<h2>" << hit.rank << ". ";
    if (safe_link(a.url)) out << "<a href=\"" << html_escape(a.url) << "\">" << title << "</a>";
    else out << title;
    out << "</h2>\n<p class=\"meta\">" << html_escape(a.source.empty() ? "unknown source" : a.source) << " &middot; "
        << html_escape(a.date.empty() ? "undated" : a.date);
    if (hit.copies > 1) out << " &middot; " << hit.copies << " copies";
    out << "</p>\n";
    if (!a.actors.empty()) {
      std::string actors;
      for (const auto& x : a.actors) actors += (actors.empty() ? "" : ", ") + x;
      out << "<p class=\"meta\">" << html_escape(actors) << "</p>\n";
    }
    out << "<p class=\"meta\">" << html_escape(a.path.empty() ? a.id : a.path) << "</p>\n";
    out << "<p>" << snippet_html(hit.snippet) << "</p>\n</article>\n";
  }
  out << "</section>\n";
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string clean = terminal_safe(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

void render_html(std::ostream& out, const std::vector<LabelledResults>& blocks) {
  std::string title = blocks.size() == 1 ? blocks[0].results.query : std::to_string(blocks.size()) + " queries";
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>dossier: " << html_escape(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  for (const auto& b : blocks) render_block(out, b);
  out << "</body>\n</html>\n";
}

}  // namespace dossier::cli

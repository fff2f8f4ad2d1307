// Saved web pages, parsed with gumbo (Google's HTML5 parser, Debian libgumbo):
// the <title>, the <meta> tags reports carry, and the visible text only.
#include "reader.hpp"

#include "text.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace dossier {
namespace {

// Gumbo frees its tree recursively: a page nested deeper than this could exhaust
// a worker thread's stack, so such a page is read with its tags stripped instead.
constexpr int kMaxNesting = 2000;


// Elements whose content is never visible text, or is navigation boilerplate.
bool skipped_element(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

// Elements that end a line of text (so words of adjacent blocks do not run together).
bool block_element(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_DL: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

const char* attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

// ARIA roles that mark navigation boilerplate on sites that use <div>s for everything.
bool boilerplate_role(const GumboNode* node) {
  const char* role = attribute(node, "role");
  if (role == nullptr) return false;
  std::string r = ascii_lower(role);
  return r == "navigation" || r == "banner" || r == "contentinfo" || r == "complementary" || r == "search";
}

// Text of an element's subtree, collapsed to one line (for titles and headings).
std::string inline_text(const GumboNode* root) {
  std::string out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
      out += ' ';
    } else if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
      if (skipped_element(n->v.element.tag) && n != root) continue;
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }
  return collapse_whitespace(out);
}

class PageReader {
 public:
  void read(const GumboNode* root) {
    // Depth-first with an explicit stack; a null marks the end of a block element.
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n == nullptr) {
        end_line();
        continue;
      }
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
        append_text(n->v.text.text);
        continue;
      }
      if (n->type == GUMBO_NODE_WHITESPACE) {
        pending_space_ = true;
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE && n->type != GUMBO_NODE_DOCUMENT) continue;
      if (n->type == GUMBO_NODE_DOCUMENT) {
        push_children(stack, n->v.document.children);
        continue;
      }
      GumboTag tag = n->v.element.tag;
      look_at_head_element(n, tag);
      if (skipped_element(tag) || boilerplate_role(n) || attribute(n, "hidden") != nullptr) continue;
      if (heading.empty() && (tag == GUMBO_TAG_H1 || (tag == GUMBO_TAG_H2 && !saw_h1_))) heading = inline_text(n);
      if (tag == GUMBO_TAG_H1) saw_h1_ = true;
      if (tag == GUMBO_TAG_TIME && date.empty()) {
        if (const char* dt = attribute(n, "datetime")) time_date_ = dt;
      }
      bool block = block_element(tag);
      if (block) {
        end_line();
        stack.push_back(nullptr);
      }
      push_children(stack, n->v.element.children);
    }
    end_line();
  }

  std::string title, heading, site_name, og_title, date, url, author, description, keywords, text;
  std::string time_date_;  // a <time datetime> in the page: a date candidate after the meta tags

 private:
  static void push_children(std::vector<const GumboNode*>& stack, const GumboVector& kids) {
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }

  void append_text(const char* s) {
    std::size_t len = std::strlen(s);
    if (len > 0 && std::isspace(static_cast<unsigned char>(s[0]))) pending_space_ = true;
    std::string piece = collapse_whitespace(std::string_view(s, len));
    if (piece.empty()) return;
    if (pending_space_ && !line_.empty()) line_ += ' ';
    line_ += piece;
    pending_space_ = std::isspace(static_cast<unsigned char>(s[len - 1])) != 0;
  }

  void end_line() {
    if (!line_.empty()) {
      text += line_;
      text += '\n';
      line_.clear();
    }
    pending_space_ = false;
  }

  void look_at_head_element(const GumboNode* n, GumboTag tag) {
    if (tag == GUMBO_TAG_TITLE && title.empty()) {
      title = inline_text(n);
    } else if (tag == GUMBO_TAG_META) {
      const char* key = attribute(n, "property");
      if (key == nullptr) key = attribute(n, "name");
      if (key == nullptr) key = attribute(n, "itemprop");
      const char* content = attribute(n, "content");
      if (key != nullptr && content != nullptr) meta(ascii_lower(key), content);
    } else if (tag == GUMBO_TAG_LINK && url.empty()) {
      const char* rel = attribute(n, "rel");
      const char* href = attribute(n, "href");
      if (rel != nullptr && href != nullptr && ascii_lower(rel) == "canonical") url = href;
    }
  }

  void meta(const std::string& key, const char* content) {
    auto set_if_empty = [content](std::string& field) {
      if (field.empty()) field = collapse_whitespace(content);
    };
    if (key == "og:site_name" || key == "application-name" || key == "publisher" || key == "dc.publisher")
      set_if_empty(site_name);
    else if (key == "og:title" || key == "twitter:title" || key == "dc.title")
      set_if_empty(og_title);
    else if (key == "article:published_time" || key == "date" || key == "pubdate" || key == "publish-date" ||
             key == "publication_date" || key == "dc.date" || key == "dc.date.issued" || key == "datepublished" ||
             key == "citation_publication_date" || key == "sailthru.date" || key == "parsely-pub-date")
      set_if_empty(date);
    else if (key == "og:url")
      set_if_empty(url);
    else if (key == "author" || key == "article:author" || key == "dc.creator" || key == "citation_author")
      set_if_empty(author);
    else if (key == "description" || key == "og:description")
      set_if_empty(description);
    else if (key == "keywords" || key == "news_keywords" || key == "article:tag")
      keywords += (keywords.empty() ? "" : ", ") + collapse_whitespace(content);
  }

  std::string line_;
  bool pending_space_ = false;
  bool saw_h1_ = false;
};

// A rough upper bound of the page's element nesting, without parsing it.
int nesting_estimate(std::string_view html) {
  int depth = 0, max_depth = 0;
  for (std::size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    char next = html[i + 1];
    if (next == '/') depth = std::max(0, depth - 1);
    else if (std::isalpha(static_cast<unsigned char>(next))) max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

// Degraded reading for pages gumbo must not see: text between tags.
std::string strip_tags(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') {
      in_tag = false;
      out += ' ';
    } else if (!in_tag) out += c;
  }
  return out;
}

bool has_closing_tag(std::string_view html, std::string_view name) {
  std::string lowered = ascii_lower(html.substr(html.size() > 4096 ? html.size() - 4096 : 0));
  return lowered.find("</" + std::string(name)) != std::string::npos;
}

}  // namespace

ReadOutcome read_html(std::string_view bytes) {
  ReadOutcome out;
  std::string html = to_valid_utf8(bytes);
  RawRecord record;
  if (nesting_estimate(html) > kMaxNesting) {
    out.warnings.push_back("HTML nested too deeply to parse safely; read with its tags stripped");
    record.text = strip_controls(strip_tags(html));
    out.records.push_back(std::move(record));
    return out;
  }
  GumboOutput* parsed = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (parsed == nullptr) return failed_read("malformed", "the HTML parser could not read the page");
  PageReader page;
  page.read(parsed->document);
  unsigned errors = parsed->errors.length;
  gumbo_destroy_output(&kGumboDefaultOptions, parsed);

  // Real pages have small parse errors all the time; a page cut short is worth a warning.
  if (errors > 0 && !has_closing_tag(html, "html") && !has_closing_tag(html, "body"))
    out.warnings.push_back("HTML looks truncated or malformed (" + std::to_string(errors) +
                           " parse errors); indexed what could be read");

  record.title = strip_controls(page.title.empty() ? page.og_title : page.title);
  record.heading = strip_controls(page.heading);
  record.site_name = strip_controls(page.site_name);
  record.date = strip_controls(page.date.empty() ? page.time_date_ : page.date);
  record.url = strip_controls(page.url);
  record.author = strip_controls(page.author);
  record.description = strip_controls(page.description + (page.keywords.empty() ? "" : "\n" + page.keywords));
  record.text = strip_controls(page.text);
  if (trim(record.text).empty()) record.text = record.description;
  out.records.push_back(std::move(record));
  return out;
}

}  // namespace dossier

// Query rewriting and parsing: QueryBuilder on a small index, then the whole
// search (snippets included) through the public Searcher on the same index.
// Input lines: query, sources (comma-separated), actors, since, until.

#include "fuzz_targets.hpp"

#include "gazetteer.hpp"
#include "query_builder.hpp"
#include "text.hpp"

#include <dossier/errors.hpp>
#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>

#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string_view>

namespace dossier::fuzz {
namespace {

std::vector<Article> sample_articles() {
  std::vector<Article> out;
  const char* texts[] = {
      "Russia and Ukraine agreed on a grain corridor through the Black Sea on June 18, 2024.",
      "Kim Jong Un met Vladimir Putin in Pyongyang; the DPRK and Russia signed a treaty.",
      "The UN Security Council discussed sanctions, \xC3\xA9lections and the \xE2\x80\x9CSouth China Sea\xE2\x80\x9D."};
  int i = 0;
  for (const char* text : texts) {
    Article a;
    a.id = "doc-" + std::to_string(++i);
    a.title = "Report " + std::to_string(i) + " on Russia";
    a.source = i % 2 ? "Kestrel Desk" : "Corvane Review";
    a.date = "2024-06-1" + std::to_string(i);
    a.text = text;
    a.format = "md";
    a.actors = Gazetteer::builtin().find_actors(a.text);
    out.push_back(std::move(a));
  }
  return out;
}

// An index on disk for the Searcher, removed when the fuzzer exits.
const std::string& disk_index() {
  static std::string path = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/dossier-fuzz-query-XXXXXX";
    if (::mkdtemp(dir.data()) == nullptr) std::abort();
    std::string index = dir + "/index";
    {
      Indexer indexer(index);
      for (const auto& a : sample_articles()) indexer.add_article(a);
      indexer.commit();
    }
    static struct Cleanup {
      std::string dir;
      ~Cleanup() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
      }
    } cleanup{dir};
    return index;
  }();
  return path;
}

// The same index opened directly, for QueryBuilder.
const Xapian::Database& xapian_index() {
  static Xapian::Database db(disk_index());
  return db;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  while (!s.empty()) {
    std::size_t at = s.find(sep);
    out.emplace_back(s.substr(0, at));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  return out;
}

SearchRequest request_from(std::string_view input) {
  std::vector<std::string> lines = split(input, '\n');
  lines.resize(5);
  SearchRequest r;
  r.query = lines[0];
  if (!lines[1].empty()) r.sources = split(lines[1], ',');
  if (!lines[2].empty()) r.actors = split(lines[2], ',');
  r.since = lines[3];
  r.until = lines[4];
  r.limit = 5;
  r.exact_total = true;
  r.snippet_length = 1 + input.size() % 300;
  r.facets = {"source", "actor", "year"};
  return r;
}

void check_snippet(const Snippet& s) {
  require(is_valid_utf8(s.text), "snippet text is not UTF-8");
  std::size_t last_end = 0;
  for (const auto& h : s.highlights) {
    require(h.start < h.end && h.end <= s.text.size(), "highlight outside the snippet");
    require(h.start >= last_end, "highlights overlap or are unsorted");
    require(is_valid_utf8(std::string_view(s.text).substr(h.start, h.end - h.start)),
            "highlight cuts a character");
    last_end = h.end;
  }
}

}  // namespace

int query(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (size > 4096) return 0;  // queries are typed; keep the fuzzer on their shape
  SearchRequest request = request_from(input);

  QueryBuilder builder(xapian_index(), Gazetteer::builtin());
  try {
    BuiltQuery built = builder.build(request);
    Xapian::Enquire enquire(xapian_index());
    enquire.set_query(built.query.empty() ? Xapian::Query::MatchAll : built.query);
    (void)enquire.get_mset(0, 10);
  } catch (const QueryError&) {
    // A query that cannot mean anything: a user error, reported as such.
  }

  static Searcher searcher({disk_index()});
  try {
    SearchResults results = searcher.search(request);
    require(results.hits.size() <= 5, "more hits than asked for");
    for (const auto& hit : results.hits) check_snippet(hit.snippet);
  } catch (const QueryError&) {
  } catch (const DatabaseError& e) {
    // A query must never look like a broken index (exit 3 instead of 2).
    throw Finding(std::string("a query raised DatabaseError: ") + e.what());
  }
  return 0;
}

}  // namespace dossier::fuzz

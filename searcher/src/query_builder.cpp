#include "query_builder.hpp"

#include "dates.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <dossier/errors.hpp>

#include <cctype>

namespace dossier {

using schema::Field;

namespace {

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;
// A wildcard like "a*" could expand to most of the vocabulary.
constexpr Xapian::termcount kMaxWildcardExpansion = 200;

bool is_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Reads a field value after "name:": a quoted string or up to whitespace or ')'.
std::string read_value(const std::string& q, std::size_t& i) {
  if (i < q.size() && q[i] == '"') {
    std::size_t close = q.find('"', i + 1);
    std::string v = q.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
    i = close == std::string::npos ? q.size() : close + 1;
    return v;
  }
  std::size_t start = i;
  while (i < q.size() && !std::isspace(static_cast<unsigned char>(q[i])) && q[i] != ')') ++i;
  return q.substr(start, i - start);
}

}  // namespace

std::string date_bound(const std::string& text, bool upper, const std::string& query) {
  std::string t(trim(text));
  auto fail = [&]() -> std::string {
    throw QueryError("not a date: '" + t + "' (use YYYY, YYYY-MM or YYYY-MM-DD)", query);
  };
  int y = 0, m = 0, d = 0;
  if (t.size() == 4 && is_digits(t)) {
    y = std::stoi(t);
    m = upper ? 12 : 1;
    d = upper ? 31 : 1;
  } else if (t.size() == 7 && t[4] == '-' && is_digits(t.substr(0, 4)) && is_digits(t.substr(5, 2))) {
    y = std::stoi(t.substr(0, 4));
    m = std::stoi(t.substr(5, 2));
    d = 1;
    if (upper)
      while (d < 31 && is_valid_date(y, m, d + 1)) ++d;
  } else if (auto date = parse_date(t)) {
    y = date->year;
    m = date->month;
    d = date->day;
  } else {
    return fail();
  }
  if (!is_valid_date(y, m, d)) return fail();
  return CivilDate{y, m, d}.compact();
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Gazetteer& gazetteer)
    : db_(db), gazetteer_(gazetteer), stemmer_("english") {}

// Turns dossier's own field syntax into what Xapian's parser reads exactly:
// filter values are resolved through aliases and normalised like the indexer's
// terms; dates become YYYYMMDD ranges. Doing this ourselves (not with Xapian's
// synonym tables) keeps it working on remote shards.
std::string QueryBuilder::rewrite(const std::string& q, std::vector<std::string>& notices) const {
  (void)notices;
  std::string out;
  std::size_t i = 0;
  while (i < q.size()) {
    bool at_word_start = i == 0 || std::isspace(static_cast<unsigned char>(q[i - 1])) || q[i - 1] == '(' ||
                         q[i - 1] == '+' || q[i - 1] == '-';
    std::size_t colon = q.find(':', i);
    if (!at_word_start || colon == std::string::npos) {
      out += q[i++];
      continue;
    }
    std::string name = q.substr(i, colon - i);
    bool simple = !name.empty() && name.find_first_of(" \t\n()\"") == std::string::npos;
    if (!simple) {
      out += q[i++];
      continue;
    }
    std::string lname = utf8_lower(name);
    std::size_t j = colon + 1;
    if (lname == "date" || lname == "year") {
      std::string value = read_value(q, j);
      std::string lo, hi;
      std::size_t dots = value.find("..");
      if (lname == "year" || dots == std::string::npos) {
        lo = date_bound(value, false, q);
        hi = date_bound(value, true, q);
      } else {
        std::string a = value.substr(0, dots), b = value.substr(dots + 2);
        if (a.empty() && b.empty()) throw QueryError("empty date range in '" + value + "'", q);
        lo = a.empty() ? "00000101" : date_bound(a, false, q);
        hi = b.empty() ? "99991231" : date_bound(b, true, q);
      }
      out += "date:" + lo + ".." + hi;
      i = j;
      continue;
    }
    const schema::FieldSpec* field = schema::find_by_query_name(lname == "actors" ? "actor" : lname);
    if (field && field->kind == schema::Kind::boolean_filter) {
      std::string value = read_value(q, j);
      if (field->field == Field::actors) value = gazetteer_.canonical(value).value_or(value);
      std::string normalised = schema::normalise_filter_value(value);
      out += std::string(field->name) + ":" + (normalised.empty() ? "_" : normalised);
      i = j;
      continue;
    }
    out += q[i++];
  }
  return out;
}

Xapian::Query QueryBuilder::parse(const std::string& text, unsigned flags) const {
  Xapian::QueryParser qp;
  qp.set_database(db_);
  qp.set_stemmer(stemmer_);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_OR);
  qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  qp.add_prefix("title", std::string(schema::title_prefix()));
  for (const auto& f : schema::fields()) {
    if (f.kind != schema::Kind::boolean_filter) continue;
    // Several actor: filters must all hold; several source: filters are alternatives.
    qp.add_boolean_prefix(std::string(f.name), std::string(f.prefix), !f.multi_valued);
  }
  Xapian::RangeProcessor dates(*schema::spec(Field::date).slot, "date:");
  qp.add_rangeprocessor(&dates);
  return qp.parse_query(text, flags);
}

Xapian::Query QueryBuilder::request_filters(const SearchRequest& r) const {
  Xapian::Query filter;
  auto and_filter = [&filter](const Xapian::Query& q) {
    filter = filter.empty() ? q : Xapian::Query(Xapian::Query::OP_AND, filter, q);
  };
  if (!r.sources.empty()) {
    std::vector<Xapian::Query> any;
    for (const auto& s : r.sources) any.emplace_back(schema::filter_term(Field::source, s));
    and_filter(Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
  }
  for (const auto& a : r.actors)
    and_filter(Xapian::Query(schema::filter_term(Field::actors, gazetteer_.canonical(a).value_or(a))));
  if (!r.since.empty() || !r.until.empty()) {
    std::string lo = r.since.empty() ? "00000101" : date_bound(r.since, false, r.since);
    std::string hi = r.until.empty() ? "99991231" : date_bound(r.until, true, r.until);
    and_filter(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, *schema::spec(Field::date).slot, lo, hi));
  }
  return filter;
}

BuiltQuery QueryBuilder::build(const SearchRequest& request) const {
  BuiltQuery built;
  built.rewritten = rewrite(request.query, built.notices);
  try {
    built.query = parse(built.rewritten, kParserFlags);
  } catch (const Xapian::QueryParserError&) {
    // The user's words are always taken as words: drop the syntax, keep the terms.
    std::string words;
    for (char c : built.rewritten) {
      auto u = static_cast<unsigned char>(c);
      words += (std::isalnum(u) || u >= 0x80) ? c : ' ';
    }
    built.notices.push_back("query syntax not understood; searched for the words instead");
    built.query = parse(words, 0);
  }
  for (auto it = built.query.get_unique_terms_begin(); it != built.query.get_unique_terms_end(); ++it) {
    const std::string& term = *it;
    if (!term.empty() && term[0] != 'X' && term[0] != 'Q') built.has_free_text = true;
  }
  Xapian::Query filter = request_filters(request);
  if (!filter.empty()) {
    built.query = built.query.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0)
                                      : Xapian::Query(Xapian::Query::OP_FILTER, built.query, filter);
  }
  return built;
}

}  // namespace dossier

#include "query_rewriter.hpp"

#include "dates.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <dossier/errors.hpp>

#include <cctype>

namespace dossier {
namespace {

// Longest run of bare words tried as one actor name ("Democratic People's Republic of Korea").
constexpr std::size_t kMaxAliasWords = 6;

bool is_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool is_field_name(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

// Reads a field value after "name:": a quoted string or up to whitespace or ')'.
std::string read_value(const std::string& q, std::size_t& i, bool& quoted) {
  quoted = i < q.size() && q[i] == '"';
  if (quoted) {
    std::size_t close = q.find('"', i + 1);
    std::string v = q.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
    i = close == std::string::npos ? q.size() : close + 1;
    return v;
  }
  std::size_t start = i;
  while (i < q.size() && !is_space(q[i]) && q[i] != ')') ++i;
  return q.substr(start, i - start);
}

// One whitespace-separated piece of the query, with where it ends.
struct Token {
  std::size_t begin = 0, end = 0;
  std::string text;
};

Token next_token(const std::string& q, std::size_t i) {
  Token t;
  t.begin = i;
  while (i < q.size() && !is_space(q[i]) && q[i] != '(' && q[i] != ')' && q[i] != '"') ++i;
  t.end = i;
  t.text = q.substr(t.begin, t.end - t.begin);
  return t;
}

std::string strip_trailing_punctuation(std::string s) {
  while (!s.empty() && std::string_view(",.;!?").find(s.back()) != std::string_view::npos) s.pop_back();
  return s;
}

// A word usable inside a multi-word actor name: no syntax of its own.
bool plain_word(const std::string& w) {
  if (w.empty() || is_operator_word(w) || w.find(':') != std::string::npos) return false;
  if (w.back() == '*' || w.front() == '+' || w.front() == '-') return false;
  return true;
}

class Rewriter {
 public:
  Rewriter(const std::string& q, const Gazetteer& g, bool phrase_placeholders, bool title_placeholders)
      : q_(q), gazetteer_(g), phrase_placeholders_(phrase_placeholders), title_placeholders_(title_placeholders) {}

  RewrittenQuery run() {
    std::size_t i = 0;
    std::string previous_word;
    while (i < q_.size()) {
      char c = q_[i];
      if (is_space(c) || c == '(' || c == ')') {
        out_.text += c;
        ++i;
        continue;
      }
      if (c == '"') {
        i = quoted_phrase(i, previous_word);
        previous_word.clear();
        continue;
      }
      Token t = next_token(q_, i);
      std::string sign;
      std::string body = t.text;
      while (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        sign += body[0];
        body.erase(0, 1);
      }
      std::size_t colon = body.find(':');
      if (colon != std::string::npos && is_field_name(body.substr(0, colon))) {
        out_.text += sign;
        i = field(t.begin + sign.size(), body.substr(0, colon), t.begin + sign.size() + colon + 1, previous_word);
        previous_word.clear();
        continue;
      }
      if (!body.empty() && !is_proximity_word(previous_word)) {
        if (std::size_t used = try_alias(t, sign, body); used) {
          i = used;
          previous_word.clear();
          continue;
        }
      }
      if (body.size() > 1 && body.back() == '*') {
        if (next_to_proximity(previous_word, t.end)) throw QueryError(std::string(kProximityWordsOnly), q_);
        std::string word = utf8_lower(body.substr(0, body.size() - 1));
        out_.wildcard_prefixes.push_back(word);
        if (is_letters_and_digits(word)) {
          out_.text += sign;
          emit_wildcard("", word);
          previous_word = body;
          i = t.end;
          continue;
        }
      }
      out_.text += t.text;
      previous_word = body;
      i = t.end;
    }
    return std::move(out_);
  }

 private:
  void emit_wildcard(std::string prefix, std::string word) {
    out_.text += std::string(kWildcardField) + ":" + std::to_string(out_.wildcards.size());
    out_.wildcards.push_back({std::move(prefix), std::move(word)});
  }

  bool is_alias(const std::string& text, std::string& canonical) const {
    auto found = gazetteer_.canonical(text);
    if (!found) return false;
    // Case-insensitive matches only for names long enough not to be ordinary
    // words by accident ("us" is not "US").
    bool exact = false;
    for (const auto& form : gazetteer_.surface_forms(*found)) exact = exact || form == text;
    if (!exact && text.size() < 4) return false;
    canonical = *found;
    return true;
  }

  void emit_alias(const std::string& typed, const std::string& canonical) {
    out_.text += std::string(kAliasField) + ":" + std::to_string(out_.aliases.size());
    out_.aliases.push_back({typed, canonical});
  }

  // Tries the longest run of bare words starting at `first` that names an
  // actor; returns where the run ends in the query, or 0.
  std::size_t try_alias(const Token& first, const std::string& sign, const std::string& body) {
    std::vector<Token> run{first};
    std::vector<std::string> words{body};
    std::size_t pos = first.end;
    while (words.size() < kMaxAliasWords && plain_word(strip_trailing_punctuation(words.back())) &&
           strip_trailing_punctuation(words.back()) == words.back()) {
      if (pos >= q_.size() || q_[pos] != ' ') break;
      Token next = next_token(q_, pos + 1);
      if (!plain_word(next.text)) break;
      run.push_back(next);
      words.push_back(next.text);
      pos = next.end;
    }
    for (std::size_t n = words.size(); n >= 1; --n) {
      std::string candidate;
      for (std::size_t k = 0; k < n; ++k) candidate += (k ? " " : "") + words[k];
      std::string typed = strip_trailing_punctuation(candidate);
      if (n == 1 && (typed.empty() || typed.back() == '*' || is_operator_word(typed))) return 0;
      Token after = next_token(q_, run[n - 1].end < q_.size() ? run[n - 1].end + 1 : q_.size());
      if (is_proximity_word(after.text)) continue;
      std::string canonical;
      if (is_alias(typed, canonical)) {
        out_.text += sign;
        emit_alias(typed, canonical);
        return run[n - 1].end;
      }
    }
    return 0;
  }

  std::size_t quoted_phrase(std::size_t i, const std::string& previous_word) {
    std::size_t close = q_.find('"', i + 1);
    if (close == std::string::npos) {
      out_.text += q_.substr(i);  // Xapian reads an unclosed phrase to the end
      return q_.size();
    }
    std::string inner = q_.substr(i + 1, close - i - 1);
    std::string canonical;
    if (!is_proximity_word(previous_word) && is_alias(std::string(trim(inner)), canonical))
      emit_alias(std::string(trim(inner)), canonical);
    else if (phrase_placeholders_ && starts_term() && !is_proximity_word(previous_word) &&
             !is_proximity_word(next_token(q_, close + 1 < q_.size() && q_[close + 1] == ' ' ? close + 2 : q_.size()).text))
      emit_phrase(inner);
    else
      out_.text += q_.substr(i, close - i + 1);
    return close + 1;
  }

  // Whether what comes next in the output starts a term of its own (not "word"
  // glued to a phrase): after nothing, a space, a bracket or a sign that follows one.
  bool starts_term() const {
    const std::string& t = out_.text;
    auto boundary = [&t](std::size_t n) { return n == 0 || is_space(t[n - 1]) || t[n - 1] == '('; };
    if (boundary(t.size())) return true;
    return (t.back() == '+' || t.back() == '-') && boundary(t.size() - 1);
  }

  void emit_phrase(const std::string& inner) {
    out_.text += std::string(kPhraseField) + ":" + std::to_string(out_.phrases.size());
    out_.phrases.push_back(inner);
  }

  // Whether the token before (`previous_word`) or after `end` is NEAR or ADJ.
  bool next_to_proximity(const std::string& previous_word, std::size_t end) const {
    while (end < q_.size() && is_space(q_[end])) ++end;
    return is_proximity_word(previous_word) || is_proximity_word(next_token(q_, end).text);
  }

  // Handles "name:value" starting at `start` (value at `value_at`); returns the end.
  std::size_t field(std::size_t start, const std::string& name, std::size_t value_at,
                    const std::string& previous_word) {
    std::string lname = utf8_lower(name);
    std::size_t j = value_at;
    bool quoted = false;
    if (lname == "date" || lname == "year") {
      std::string value = read_value(q_, j, quoted);
      std::string lo, hi;
      std::size_t dots = value.find("..");
      if (dots == std::string::npos) {
        lo = date_bound(value, false, q_);
        hi = date_bound(value, true, q_);
      } else {
        std::string a = value.substr(0, dots), b = value.substr(dots + 2);
        if (trim(a).empty() && trim(b).empty()) throw QueryError("empty date range in '" + value + "'", q_);
        lo = trim(a).empty() ? "00000101" : date_bound(a, false, q_);
        hi = trim(b).empty() ? "99991231" : date_bound(b, true, q_);
        if (lo > hi) throw QueryError("date range ends before it starts: '" + value + "'", q_);
      }
      out_.text += "date:" + lo + ".." + hi;
      return j;
    }
    const schema::FieldSpec* spec = schema::find_by_query_name(lname == "actors" ? "actor" : lname);
    if (spec && spec->kind == schema::Kind::boolean_filter) {
      std::string value = read_value(q_, j, quoted);
      if (spec->field == schema::Field::actors) {
        value = gazetteer_.canonical(value).value_or(value);
        out_.actor_filters.push_back(value);
      }
      std::string normalised = schema::normalise_filter_value(value);
      out_.text += std::string(spec->name) + ":" + (normalised.empty() ? "_" : normalised);
      return j;
    }
    // title: and anything else: the value goes to the parser untouched (no alias expansion).
    std::string value = read_value(q_, j, quoted);
    if (lname == "title" && (quoted || !is_letters_and_digits(value)) && next_to_proximity(previous_word, j))
      throw QueryError(std::string(kProximityWordsOnly), q_);
    if (lname == "title" && !quoted && value.size() > 1 && value.back() == '*') {
      std::string word = utf8_lower(value.substr(0, value.size() - 1));
      if (is_letters_and_digits(word)) {
        emit_wildcard(std::string(schema::title_prefix()), word);
        return j;
      }
    }
    if (lname == "title" && title_placeholders_ && !value.empty()) {
      out_.text += std::string(kTitleField) + ":" + std::to_string(out_.titles.size());
      out_.titles.push_back(q_.substr(value_at, j - value_at));
      return j;
    }
    out_.text += q_.substr(start, j - start);
    return j;
  }

  const std::string& q_;
  const Gazetteer& gazetteer_;
  bool phrase_placeholders_;
  bool title_placeholders_;
  RewrittenQuery out_;
};

}  // namespace

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool is_letters_and_digits(const std::string& w) {
  if (w.empty()) return false;
  for (unsigned char c : w)
    if (!(std::isalnum(c) || c >= 0x80)) return false;
  return true;
}

bool is_proximity_word(const std::string& w) {
  return w == "NEAR" || w == "ADJ" || w.rfind("NEAR/", 0) == 0 || w.rfind("ADJ/", 0) == 0;
}

bool is_operator_word(const std::string& w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || is_proximity_word(w);
}

std::string date_bound(const std::string& text, bool upper, const std::string& query) {
  std::string t(trim(text));
  auto fail = [&]() -> std::string {
    throw QueryError("not a date: '" + t + "' (use YYYY, YYYY-MM or YYYY-MM-DD)", query);
  };
  int y = 0, m = 0, d = 0;
  if (t.size() == 4 && is_digits(t)) {
    y = std::stoi(t);
    if (y < 1000) return fail();
    // From the year itself: a document known only to the year ("2018", just
    // before "20180101") is in that year's range.
    if (!upper) return CivilDate{y, 0, 0}.compact();
    m = 12;
    d = 31;
  } else if (t.size() == 7 && t[4] == '-' && is_digits(t.substr(0, 4)) && is_digits(t.substr(5, 2))) {
    y = std::stoi(t.substr(0, 4));
    m = std::stoi(t.substr(5, 2));
    d = 1;
    if (upper)
      while (d < 31 && is_valid_date(y, m, d + 1)) ++d;
  } else if (t.size() == 8 && is_digits(t)) {
    y = std::stoi(t.substr(0, 4));
    m = std::stoi(t.substr(4, 2));
    d = std::stoi(t.substr(6, 2));
  } else if (auto date = parse_date(t); date && !date->year_only()) {
    y = date->year;
    m = date->month;
    d = date->day;
  } else {
    return fail();
  }
  if (!is_valid_date(y, m, d)) return fail();
  return CivilDate{y, m, d}.compact();
}

std::string sanitise_query(const std::string& raw, std::size_t max_bytes, bool& truncated) {
  std::string clean = strip_controls(to_valid_utf8(raw));
  for (char& c : clean)
    if (c == '\n' || c == '\t') c = ' ';
  truncated = clean.size() > max_bytes;
  if (truncated) clean = utf8_truncate(clean, max_bytes);
  return clean;
}

RewrittenQuery rewrite_query(const std::string& query, const Gazetteer& gazetteer, bool phrase_placeholders,
                             bool title_placeholders) {
  return Rewriter(query, gazetteer, phrase_placeholders, title_placeholders).run();
}

}  // namespace dossier

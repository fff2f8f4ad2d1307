#include "path_pattern.hpp"

#include "text.hpp"
#include "text_dates.hpp"

#include <dossier/errors.hpp>

namespace dossier {
namespace {

// Backtracking is exponential in wildcards; real patterns have a handful.
constexpr std::size_t kMaxPatternBytes = 512;
constexpr std::size_t kMaxWildcards = 12;

std::vector<std::string_view> split_parts(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    std::string_view part = path.substr(0, slash);
    if (!part.empty()) parts.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

PathPattern::PathPattern(std::string_view pattern) : text_(pattern) {
  auto bad = [&](const std::string& why) { return InvalidArgument("--path-pattern '" + text_ + "': " + why); };
  if (trim(pattern).empty()) throw bad("empty pattern");
  if (pattern.size() > kMaxPatternBytes) throw bad("pattern too long");
  anchored_ = pattern.front() == '/';
  std::size_t wildcards = 0;
  for (std::string_view raw : split_parts(pattern)) {
    Part part;
    if (raw == "**") {
      part.any_parts = true;
      ++wildcards;
      parts_.push_back(std::move(part));
      continue;
    }
    for (std::size_t i = 0; i < raw.size();) {
      char c = raw[i];
      if (c == '*') {
        if (i + 1 < raw.size() && raw[i + 1] == '*') throw bad("'**' must be a whole path part, as in 'a/**/b'");
        part.pieces.push_back({Kind::star, {}});
        ++wildcards;
        ++i;
      } else if (c == '?') {
        part.pieces.push_back({Kind::one_char, {}});
        ++i;
      } else if (c == '{') {
        std::size_t close = raw.find('}', i);
        if (close == std::string_view::npos) throw bad("'{' without '}'");
        std::string_view name = raw.substr(i + 1, close - i - 1);
        Piece piece{Kind::field, {}};
        if (name == "source") piece.field = Field::source;
        else if (name == "title") piece.field = Field::title;
        else if (name == "year") piece.field = Field::year;
        else if (name == "date") piece.field = Field::date;
        else if (name == "country") piece.field = Field::country;
        else if (name == "actor") piece.field = Field::actor;
        else throw bad("unknown field {" + std::string(name) + "} (known: source, year, date, country, actor, title)");
        part.pieces.push_back(std::move(piece));
        ++wildcards;
        i = close + 1;
      } else if (c == '}') {
        throw bad("'}' without '{'");
      } else {
        if (part.pieces.empty() || part.pieces.back().kind != Kind::literal) part.pieces.push_back({Kind::literal, {}});
        part.pieces.back().literal += c;
        ++i;
      }
    }
    parts_.push_back(std::move(part));
  }
  if (parts_.empty()) throw bad("pattern names no path parts");
  if (wildcards > kMaxWildcards) throw bad("too many wildcards and fields");
}

bool PathPattern::valid_capture(Field field, std::string_view value) {
  if (value.empty()) return false;
  switch (field) {
    case Field::year:
      return value.size() == 4 && all_digits(value);
    case Field::date: {
      // A day: {date} would otherwise stop at the year of "2024-06-18-title" ({year} is for a year).
      auto d = parse_date(value);
      return (d && !d->year_only()) || find_date_in_file_name(value).has_value();
    }
    default:
      return true;
  }
}

bool PathPattern::match_pieces(const Part& part, std::size_t k, std::string_view s, std::size_t pos,
                               std::vector<Capture>& captures, const std::vector<std::string_view>& path,
                               std::size_t pi, std::size_t si) const {
  if (k == part.pieces.size()) return pos == s.size() && match_parts(pi + 1, path, si + 1, captures);
  const Piece& piece = part.pieces[k];
  switch (piece.kind) {
    case Kind::literal:
      return s.compare(pos, piece.literal.size(), piece.literal) == 0 &&
             match_pieces(part, k + 1, s, pos + piece.literal.size(), captures, path, pi, si);
    case Kind::one_char:
      return pos < s.size() && match_pieces(part, k + 1, s, pos + 1, captures, path, pi, si);
    case Kind::star:
      for (std::size_t end = pos; end <= s.size(); ++end)
        if (match_pieces(part, k + 1, s, end, captures, path, pi, si)) return true;
      return false;
    case Kind::field:
      // Shortest first: "{country}_*" takes "UKR" from "UKR_79_2024.txt", not "UKR_79".
      for (std::size_t end = pos + 1; end <= s.size(); ++end) {
        std::string_view value = s.substr(pos, end - pos);
        if (!valid_capture(piece.field, value)) continue;
        captures.push_back({piece.field, value});
        if (match_pieces(part, k + 1, s, end, captures, path, pi, si)) return true;
        captures.pop_back();
      }
      return false;
  }
  return false;
}

bool PathPattern::match_parts(std::size_t pi, const std::vector<std::string_view>& path, std::size_t si,
                              std::vector<Capture>& captures) const {
  if (pi == parts_.size()) return si == path.size();
  const Part& part = parts_[pi];
  if (part.any_parts) {
    for (std::size_t next = si; next <= path.size(); ++next)
      if (match_parts(pi + 1, path, next, captures)) return true;
    return false;
  }
  if (si >= path.size()) return false;
  return match_pieces(part, 0, path[si], 0, captures, path, pi, si);
}

std::optional<PathFields> PathPattern::match(std::string_view relative_path) const {
  auto path = split_parts(relative_path);
  std::vector<Capture> captures;
  bool matched = false;
  if (anchored_) {
    matched = match_parts(0, path, 0, captures);
  } else {
    // Unanchored: the pattern matches the path's last parts.
    for (std::size_t start = 0; start <= path.size() && !matched; ++start) {
      captures.clear();
      std::vector<std::string_view> tail(path.begin() + static_cast<std::ptrdiff_t>(start), path.end());
      matched = match_parts(0, tail, 0, captures);
      // The longest tail that matches wins: shorter ones only matter when it fails.
    }
  }
  if (!matched) return std::nullopt;
  PathFields fields;
  for (const auto& c : captures) {
    std::string value(c.value);
    switch (c.field) {
      case Field::source: fields.source = value; break;
      case Field::title:
        for (char& ch : value)
          if (ch == '_') ch = ' ';
        fields.title = collapse_whitespace(value);
        break;
      case Field::year: fields.year = std::stoi(value); break;
      case Field::date: {
        auto d = parse_date(value);
        fields.date = d && !d->year_only() ? d : find_date_in_file_name(value);
        break;
      }
      case Field::country: fields.countries.push_back(value); break;
      case Field::actor: fields.actors.push_back(value); break;
    }
  }
  if (fields.date && !fields.year) fields.year = fields.date->year;
  return fields;
}

PathPatterns::PathPatterns(const std::vector<std::string>& patterns) {
  for (const auto& p : patterns) patterns_.emplace_back(p);
}

std::optional<PathFields> PathPatterns::match(std::string_view path, std::string_view root) const {
  std::string_view relative = path;
  if (!root.empty() && path.size() > root.size() && path.substr(0, root.size()) == root &&
      (root.back() == '/' || path[root.size()] == '/'))
    relative = path.substr(root.size());
  for (const auto& p : patterns_)
    if (auto fields = p.match(relative)) return fields;
  return std::nullopt;
}

}  // namespace dossier

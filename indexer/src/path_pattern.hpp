#pragma once
// `--path-pattern`: metadata from folder and file names.
//
// A pattern is matched against a file's path relative to the folder being
// indexed, one '/'-separated part at a time:
//
//   {source}   any text: the source            {year}   four digits: the year
//   {date}     a date (2024-06-18, 20240618)    {title}  any text: the title ('_' read as ' ')
//   {country}  a country, by name or ISO 3166 alpha-3 code (UKR): an actor
//   {actor}    any actor, by name or alias: an actor (may appear more than once)
//   *          any text within one part        ?   any one character
//   **         any number of whole parts (only as a whole part)
//
// A pattern matches the end of the path unless it starts with '/', which anchors it
// at the indexed folder: "{source}/*" takes the file's own folder as its source;
// "/{source}/**" the top folder under the indexed one. Literal text must match
// exactly (case-sensitive). With several patterns, the first that matches is used.
// Example: "Session */{country}_*_{year}.txt" on "Session 79 - 2024/UKR_79_2024.txt"
// gives country UKR (Ukraine) and year 2024.

#include "dates.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// What a path told about a file.
struct PathFields {
  std::string source;
  std::string title;
  std::optional<int> year;
  std::optional<CivilDate> date;
  std::vector<std::string> countries;  // as written (a code or a name)
  std::vector<std::string> actors;     // as written
};

class PathPattern {
 public:
  // @throws InvalidArgument when the pattern is empty, names an unknown field or is too complex.
  explicit PathPattern(std::string_view pattern);

  // The fields taken from `relative_path` ("a/b/c.txt"), or nullopt when it does not match.
  [[nodiscard]] std::optional<PathFields> match(std::string_view relative_path) const;
  [[nodiscard]] const std::string& text() const { return text_; }

 private:
  enum class Kind { literal, star, one_char, field };
  enum class Field { source, title, year, date, country, actor };
  struct Piece {
    Kind kind;
    std::string literal;
    Field field = Field::source;
  };
  struct Part {
    bool any_parts = false;  // "**"
    std::vector<Piece> pieces;
  };
  struct Capture {
    Field field;
    std::string_view value;
  };

  bool match_parts(std::size_t pi, const std::vector<std::string_view>& path, std::size_t si,
                   std::vector<Capture>& captures) const;
  bool match_pieces(const Part& part, std::size_t k, std::string_view s, std::size_t pos,
                    std::vector<Capture>& captures, const std::vector<std::string_view>& path, std::size_t pi,
                    std::size_t si) const;
  static bool valid_capture(Field field, std::string_view value);

  std::string text_;
  bool anchored_ = false;
  std::vector<Part> parts_;
};

// The patterns of a run, tried in order.
class PathPatterns {
 public:
  PathPatterns() = default;
  // @throws InvalidArgument for a bad pattern (naming it).
  explicit PathPatterns(const std::vector<std::string>& patterns);
  // `path` is a canonical file path, `root` the folder being indexed (may be empty).
  [[nodiscard]] std::optional<PathFields> match(std::string_view path, std::string_view root) const;
  [[nodiscard]] bool empty() const { return patterns_.empty(); }

 private:
  std::vector<PathPattern> patterns_;
};

}  // namespace dossier

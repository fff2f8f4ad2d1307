#pragma once
// The `---` YAML block at the top of a Markdown report.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct FrontMatter {
  std::map<std::string, std::string> scalars;  // lower-case key -> value (title, source, date, url, id, ...)
  std::vector<std::string> actors;             // from `actors:` (or people/organisations/countries/places)
};

struct FrontMatterSplit {
  std::optional<FrontMatter> front_matter;  // nullopt when there is no block or it is malformed
  std::string_view body;                     // the text after the block (all of it when there is none)
  std::string error;                         // why a block that was present could not be read
};

// Splits `text` into its front matter and body. A malformed block is reported in
// `error` and the whole text is kept as the body, so nothing is lost.
FrontMatterSplit split_front_matter(std::string_view text);

// The fields of a block (the lines between the markers) as the YAML parser
// reads them; nullopt, with `error` set, when it is not valid YAML or not a map.
// split_front_matter uses it for what the flat reader declines.
std::optional<FrontMatter> read_yaml_front_matter(std::string_view block, std::string& error);

}  // namespace dossier

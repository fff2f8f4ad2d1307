#pragma once
// Which front-matter keys mean what, shared by the YAML and the flat readers
// so that both fill a FrontMatter the same way.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// Bounds a list's walk, so an alias bomb cannot expand into millions of items.
inline constexpr std::size_t kMaxFrontMatterListItems = 500;

// Keys whose values are actors: "actors", "people", "countries", ...
bool is_actor_key(std::string_view lower_key);

// "actors: Russia, Ukraine" is a common shorthand for a list: appends the
// non-empty comma-separated items of `value`, trimmed.
void append_comma_list(std::string_view value, std::vector<std::string>& out);

}  // namespace dossier

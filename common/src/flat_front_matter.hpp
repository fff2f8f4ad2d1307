#pragma once
// Most front matter is flat: one `key: value` line per field, values plain,
// double-quoted or a one-line [list]. Reading that form directly costs a
// fraction of a YAML parser's time (a tenth of the indexer's own work on
// Reuters' 21,578 short reports went to yaml-cpp). Anything else is declined
// and left to the YAML parser, so the two always agree.

#include "front_matter.hpp"

#include <optional>
#include <string_view>

namespace dossier {

// The fields of `block` (the lines between the `---` markers), read as a YAML
// parser would; nullopt when the block uses anything beyond the flat form.
std::optional<FrontMatter> read_flat_front_matter(std::string_view block);

}  // namespace dossier

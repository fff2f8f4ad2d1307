#pragma once
// Finding the date a report is about in its own text.

#include "dates.hpp"

#include <optional>
#include <string_view>

namespace dossier {

// The first full date written in `text` ("June 18, 2024", "18 June 2024", "2024-06-18",
// "06/18/2024"), or a year-less one ("June 18", "Jun. 18") resolved against
// `year_hint`, else against a year the text itself gives. nullopt when none.
std::optional<CivilDate> find_date_in_text(std::string_view text, std::optional<int> year_hint);

// A date in a file name ("2024-06-18-brief.md", "20240618.txt"), if any.
std::optional<CivilDate> find_date_in_file_name(std::string_view file_name);

}  // namespace dossier

#pragma once
// Finding the date a report is about in its own text, with one hand-written
// pass over the first few kilobytes (no regular expressions: this runs on
// every file and must stay linear and allocation-light).

#include "dates.hpp"

#include <optional>
#include <string_view>

namespace dossier {

// A date written in running text, as the scanner found it.
struct TextDate {
  CivilDate date;
  bool year_written = true;  // false: "June 18" resolved against a year from elsewhere
};

// The first date written in `text` ("June 18, 2024", "June 18th, 2024", "18 June 2024",
// "2024-06-18", "06/18/2024", "18.06.2024"), or a year-less one ("June 18", "Jun. 18",
// "18 June"). A year-less date takes its year from, in order: `year_hint` (the run's
// --year or a year from the path), the year of the first full date in the text, the
// latest year the text mentions (1900-2099), `fallback_year` (the file's year).
// Only the first few kilobytes are read: reports state their date near the top.
// With `required_year` (a year the file's path gives), dates of other years are passed
// over as dates the text merely mentions.
// nullopt when there is no date, or a year-less one and no year to resolve it.
std::optional<TextDate> scan_date_in_text(std::string_view text, std::optional<int> year_hint,
                                          std::optional<int> fallback_year = std::nullopt,
                                          std::optional<int> required_year = std::nullopt);

// scan_date_in_text without the detail.
std::optional<CivilDate> find_date_in_text(std::string_view text, std::optional<int> year_hint,
                                           std::optional<int> fallback_year = std::nullopt);

// A date in a file name ("2024-06-18-brief.md", "20240618.txt", "brief_2024_06_18.pdf").
std::optional<CivilDate> find_date_in_file_name(std::string_view file_name);

// A year (1900-2099) standing alone in a path below the indexed folder, in the
// file name first, then in the folders from the nearest up ("Session 72 - 2017/
// FSM_72_2017.txt", "2019/q3/brief.md"). Digits touching it make it a number,
// not a year ("20171", "x2017y" still counts: letters do not).
std::optional<int> find_year_in_path(std::string_view relative_path);

}  // namespace dossier

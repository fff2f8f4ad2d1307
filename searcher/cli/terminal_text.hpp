#pragma once
// Text from documents is untrusted: nothing from it reaches a terminal
// without passing through here.

#include <string>
#include <string_view>

namespace dossier::cli {

// Replaces control characters (escape sequences included) and bidi overrides
// with nothing, newlines and tabs with spaces, and invalid UTF-8 with U+FFFD.
std::string terminal_safe(std::string_view text);

enum class ColourMode { automatic, always, never };

// Whether to colour stdout: never with NO_COLOR set (unless forced), only on a terminal in auto mode.
bool use_colour(ColourMode mode);

}  // namespace dossier::cli

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

// Whether to colour stdout: never with NO_COLOR set or TERM=dumb (unless forced),
// only on a terminal in auto mode.
bool use_colour(ColourMode mode, bool is_terminal);

// Whether this process's stdout is a terminal.
bool stdout_is_terminal();

}  // namespace dossier::cli

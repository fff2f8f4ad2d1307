#pragma once
/// @file
/// Where the index lives when the caller does not say.

#include <dossier/export.hpp>

#include <string>

namespace dossier {

/// The index path both CLIs agree on: `explicit_path` if not empty, else
/// `$DOSSIER_INDEX`, else `${XDG_DATA_HOME:-$HOME/.local/share}/dossier/index`.
/// @throws InvalidArgument when none of those can be determined (no HOME).
DOSSIER_API std::string resolve_index_path(const std::string& explicit_path);

}  // namespace dossier

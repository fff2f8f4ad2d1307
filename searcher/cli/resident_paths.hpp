#pragma once
// Where the resident searcher lives: the engine program beside dossier-search,
// and a private folder for its socket, named after the engine's identity so a
// rebuilt or upgraded engine never answers for an old one (the old one idles out).

#include <optional>
#include <string>

namespace dossier::cli {

// The full searcher program dossier-search hands its work to: beside it in a
// build tree, or in ../libexec/dossier once installed. Empty when neither exists.
std::string engine_path(const std::string& client_path);

// How dossier-search uses the resident searcher ($DOSSIER_SERVER): `on` (the
// default) asks it and falls back to running the engine; `off` always runs the
// engine; `require` only takes the resident searcher's answer (for tests and
// diagnosis: it fails rather than fall back).
enum class ResidentMode { on, off, require };
ResidentMode resident_mode();

// The socket of the resident searcher for this engine, in $DOSSIER_RUNTIME_DIR,
// $XDG_RUNTIME_DIR/dossier or /tmp/dossier-UID (made 0700 and checked to be
// this user's alone). nullopt when no safe folder or name can be had.
std::optional<std::string> resident_socket_path(const std::string& engine);

// Seconds a resident searcher waits for the next search before it exits
// ($DOSSIER_SERVER_IDLE, default 600).
int resident_idle_seconds();

}  // namespace dossier::cli

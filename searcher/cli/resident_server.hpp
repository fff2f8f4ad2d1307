#pragma once
// The resident searcher: dossier-search-engine --serve SOCKET. It answers
// dossier-search's requests one at a time with the same code a plain run uses
// (run_search_cli), keeping indexes open between them, and exits after
// resident_idle_seconds() without a request. Starting a whole process costs
// more than the search itself; see README "Resident searcher".

#include <string>

namespace dossier::cli {

// Serves on `socket_path` until idle; returns the process's exit code. Returns
// at once (0) when another resident searcher already serves that socket.
int serve_resident(const std::string& socket_path);

}  // namespace dossier::cli

#pragma once
// What dossier-search (the small client) and the resident searcher say to each
// other over a local socket: one request, one reply, then the connection closes.
// Plain length-prefixed strings; both ends are built from the same source, and
// the socket's name carries the engine's identity (resident_paths.hpp), so the
// two never disagree about the format.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dossier::cli {

// One dossier-search invocation as the client saw it.
struct ResidentRequest {
  std::vector<std::string> args;                            // without the program name
  std::string cwd;                                          // relative paths are the client's
  std::vector<std::pair<std::string, std::string>> env;     // the variables the search reads
  bool stdout_is_terminal = false;                          // for --color auto
};

// What the client prints and returns; `ran` false means "run the search yourself".
struct ResidentReply {
  bool ran = false;
  int exit_code = 0;
  std::string out, err;
};

// The environment variables a search reads (index location, colour choice).
const std::vector<std::string>& resident_env_names();

std::string encode_request(const ResidentRequest& request);
std::optional<ResidentRequest> decode_request(const std::string& bytes);
std::string encode_reply(const ResidentReply& reply);
std::optional<ResidentReply> decode_reply(const std::string& bytes);

// A message on a stream socket: its length (8 bytes) and then its bytes.
bool send_message(int fd, const std::string& bytes);
// Reads one message; nullopt on a closed connection, an error or one over `max_bytes`.
std::optional<std::string> receive_message(int fd, std::uint64_t max_bytes);

}  // namespace dossier::cli

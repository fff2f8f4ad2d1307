// What dossier-search and its resident searcher send each other: any bytes
// decode or are refused (never a crash, never a read past the message), and
// whatever decodes encodes back to the very same bytes (one way to write each
// message, so nothing is read differently from how it was meant).

#include "fuzz_targets.hpp"

#include "resident_protocol.hpp"

#include <string>

namespace dossier::fuzz {

int resident_messages(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  if (auto request = cli::decode_request(bytes))
    require(cli::encode_request(*request) == bytes, "a decoded request encodes to other bytes");
  if (auto reply = cli::decode_reply(bytes))
    require(cli::encode_reply(*reply) == bytes, "a decoded reply encodes to other bytes");
  return 0;
}

}  // namespace dossier::fuzz

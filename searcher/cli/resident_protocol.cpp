#include "resident_protocol.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace dossier::cli {
namespace {

constexpr char kRequestMagic[] = "dossier-search request 1";
constexpr char kReplyMagic[] = "dossier-search reply 1";

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void put_string(std::string& out, const std::string& s) {
  put_u64(out, s.size());
  out += s;
}

// Reads fields back in the order they were put; any shortfall makes it fail.
class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}

  bool u64(std::uint64_t& v) {
    if (bytes_.size() - pos_ < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i) v |= std::uint64_t(static_cast<unsigned char>(bytes_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return true;
  }

  bool string(std::string& s) {
    std::uint64_t n = 0;
    if (!u64(n) || bytes_.size() - pos_ < n) return false;
    s.assign(bytes_, pos_, n);
    pos_ += n;
    return true;
  }

  // A count of items that each take at least `min_item` bytes, so a damaged
  // count cannot ask for more items than the message could hold.
  bool count(std::uint64_t& n, std::size_t min_item) {
    return u64(n) && n <= (bytes_.size() - pos_) / min_item;
  }

  bool at_end() const { return pos_ == bytes_.size(); }

 private:
  const std::string& bytes_;
  std::size_t pos_ = 0;
};

bool write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

bool read_all(int fd, char* p, std::size_t n) {
  while (n > 0) {
    ssize_t r = ::read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<std::size_t>(r);
  }
  return true;
}

}  // namespace

const std::vector<std::string>& resident_env_names() {
  static const std::vector<std::string> names = {"DOSSIER_INDEX", "XDG_DATA_HOME", "HOME", "NO_COLOR", "TERM"};
  return names;
}

std::string encode_request(const ResidentRequest& request) {
  std::string out;
  put_string(out, kRequestMagic);
  put_string(out, request.cwd);
  put_u64(out, request.stdout_is_terminal ? 1 : 0);
  put_u64(out, request.env.size());
  for (const auto& [name, value] : request.env) {
    put_string(out, name);
    put_string(out, value);
  }
  put_u64(out, request.args.size());
  for (const auto& a : request.args) put_string(out, a);
  return out;
}

std::optional<ResidentRequest> decode_request(const std::string& bytes) {
  Reader in(bytes);
  ResidentRequest request;
  std::string magic;
  std::uint64_t terminal = 0, n = 0;
  if (!in.string(magic) || magic != kRequestMagic || !in.string(request.cwd) || !in.u64(terminal) || terminal > 1 ||
      !in.count(n, 16))
    return std::nullopt;
  request.stdout_is_terminal = terminal == 1;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string name, value;
    if (!in.string(name) || !in.string(value)) return std::nullopt;
    request.env.emplace_back(std::move(name), std::move(value));
  }
  if (!in.count(n, 8)) return std::nullopt;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string arg;
    if (!in.string(arg)) return std::nullopt;
    request.args.push_back(std::move(arg));
  }
  if (!in.at_end()) return std::nullopt;
  return request;
}

std::string encode_reply(const ResidentReply& reply) {
  std::string out;
  put_string(out, kReplyMagic);
  put_u64(out, reply.ran ? 1 : 0);
  put_u64(out, static_cast<std::uint64_t>(static_cast<std::uint32_t>(reply.exit_code)));
  put_string(out, reply.out);
  put_string(out, reply.err);
  return out;
}

std::optional<ResidentReply> decode_reply(const std::string& bytes) {
  Reader in(bytes);
  ResidentReply reply;
  std::string magic;
  std::uint64_t ran = 0, code = 0;
  if (!in.string(magic) || magic != kReplyMagic || !in.u64(ran) || ran > 1 || !in.u64(code) || code > 255 ||
      !in.string(reply.out) || !in.string(reply.err) || !in.at_end())
    return std::nullopt;
  reply.ran = ran == 1;
  reply.exit_code = static_cast<int>(code);
  return reply;
}

bool send_message(int fd, const std::string& bytes) {
  std::string header;
  put_u64(header, bytes.size());
  return write_all(fd, header.data(), header.size()) && write_all(fd, bytes.data(), bytes.size());
}

std::optional<std::string> receive_message(int fd, std::uint64_t max_bytes) {
  char header[8];
  if (!read_all(fd, header, sizeof header)) return std::nullopt;
  std::uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n |= std::uint64_t(static_cast<unsigned char>(header[i])) << (8 * i);
  if (n > max_bytes) return std::nullopt;
  std::string bytes(n, '\0');
  if (!read_all(fd, bytes.data(), n)) return std::nullopt;
  return bytes;
}

}  // namespace dossier::cli

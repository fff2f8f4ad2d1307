// The resident searcher's messages: what is sent is what is read, and a
// damaged or foreign message is refused rather than half-read.

#include "resident_protocol.hpp"

#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <unistd.h>

#include <random>
#include <thread>

using namespace dossier::cli;

namespace {

ResidentRequest sample_request() {
  ResidentRequest r;
  r.args = {"--index", "/tmp/ix", "--json", "", std::string("nul\0inside", 10), "\"north korea\" date:2024"};
  r.cwd = "/home/analyst/reports";
  r.env = {{"DOSSIER_INDEX", "/srv/index"}, {"TERM", "xterm-256color"}, {"NO_COLOR", ""}};
  r.stdout_is_terminal = true;
  return r;
}

}  // namespace

TEST_CASE("a request and a reply read back as they were written", "[resident]") {
  const ResidentRequest request = sample_request();
  auto back = decode_request(encode_request(request));
  REQUIRE(back);
  CHECK(back->args == request.args);
  CHECK(back->cwd == request.cwd);
  CHECK(back->env == request.env);
  CHECK(back->stdout_is_terminal);

  ResidentReply reply{true, 2, "hits\n", std::string("err\0or\n", 7)};
  auto reply_back = decode_reply(encode_reply(reply));
  REQUIRE(reply_back);
  CHECK(reply_back->ran);
  CHECK(reply_back->exit_code == 2);
  CHECK(reply_back->out == reply.out);
  CHECK(reply_back->err == reply.err);
}

TEST_CASE("a damaged, truncated or foreign message is refused", "[resident]") {
  const std::string request = encode_request(sample_request());
  const std::string reply = encode_reply(ResidentReply{true, 0, "out", "err"});
  for (std::size_t n = 0; n < request.size(); ++n) CHECK_FALSE(decode_request(request.substr(0, n)));
  for (std::size_t n = 0; n < reply.size(); ++n) CHECK_FALSE(decode_reply(reply.substr(0, n)));
  CHECK_FALSE(decode_request(request + "x"));
  CHECK_FALSE(decode_request(reply));
  CHECK_FALSE(decode_reply(request));

  // Random damage never crashes and never reads past the message.
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    std::string damaged = i % 2 ? request : reply;
    for (int k = 0; k < 3; ++k) damaged[rng() % damaged.size()] = static_cast<char>(rng());
    (void)decode_request(damaged);
    (void)decode_reply(damaged);
  }
}

TEST_CASE("messages cross a socket whole, and an oversized one is refused", "[resident]") {
  int fds[2];
  REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
  const std::string big(3 << 20, 'x');  // more than a socket buffer holds
  std::thread writer([&] {
    send_message(fds[0], big);
    send_message(fds[0], "small");
    send_message(fds[0], big);
    ::close(fds[0]);
  });
  auto first = receive_message(fds[1], 16u << 20);
  REQUIRE(first);
  CHECK(*first == big);
  auto second = receive_message(fds[1], 16u << 20);
  REQUIRE(second);
  CHECK(*second == "small");
  CHECK_FALSE(receive_message(fds[1], 1u << 20));  // declares 3 MB: refused before reading it
  ::close(fds[1]);
  writer.join();
}

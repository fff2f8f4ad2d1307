#include <catch2/catch.hpp>

#include "terminal_text.hpp"
#include "text.hpp"

#include <string>
#include <utility>
#include <vector>

using namespace dossier;

TEST_CASE("control characters and bidi overrides are stripped", "[text]") {
  CHECK(strip_controls("a\x1b[2Jb\x07" "c\r\nd\te") == "a[2Jbc\nd\te");
  CHECK(strip_controls("x\xC2\x9B" "31my") == "x31my");                  // C1 CSI
  CHECK(strip_controls("evil\xE2\x80\xAEtxt.exe") == "eviltxt.exe");    // RIGHT-TO-LEFT OVERRIDE
  CHECK(strip_controls("caf\xC3\xA9 \xE2\x80\x93 ok") == "caf\xC3\xA9 \xE2\x80\x93 ok");
}

TEST_CASE("terminal_safe keeps text readable and inert", "[text]") {
  CHECK(cli::terminal_safe("title\x1b]0;pwned\x07 end\nnext") == "title]0;pwned end next");
  CHECK(cli::terminal_safe("bad \xff byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("terminal_safe copies printable runs and still stops at each control", "[text]") {
  // Runs of printable ASCII are copied whole: the characters around them must still be checked.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"plain ~ text!", "plain ~ text!"},
      {std::string("a\0b", 3), "ab"},
      {"del\x7f end", "del end"},
      {"\x1f\x20\x7e\x7f", " ~"},
      {"tab\there\r\n", "tab here  "},
      {"caf\xC3\xA9 ok", "caf\xC3\xA9 ok"},
      {"c1\xC2\x9B[31m", "c1[31m"},
      {"bidi\xE2\x80\xAEx", "bidix"},
      {"end\xC3", "end\xEF\xBF\xBD"},
  };
  for (const auto& [in, out] : cases) {
    INFO("input: " << in);
    CHECK(cli::terminal_safe(in) == out);
  }
}

TEST_CASE("encodings are repaired into valid UTF-8", "[text]") {
  CHECK(to_valid_utf8("plain") == "plain");
  CHECK(to_valid_utf8("\xEF\xBB\xBFwith bom") == "with bom");
  CHECK(to_valid_utf8("caf\xE9 cr\xE8me") == "caf\xC3\xA9 cr\xC3\xA8me");  // Latin-1
  std::string utf16le("\xFF\xFEh\0i\0", 6);
  CHECK(to_valid_utf8(utf16le) == "hi");
  std::string mostly = "na\xC3\xAFve caf\xC3\xA9 \xff end";
  CHECK(is_valid_utf8(to_valid_utf8(mostly)));
  CHECK(to_valid_utf8(mostly).find("na\xC3\xAFve") == 0);
}

TEST_CASE("binary detection and safe cutting", "[text]") {
  std::string binary(1000, '\0');
  CHECK(looks_binary(binary));
  CHECK_FALSE(looks_binary("an ordinary report"));
  CHECK(utf8_truncate("caf\xC3\xA9", 4) == "caf");
  CHECK(shorten_at_word("one two three four five", 12) == "one two\xE2\x80\xA6");
  CHECK(collapse_whitespace("  a \n\t b  ") == "a b");
}

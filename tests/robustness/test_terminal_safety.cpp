// Terminal safety: escape sequences, C1 controls and bidi overrides in a
// document's title, text, metadata or file name never reach the terminal, in
// either program's text output; JSON output is valid UTF-8 and parses.

#include "robust_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;
using namespace dossier::test;
using namespace std::string_literals;

namespace {

// The only escape sequences dossier itself writes (searcher/cli/render_text.cpp).
const char* const kOwnSequences[] = {"\x1b[1;33m", "\x1b[1m", "\x1b[2m", "\x1b[0m"};

std::string strip_own_sequences(std::string s) {
  for (const char* seq : kOwnSequences) {
    std::string needle(seq);
    for (std::size_t at; (at = s.find(needle)) != std::string::npos;) s.erase(at, needle.size());
  }
  return s;
}

// Why `s` is unsafe for a terminal (empty when it is safe): any C0 control but
// newline, DEL, C1 controls, bidi overrides and isolates, invalid UTF-8.
std::string terminal_problem(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    auto at = [&](const std::string& what) { return what + " at byte " + std::to_string(i) + ": ..." +
                                                    s.substr(i < 40 ? 0 : i - 40, 80) + "..."; };
    if ((c < 0x20 && c != '\n') || c == 0x7F) return at("control byte " + std::to_string(c));
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0 &&
        static_cast<unsigned char>(s[i + 1]) >= 0x80)
      return at("C1 control");
    if (c == 0xE2 && i + 2 < s.size()) {
      auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
      if (c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) return at("bidi override");
      if (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9) return at("bidi isolate");
    }
  }
  return {};
}

const std::string kEvilBits =
    "\x1b[2J\x1b[H\x1b]0;pwned title\x07\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\"
    "\xC2\x9b" "31m\xC2\x9d" "0;c1\xC2\x9c \xE2\x80\xAE" "desrever\xE2\x80\xAC \xE2\x81\xA6iso\xE2\x81\xA9"
    "\x7f\x08\x08\r\x0b\x0c\x05\x00\xFF\xFE"s;

void build_evil_folder(const TempDir& tmp) {
  tmp.write("evil/evil-front-matter.md",
            "---\ntitle: \"Evil \\e[2J\\e]0;title\\a title\"\nsource: \"Src\\e[31m red\"\n"
            "actors: [\"Act\\e[5m blink\", Russia]\ndate: 2024-06-18\n---\n# Heading\n\nterminalword body " +
                kEvilBits + " terminalword again.\n");
  tmp.write("evil/evil-raw.txt", "Raw title " + kEvilBits + "\n\nterminalword and " + kEvilBits + " terminalword.\n");
  tmp.write("evil/name\x1b[2J\x1b]0;x\x07\xC2\x9b\xE2\x80\xAE.txt", "terminalword in a file with an evil name.\n");
  tmp.write("evil/binary\x1b]0;skipped\x07.txt", std::string(4096, '\0'));
  tmp.write("evil/badname\xFF\xFE.txt", "terminalword in a file whose name is not UTF-8.\n");
}

}  // namespace

TEST_CASE("escape sequences in documents and file names never reach the terminal", "[terminal]") {
  TempDir tmp;
  build_evil_folder(tmp);
  const std::string index = tmp.path() + "/index";
  auto indexed = run_bounded({index_bin(), tmp.path() + "/evil", "--index", index}, std::chrono::seconds(120),
                             tmp.path());
  REQUIRE(indexed.exit_code == 0);
  INFO("dossier-index stderr: " << indexed.err);
  // stderr is not a terminal here, so dossier-index writes no colour at all.
  CHECK(terminal_problem(indexed.err).empty());

  for (const char* colour : {"always", "never"}) {
    for (const std::string snippet_length : {"240", "2000"}) {
      INFO("--color " << colour << " --snippet-length " << snippet_length);
      auto r = run_bounded({search_bin(), "--index", index, "--color", colour, "--snippet-length", snippet_length,
                            "-n", "20", "terminalword"},
                           std::chrono::seconds(60), tmp.path());
      REQUIRE(r.exit_code == 0);
      CHECK(r.out.find("terminalword") != std::string::npos);
      std::string visible = strip_own_sequences(r.out);
      if (std::string(colour) == "never") CHECK(visible == r.out);
      CHECK(terminal_problem(visible) == "");
      CHECK(terminal_problem(r.err) == "");
    }
  }

  // The query itself is echoed: it must be cleaned too.
  auto q = run_bounded({search_bin(), "--index", index, "--color", "never", "terminalword \x1b[2J\xC2\x9b"},
                       std::chrono::seconds(60), tmp.path());
  CHECK((q.exit_code == 0 || q.exit_code == 1));
  CHECK(terminal_problem(q.out) == "");
  CHECK(terminal_problem(q.err) == "");
}

TEST_CASE("JSON output is valid UTF-8 and parses whatever the documents hold", "[terminal]") {
  TempDir tmp;
  build_evil_folder(tmp);
  const std::string index = tmp.path() + "/index";
  REQUIRE(run_bounded({index_bin(), tmp.path() + "/evil", "--index", index, "-q"}, std::chrono::seconds(120),
                      tmp.path())
              .exit_code == 0);
  auto r = run_bounded({search_bin(), "--index", index, "--json", "-n", "20", "terminalword"},
                       std::chrono::seconds(60), tmp.path());
  REQUIRE(r.exit_code == 0);
  // nlohmann's parser rejects invalid UTF-8, so parsing is the validity check.
  nlohmann::json j;
  REQUIRE_NOTHROW(j = nlohmann::json::parse(r.out));
  CHECK(j["hits"].size() == 4);
  // C0 controls appear only as \u escapes (C1 and bidi characters are valid JSON text).
  CHECK(std::none_of(r.out.begin(), r.out.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; }));
  for (const auto& hit : j["hits"]) {
    // Control characters are gone from the stored text, not only escaped.
    std::string title = hit.value("title", ""), snippet = hit["snippet"].value("text", "");
    CHECK(title.find('\x1b') == std::string::npos);
    CHECK(snippet.find('\x1b') == std::string::npos);
  }
}

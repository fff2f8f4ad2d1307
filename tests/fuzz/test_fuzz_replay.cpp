// Replays every seed and every saved crash input through its fuzz target in a
// normal build, so inputs that once crashed stay fixed (and run under the
// sanitizer build in CI). Files: tests/fuzz/{seeds,regressions}/<target>/*.

#include "fuzz_targets.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_of(const std::string& target, const char* kind) {
  std::vector<fs::path> files;
  fs::path dir = fs::path(DOSSIER_FUZZ_DIR) / kind / target;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void replay(const dossier::fuzz::Target& target, const char* kind) {
  for (const auto& file : inputs_of(target.name, kind)) {
    INFO(kind << "/" << target.name << "/" << file.filename().string());
    std::string bytes = read_all(file);
    CHECK_NOTHROW(target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
  }
}

}  // namespace

TEST_CASE("every fuzz target has seed inputs", "[fuzz]") {
  for (const auto& target : dossier::fuzz::targets()) {
    INFO(target.name);
    CHECK_FALSE(inputs_of(target.name, "seeds").empty());
  }
}

TEST_CASE("fuzz seeds run cleanly through their targets", "[fuzz]") {
  for (const auto& target : dossier::fuzz::targets()) replay(target, "seeds");
}

TEST_CASE("inputs that once crashed a fuzz target no longer do", "[fuzz]") {
  for (const auto& target : dossier::fuzz::targets()) replay(target, "regressions");
}

TEST_CASE("fuzz targets survive empty and tiny inputs", "[fuzz]") {
  const std::uint8_t bytes[] = {0, '-', '\n', 0xFF, '[', '{', '<', '"', ',', 0xC3};
  for (const auto& target : dossier::fuzz::targets()) {
    INFO(target.name);
    for (std::size_t n = 0; n <= sizeof bytes; ++n) CHECK_NOTHROW(target.run(bytes, n));
  }
}

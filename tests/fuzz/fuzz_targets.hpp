#pragma once
// The fuzz targets: each takes arbitrary bytes and must neither crash, hang,
// leak, nor break the property it checks. Built twice: as libFuzzer programs
// (DOSSIER_FUZZ=ON, clang) and into a normal Catch2 test that replays the seed
// and regression inputs, so every crash ever found stays fixed.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::fuzz {

// A broken property (not a crash): thrown, so libFuzzer aborts on it and the
// replay test reports it with its message.
class Finding : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

inline void require(bool ok, const char* what) {
  if (!ok) throw Finding(what);
}

using TargetFn = int (*)(const std::uint8_t* data, std::size_t size);

struct Target {
  const char* name;  // also the folder name under seeds/ and regressions/
  TargetFn run;
};

int text_hygiene(const std::uint8_t* data, std::size_t size);
int front_matter(const std::uint8_t* data, std::size_t size);
int dates(const std::uint8_t* data, std::size_t size);
int actors(const std::uint8_t* data, std::size_t size);
int reader_txt(const std::uint8_t* data, std::size_t size);
int reader_md(const std::uint8_t* data, std::size_t size);
int reader_html(const std::uint8_t* data, std::size_t size);
int reader_json(const std::uint8_t* data, std::size_t size);
int reader_jsonl(const std::uint8_t* data, std::size_t size);
int reader_csv(const std::uint8_t* data, std::size_t size);
int reader_pdf(const std::uint8_t* data, std::size_t size);
int pipeline(const std::uint8_t* data, std::size_t size);
int query(const std::uint8_t* data, std::size_t size);
int stored_data(const std::uint8_t* data, std::size_t size);
int resident_messages(const std::uint8_t* data, std::size_t size);

// Every target, in the order run-fuzzers runs them.
const std::vector<Target>& targets();

}  // namespace dossier::fuzz

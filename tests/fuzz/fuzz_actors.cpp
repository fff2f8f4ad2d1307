// Actor matching: the built-in gazetteer over arbitrary text, and a gazetteer
// built from arbitrary TSV (split from the text at the first NUL byte).

#include "fuzz_targets.hpp"

#include "gazetteer.hpp"

#include <algorithm>
#include <string_view>

namespace dossier::fuzz {
namespace {

void check_found(const Gazetteer& g, const std::vector<std::string>& found) {
  require(std::is_sorted(found.begin(), found.end()), "find_actors result not sorted");
  require(std::adjacent_find(found.begin(), found.end()) == found.end(), "find_actors result not unique");
  for (const auto& name : found) require(g.knows(name), "find_actors returned an unknown name");
}

}  // namespace

int actors(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const Gazetteer& builtin = Gazetteer::builtin();
  check_found(builtin, builtin.find_actors(input));
  if (auto c = builtin.canonical(input)) require(!builtin.surface_forms(*c).empty(), "canonical without forms");

  std::size_t nul = input.find('\0');
  if (nul == std::string_view::npos) return 0;
  Gazetteer custom;
  (void)custom.add_tsv(input.substr(0, nul));
  std::string_view text = input.substr(nul + 1);
  check_found(custom, custom.find_actors(text));
  (void)custom.canonical(text);
  (void)custom.fingerprint();
  return 0;
}

}  // namespace dossier::fuzz

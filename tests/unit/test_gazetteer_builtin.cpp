// The built-in gazetteer is compiled into static tables at build time; these
// tests check those tables answer exactly as parsing the TSV at run time does.

#include <catch2/catch.hpp>

#include "gazetteer.hpp"
#include "text.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using dossier::Gazetteer;

namespace {

std::string shipped_tsv() {
  std::ifstream in(DOSSIER_SOURCE_DIR "/common/data/gazetteer.tsv", std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every canonical name and alias in the TSV, each also lower-cased, upper-cased
// (ASCII) and padded with spaces, plus names it does not know.
std::vector<std::string> sample_names(const std::string& tsv) {
  std::vector<dossier::ActorEntry> entries;
  (void)dossier::parse_gazetteer_tsv(tsv, entries);
  std::vector<std::string> names{"Atlantis", "", " ", "dprk", "UNITED STATES", "Korea's"};
  for (const auto& e : entries) {
    std::vector<std::string> forms{e.canonical};
    forms.insert(forms.end(), e.aliases.begin(), e.aliases.end());
    for (const auto& f : forms) {
      std::string upper = f;
      for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      for (const auto& v : {f, dossier::utf8_lower(f), upper, " " + f + " "}) names.push_back(v);
    }
  }
  return names;
}

std::string show(const std::optional<std::string>& s) {
  return s ? "'" + *s + "'" : "none";
}
std::string show(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += "'" + s + "' ";
  return out;
}

// Where `a` and `b` answer differently, one line per difference.
std::vector<std::string> differences(const Gazetteer& a, const Gazetteer& b, const std::vector<std::string>& names) {
  std::vector<std::string> diffs;
  auto differ = [&diffs](const std::string& what, const auto& x, const auto& y) {
    if (x != y) diffs.push_back(what + ": " + show(x) + " vs " + show(y));
  };
  if (a.size() != b.size()) diffs.push_back("size: " + std::to_string(a.size()) + " vs " + std::to_string(b.size()));
  differ("fingerprint", std::optional<std::string>(a.fingerprint()), std::optional<std::string>(b.fingerprint()));
  std::string text;
  for (const auto& name : names) {
    differ("canonical(" + name + ")", a.canonical(name), b.canonical(name));
    differ("surface_forms(" + name + ")", a.surface_forms(name), b.surface_forms(name));
    const std::string sentence = "On Monday " + name + " said, (" + name + ").";
    differ("find_actors(" + sentence + ")", a.find_actors(sentence), b.find_actors(sentence));
    text += name + " and ";
  }
  differ("find_actors(all names)", a.find_actors(text), b.find_actors(text));
  return diffs;
}

// Shows the first few differences when a check fails.
std::string first(const std::vector<std::string>& diffs) {
  std::string out;
  for (std::size_t i = 0; i < diffs.size() && i < 5; ++i) out += diffs[i] + "\n";
  return out;
}

}  // namespace

TEST_CASE("the compiled-in gazetteer answers as parsing its TSV at run time does", "[gazetteer]") {
  const std::string tsv = shipped_tsv();
  Gazetteer parsed;
  CHECK(parsed.add_tsv(tsv).empty());
  const auto names = sample_names(tsv);
  REQUIRE(names.size() > 2000);
  auto diffs = differences(Gazetteer::builtin(), parsed, names);
  INFO(first(diffs));
  CHECK(diffs.empty());
  CHECK(Gazetteer::builtin().fingerprint() == parsed.fingerprint());
}

TEST_CASE("the gazetteer comparison notices one changed alias", "[gazetteer]") {
  // The check above must be able to fail: a gazetteer one alias away differs.
  const std::string tsv = shipped_tsv();
  Gazetteer changed;
  changed.add_tsv(tsv);
  auto forms = changed.surface_forms("North Korea");
  REQUIRE(forms.size() > 1);
  std::string line = "North Korea\tcountry\t";
  for (std::size_t i = 2; i < forms.size(); ++i) line += forms[i] + "|";  // drops the first alias
  changed.add_tsv(line + "\n");
  auto diffs = differences(Gazetteer::builtin(), changed, sample_names(tsv));
  CHECK_FALSE(diffs.empty());
  CHECK(Gazetteer::builtin().fingerprint() != changed.fingerprint());
}

TEST_CASE("a copy of the built-in gazetteer extended with a TSV matches one parsed whole", "[gazetteer]") {
  const std::string tsv = shipped_tsv();
  const std::string extra = "North Korea\tcountry\tNK|DPRK\nJane Analyst\tperson\tAnalyst Jane|DPRK chief\nbad line\n";
  Gazetteer extended = Gazetteer::builtin();
  auto problems = extended.add_tsv(extra);
  CHECK(problems.size() == 1);
  Gazetteer parsed;
  parsed.add_tsv(tsv);
  parsed.add_tsv(extra);
  auto names = sample_names(tsv + extra);
  auto diffs = differences(extended, parsed, names);
  INFO(first(diffs));
  CHECK(diffs.empty());
  CHECK(extended.canonical("NK") == std::optional<std::string>("North Korea"));
  CHECK(extended.size() == Gazetteer::builtin().size() + 1);

  // Copies and moves keep answering the same, owned tables or static ones.
  Gazetteer copy = extended;
  Gazetteer moved = std::move(extended);
  CHECK(differences(copy, moved, names).empty());
  Gazetteer builtin_copy = Gazetteer::builtin();
  CHECK(differences(builtin_copy, Gazetteer::builtin(), names).empty());
}

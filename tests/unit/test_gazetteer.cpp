#include <catch2/catch.hpp>

#include "gazetteer.hpp"

using dossier::Gazetteer;

TEST_CASE("the built-in gazetteer is large and typed", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::builtin();
  CHECK(g.size() >= 400);
  CHECK(g.canonical("DPRK") == std::optional<std::string>("North Korea"));
  CHECK(g.canonical("North Korean") == std::optional<std::string>("North Korea"));
  CHECK(g.canonical("Putin") == std::optional<std::string>("Vladimir Putin"));
  CHECK(g.canonical("north korea") == std::optional<std::string>("North Korea"));
  CHECK_FALSE(g.canonical("Atlantis").has_value());
}

TEST_CASE("actors are found by longest whole-word match", "[gazetteer]") {
  Gazetteer g;
  auto problems = g.add_tsv(
      "# comment\nNorth Korea\tcountry\tDPRK|North Korean|Pyongyang\nKorea\tcountry\t\n"
      "Vladimir Putin\tperson\tPutin\nUnited States\tcountry\tU.S.|US\n");
  CHECK(problems.empty());
  auto found = g.find_actors("Putin met North Korean officials; the U.S. objected. DPRKs and USA are not names.");
  CHECK(found == std::vector<std::string>{"North Korea", "United States", "Vladimir Putin"});
  CHECK(g.find_actors("us and korean") == std::vector<std::string>{});
  CHECK(g.find_actors("Korea's economy") == std::vector<std::string>{"Korea"});
}

TEST_CASE("later entries override and bad lines are reported", "[gazetteer]") {
  Gazetteer g;
  g.add_tsv("Jens Stoltenberg\tperson\tStoltenberg\n");
  auto problems = g.add_tsv("Jens Stoltenberg\tperson\tNATO chief\nbroken line\nX\tplanet\t\n");
  CHECK(problems.size() == 2);
  CHECK(g.find_actors("the NATO chief said") == std::vector<std::string>{"Jens Stoltenberg"});
  CHECK(g.fingerprint() != Gazetteer().fingerprint());
}

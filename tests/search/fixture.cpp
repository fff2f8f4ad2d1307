#include "fixture.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

namespace dossier::test {
namespace {

constexpr int kDocs = 48;
const char* const kSources[] = {"Alpha Desk", "Beta Review", "Gamma Wire"};
const char* const kActors[] = {"North Korea", "Russia", "Ukraine", "China", "Vladimir Putin"};

std::string canonical_path(const std::string& p) { return std::filesystem::weakly_canonical(p).string(); }

}  // namespace

const std::vector<std::string>& fixture_vocabulary() {
  static const std::vector<std::string> kWords = {
      "shells",  "convoy",   "convoys",   "harbour",  "grain",    "tanker",   "drones",    "sanctions",
      "railway", "missile",  "ceasefire", "refinery", "satellite", "border",  "summit",    "artillery",
      "factory", "shipment", "warehouse", "turbine",  "pipeline", "ammunition", "brigade", "frigate"};
  return kWords;
}

Fixture::Fixture() : folder_(dir_.path() + "/reports"), index_(dir_.path() + "/index") {
  const auto& vocab = fixture_vocabulary();
  unsigned seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int i = 0; i < kDocs; ++i) {
    LabelledDoc d;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2023 + i % 2, 1 + (i * 5) % 12, 1 + (i * 11) % 28);
    d.date = date;
    d.format = i % 5 == 4 ? "txt" : "md";
    std::string body;
    for (int s = 0; s < 6; ++s) {
      std::string sentence = "The report number " + std::to_string(i) + " noted";
      for (int k = 0; k < 5; ++k) {
        const std::string& w = vocab[next() % vocab.size()];
        d.words.insert(w);
        sentence += " " + w;
      }
      body += sentence + " near the coast.\n";
    }
    // Every sixth report names the North Korean capital in its text: the
    // indexer tags it with the actor although no front matter says so.
    if (i % 6 == 1) {
      body += "Officials in Pyongyang declined to comment.\n";
      d.actors.insert("North Korea");
    }
    std::string title = "Report " + std::to_string(i) + " on " + *d.words.begin();
    if (d.format == "md") {
      if (i % 8 != 7) d.source = kSources[i % 3];
      std::vector<std::string> declared;
      for (int a = 0; a < 5; ++a)
        if (((i * 37 + 11) >> a) & 1) declared.push_back(kActors[a]);
      std::string front = "---\ntitle: \"" + title + "\"\n";
      if (!d.source.empty()) front += "source: " + d.source + "\n";
      front += "date: " + d.date + "\n";
      if (!declared.empty()) {
        front += "actors: [";
        for (std::size_t k = 0; k < declared.size(); ++k) front += (k ? ", " : "") + declared[k];
        front += "]\n";
      }
      front += "---\n\n";
      for (const auto& a : declared) d.actors.insert(a);
      d.file = "md/report-" + std::to_string(i) + ".md";
      dir_.write("reports/" + d.file, front + "# " + title + "\n\n" + body);
    } else {
      // Plain text: the date comes from the file name, no source, no declared actors.
      d.file = "txt/" + d.date + "-note-" + std::to_string(i) + ".txt";
      dir_.write("reports/" + d.file, title + "\n\n" + body);
    }
    docs_.push_back(std::move(d));
  }
  auto r = run_process({index_bin(), folder_, "--index", index_, "-q"});
  if (r.exit_code != 0) FAIL("indexing the fixture failed: " << r.err);
}

const Fixture& Fixture::get() {
  static Fixture instance;
  return instance;
}

std::set<std::string> Fixture::paths_where(const std::function<bool(const LabelledDoc&)>& keep) const {
  std::set<std::string> out;
  for (const auto& d : docs_)
    if (keep(d)) out.insert(canonical_path(folder_ + "/" + d.file));
  return out;
}

ProcessResult Fixture::cli(std::vector<std::string> args) const {
  args.insert(args.begin(), {search_bin(), "--index", index_});
  return run_process(args);
}

SpecialFixture::SpecialFixture() : folder_(dir_.path() + "/specials"), index_(dir_.path() + "/index") {
  dir_.write("specials/markup.md",
             "---\ntitle: \"<b>Bold</b> claims & \\\"quotes\\\"\"\nsource: Markup <Desk>\ndate: 2024-05-01\n---\n\n"
             "The payload <script>alert('xss')</script> arrived with the quartermaster & his \"friends\".\n");
  dir_.write("specials/controls.txt",
             "Control title\n\nThe quartermaster \x1b[31mred\x1b[0m text with a bell \x07 and a CSI \xC2\x9b"
             "2J and a bidi \xE2\x80\xAE override.\n");
  const std::string body =
      "A bulk carrier loaded with about fifty thousand tonnes of barley passed through the strait on Tuesday "
      "morning, bound for ports in the south, according to shipping data and a local agent of the owners.\n\n"
      "The vessel departed the northern port last week, sailing along the western coast through territorial "
      "waters before reaching the strait. Its passage is the latest sign that the maritime corridor continues "
      "to function despite periodic strikes on port infrastructure and insurance worries among traders.\n\n"
      "Barley prices on the exchanges were little changed on the news.\n";
  dir_.write("specials/barley-original.txt", "Barley carrier clears the strait\n\n" + body +
                                                 "\n(Harbour Wire - reporting by the coast desk)\n");
  dir_.write("specials/barley-repost.txt", "Strait sees barley shipment on its way south\n\n" + body +
                                               "\nThis article is republished under licence. All rights reserved.\n");
  dir_.write("specials/dprk-text.txt",
             "Launch note\n\nThe DPRK tested a launcher near the quartermaster depot on 3 March 2024.\n");
  dir_.write("specials/declared-only.md",
             "---\ntitle: Depot note\nactors: [North Korea]\ndate: 2024-03-04\n---\n\nA depot note about the "
             "quartermaster without naming any country.\n");
  dir_.write("specials/unrelated.md",
             "---\ntitle: Weather\ndate: 2024-03-05\n---\n\nRain over the quartermaster depot, nothing else.\n");
  auto r = run_process({index_bin(), folder_, "--index", index_, "-q"});
  if (r.exit_code != 0) FAIL("indexing the special fixture failed: " << r.err);
}

const SpecialFixture& SpecialFixture::get() {
  static SpecialFixture instance;
  return instance;
}

ProcessResult SpecialFixture::cli(std::vector<std::string> args) const {
  args.insert(args.begin(), {search_bin(), "--index", index_});
  return run_process(args);
}

std::set<std::string> hit_paths(Searcher& searcher, SearchRequest request) {
  request.limit = 10000;
  request.collapse_duplicates = false;
  std::set<std::string> out;
  for (const auto& h : searcher.search(request).hits)
    if (!h.related) out.insert(h.article.path);
  return out;
}

}  // namespace dossier::test

// term_levers: what the stemming strategy and positions cost, in indexing time
// and index size, on one folder, with Xapian alone (no dossier pipeline): each
// variant indexes the same texts, held in memory, into a fresh database on one
// thread, commits every 1024 documents, and is then compacted.
//
//   term_levers FOLDER [--work DIR] [--json FILE]
//
// Variants: Xapian's default as omindex uses it (each word, plus its "Z" stem
// for words not capitalised, STEM_SOME, with positions); dossier's scheme (each
// word once as "Z" + stem, STEM_ALL_Z, with positions); the same without
// positions (no phrase search); unstemmed words with positions. Each document
// also stores its text, as dossier does. The figures isolate the term choice:
// dossier-index adds metadata, actors, parallel shards and its own pipeline.

#include <xapian.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Variant {
  const char* name;
  Xapian::TermGenerator::stem_strategy strategy;
  bool positions;
};

const Variant kVariants[] = {
    {"words + Z stems, positions (Xapian default, STEM_SOME)", Xapian::TermGenerator::STEM_SOME, true},
    {"Z stems only, positions (dossier, STEM_ALL_Z)", Xapian::TermGenerator::STEM_ALL_Z, true},
    {"Z stems only, no positions", Xapian::TermGenerator::STEM_ALL_Z, false},
    {"words only, positions (no stemming)", Xapian::TermGenerator::STEM_NONE, true},
};

constexpr std::size_t kCommitEvery = 1024;

std::vector<std::string> read_texts(const std::string& folder, std::uintmax_t& bytes) {
  std::vector<std::string> texts;
  bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    auto ext = entry.path().extension().string();
    if (ext != ".txt" && ext != ".md" && ext != ".html" && ext != ".htm") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
    bytes += texts.back().size();
  }
  return texts;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

std::uintmax_t folder_bytes(const fs::path& folder) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

nlohmann::json run_variant(const Variant& v, const std::vector<std::string>& texts, const fs::path& work) {
  fs::path db_path = work / "db", compact_path = work / "compact";
  fs::remove_all(db_path);
  fs::remove_all(compact_path);
  auto wall0 = std::chrono::steady_clock::now();
  double cpu0 = cpu_seconds();
  {
    Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator terms;
    terms.set_stemmer(Xapian::Stem("english"));
    terms.set_stemming_strategy(v.strategy);
    std::size_t n = 0;
    db.begin_transaction();
    for (const auto& text : texts) {
      Xapian::Document doc;
      terms.set_document(doc);
      if (v.positions) terms.index_text(text);
      else terms.index_text_without_positions(text);
      doc.set_data(text);
      db.add_document(doc);
      if (++n % kCommitEvery == 0) {
        db.commit_transaction();
        db.begin_transaction();
      }
    }
    db.commit_transaction();
  }
  double index_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  double index_cpu = cpu_seconds() - cpu0;
  Xapian::Database(db_path.string()).compact(compact_path.string());
  nlohmann::json out = {{"variant", v.name},
                        {"index_s", index_s},
                        {"index_cpu_s", index_cpu},
                        {"compacted_bytes", folder_bytes(compact_path)}};
  for (const char* table : {"postlist", "position", "termlist", "docdata"}) {
    fs::path file = compact_path / (std::string(table) + ".glass");
    out["tables"][table] = fs::exists(file) ? fs::file_size(file) : 0;
  }
  fs::remove_all(db_path);
  fs::remove_all(compact_path);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"term_levers: what stemming and positions cost in Xapian, on one folder"};
  std::string folder, work = fs::temp_directory_path() / "term_levers", json_file;
  app.add_option("folder", folder, "folder of .txt/.md/.html files")->required();
  app.add_option("--work", work, "scratch folder (emptied)");
  app.add_option("--json", json_file, "also write the figures here");
  CLI11_PARSE(app, argc, argv);
  try {
    std::uintmax_t raw = 0;
    auto texts = read_texts(folder, raw);
    if (texts.empty()) throw std::runtime_error("no .txt/.md/.html files under " + folder);
    fs::create_directories(work);
    nlohmann::json all = {{"folder", folder}, {"files", texts.size()}, {"raw_bytes", raw}, {"variants", {}}};
    std::printf("%zu files, %.1f MB of text; one thread, commit every %zu, then compacted\n\n", texts.size(),
                raw / 1e6, kCommitEvery);
    std::printf("%-56s %7s %7s %9s %6s %10s\n", "variant", "wall s", "cpu s", "index MB", "x raw", "position MB");
    for (const auto& v : kVariants) {
      auto r = run_variant(v, texts, work);
      double mb = r["compacted_bytes"].get<double>() / 1e6;
      std::printf("%-56s %7.2f %7.2f %9.1f %6.2f %10.1f\n", v.name, r["index_s"].get<double>(),
                  r["index_cpu_s"].get<double>(), mb, r["compacted_bytes"].get<double>() / raw,
                  r["tables"]["position"].get<double>() / 1e6);
      std::fflush(stdout);
      all["variants"].push_back(r);
    }
    fs::remove_all(work);
    if (!json_file.empty()) std::ofstream(json_file) << all.dump(2) << "\n";
  } catch (const std::exception& e) {
    std::cerr << "term_levers: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

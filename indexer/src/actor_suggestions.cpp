#include <dossier/errors.hpp>
#include <dossier/indexer.hpp>

#include "article_codec.hpp"
#include "data_packing.hpp"
#include "gazetteer.hpp"
#include "index_writer_errors.hpp"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

namespace dossier {
namespace {

// Capitalised words that start sentences or titles, not names.
const std::set<std::string> kNotNames = {"The", "A", "An", "In", "On", "At", "For", "And", "But", "Or", "It",
                                         "This", "That", "These", "Those", "He", "She", "They", "We", "I",
                                         "His", "Her", "Their", "Our", "Read", "Select", "Mr", "Mrs", "Ms",
                                         "Dr", "According", "After", "Before", "While", "When", "As", "If"};

bool is_capitalised_word(std::string_view w) {
  return w.size() >= 2 && std::isupper(static_cast<unsigned char>(w[0])) &&
         std::islower(static_cast<unsigned char>(w[1]));
}

// Runs of two to four capitalised words ("Jens Stoltenberg", "Rodong Sinmun").
std::set<std::string> candidate_names(std::string_view text) {
  std::set<std::string> names;
  std::vector<std::string> run;
  auto flush = [&] {
    while (!run.empty() && kNotNames.count(run.front())) run.erase(run.begin());
    if (run.size() >= 2 && run.size() <= 4) {
      std::string name;
      for (const auto& w : run) name += (name.empty() ? "" : " ") + w;
      names.insert(name);
    }
    run.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) ||
                               static_cast<unsigned char>(text[j]) >= 0x80 || text[j] == '-'))
      ++j;
    if (j == i) {
      if (text[i] != ' ') flush();
      ++i;
      continue;
    }
    std::string_view word = text.substr(i, j - i);
    if (is_capitalised_word(word)) run.emplace_back(word);
    else flush();
    i = j;
  }
  flush();
  return names;
}

}  // namespace

std::vector<std::pair<std::string, std::size_t>> suggest_actors(const std::string& path,
                                                                const IndexerOptions& options, std::size_t limit) {
  Gazetteer gazetteer = Gazetteer::builtin();
  if (!options.actors_file.empty()) {
    std::ifstream in(options.actors_file, std::ios::binary);
    if (!in) throw InvalidArgument("cannot read actors file '" + options.actors_file + "'");
    std::stringstream ss;
    ss << in.rdbuf();
    gazetteer.add_tsv(ss.str());
  }
  return translate_xapian_errors(path, [&] {
    Xapian::Database db(path);
    DataUnpacker unpacker([&db](const std::string& key) { return db.get_metadata(key); });
    std::unordered_map<std::string, std::size_t> documents_naming;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Article a = decode_article(unpacker.payload(db.get_document(*it)));
      for (const auto& name : candidate_names(a.text))
        if (!gazetteer.knows(name)) ++documents_naming[name];
    }
    std::vector<std::pair<std::string, std::size_t>> out(documents_naming.begin(), documents_naming.end());
    out.erase(std::remove_if(out.begin(), out.end(), [](const auto& p) { return p.second < 2; }), out.end());
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (out.size() > limit) out.resize(limit);
    return out;
  });
}

}  // namespace dossier

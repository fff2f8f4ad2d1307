#include "positionless_words.hpp"

#include "query_rewriter.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <xapian.h>

#include <string_view>
#include <vector>

namespace dossier {
namespace {

// Characters Xapian's query parser joins words into a phrase with ("bank/of/england").
// '-' is left out: hyphenated words are split before parsing (query_builder);
// ':' names fields.
constexpr std::string_view kPhraseJoiners = "./\\@";

bool positionless(const std::string& word, schema::Revision p) {
  static const Xapian::Stem stem("english");
  std::string s = stem(utf8_lower(word));
  return schema::positionless_stem(s, p) || schema::positionless_number(s, p);
}

// A word with no query syntax of its own, operators included.
bool plain(const std::string& w) { return is_letters_and_digits(w) && !is_operator_word(w); }

// "bank/of/england" -> "\"bank of england\"" when a part has no positions; else as it is.
std::string relax_joined(const std::string& token, schema::Revision p) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : token) {
    if (kPhraseJoiners.find(c) != std::string_view::npos) {
      parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  parts.push_back(part);
  if (parts.size() < 2) return token;
  bool any = false;
  for (const auto& part_text : parts) {
    if (!plain(part_text)) return token;
    any = any || positionless(part_text, p);
  }
  if (!any) return token;
  std::string phrase = "\"";
  for (std::size_t i = 0; i < parts.size(); ++i) phrase += (i ? " " : "") + parts[i];
  return phrase + "\"";
}

}  // namespace

std::string relax_positionless_words(const std::string& query, schema::Revision positions) {
  // Whitespace-separated tokens, each kept with the spacing before it.
  struct Token {
    std::string space, text;
  };
  std::vector<Token> tokens;
  std::string trailing;
  for (std::size_t i = 0; i < query.size();) {
    std::size_t start = i;
    while (i < query.size() && is_space(query[i])) ++i;
    std::string space = query.substr(start, i - start);
    if (i == query.size()) {
      trailing = space;
      break;
    }
    start = i;
    while (i < query.size() && !is_space(query[i])) ++i;
    tokens.push_back({space, query.substr(start, i - start)});
  }
  // A quote or bracket anywhere: the parser's own grouping decides, leave the chains alone.
  const bool grouped = query.find_first_of("\"()") != std::string::npos;

  std::string out;
  for (std::size_t i = 0; i < tokens.size();) {
    // A chain: word (OP word)+, every word plain.
    std::size_t end = i + 1;
    // A number like "1.5" is one term to the parser, a word here.
    auto chain_word = [&](const std::string& w) { return plain(w) || positionless(w, positions); };
    if (!grouped && chain_word(tokens[i].text)) {
      while (end + 1 < tokens.size() && is_proximity_word(tokens[end].text) && chain_word(tokens[end + 1].text))
        end += 2;
    }
    if (end == i + 1) {
      out += tokens[i].space + (grouped ? tokens[i].text : relax_joined(tokens[i].text, positions));
      ++i;
      continue;
    }
    // Words i, i+2, ..., end-1; operators between them.
    std::vector<std::size_t> kept;
    for (std::size_t w = i; w < end; w += 2)
      if (!positionless(tokens[w].text, positions)) kept.push_back(w);
    if (kept.size() == (end - i + 1) / 2) {
      for (std::size_t t = i; t < end; ++t) out += tokens[t].space + tokens[t].text;
    } else if (kept.empty()) {
      // Function words only ("the NEAR of"): all of them, without positions.
      for (std::size_t w = i; w < end; w += 2) out += (w == i ? tokens[w].space : " ") + tokens[w].text;
    } else {
      // The chain's first operator carries its window (NEAR/5 applies to the whole group).
      const std::string& op = tokens[i + 1].text;
      for (std::size_t k = 0; k < kept.size(); ++k)
        out += (k == 0 ? tokens[i].space : " " + op + " ") + tokens[kept[k]].text;
    }
    i = end;
  }
  return out + trailing;
}

}  // namespace dossier

#include "front_matter.hpp"

#include "flat_front_matter.hpp"
#include "front_matter_fields.hpp"
#include "text.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

namespace dossier {
namespace {

// Front matter is a few lines; anything larger is not a header we should trust.
constexpr std::size_t kMaxFrontMatterBytes = 64 * 1024;

const char* const kActorKeys[] = {"actors", "actor", "people", "persons", "organisations",
                                  "organizations", "countries", "places", "entities"};

void collect_list(const YAML::Node& node, std::vector<std::string>& out) {
  if (node.IsScalar()) {
    append_comma_list(node.Scalar(), out);
    return;
  }
  if (!node.IsSequence()) return;
  std::size_t seen = 0;
  for (const auto& item : node) {
    if (++seen > kMaxFrontMatterListItems) break;
    if (item.IsScalar() && !trim(item.Scalar()).empty()) out.emplace_back(trim(item.Scalar()));
  }
}

}  // namespace

bool is_actor_key(std::string_view lower_key) {
  return std::find(std::begin(kActorKeys), std::end(kActorKeys), lower_key) != std::end(kActorKeys);
}

void append_comma_list(std::string_view value, std::vector<std::string>& out) {
  std::string_view rest = value;
  while (!rest.empty()) {
    std::size_t comma = rest.find(',');
    std::string_view item = trim(rest.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
}

std::optional<FrontMatter> read_yaml_front_matter(std::string_view block, std::string& error) {
  try {
    YAML::Node root = YAML::Load(std::string(block));
    if (!root.IsMap()) {
      error = "front matter is not a set of 'key: value' lines";
      return std::nullopt;
    }
    FrontMatter fm;
    for (const auto& kv : root) {
      if (!kv.first.IsScalar()) continue;
      std::string key = ascii_lower(kv.first.Scalar());
      if (is_actor_key(key)) {
        collect_list(kv.second, fm.actors);
      } else if (kv.second.IsScalar()) {
        fm.scalars[key] = std::string(trim(kv.second.Scalar()));
      } else if (kv.second.IsSequence() && kv.second.size() > 0 && kv.second[0].IsScalar()) {
        fm.scalars[key] = std::string(trim(kv.second[0].Scalar()));  // e.g. author: [A, B]
      }
    }
    return fm;
  } catch (const YAML::Exception& e) {
    error = "front matter is not valid YAML: " + std::string(e.what());
    return std::nullopt;
  }
}

FrontMatterSplit split_front_matter(std::string_view text) {
  FrontMatterSplit result{std::nullopt, text, {}};
  std::string_view rest = text;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  if (rest.substr(0, 3) != "---") return result;
  std::size_t first_eol = rest.find('\n');
  if (first_eol == std::string_view::npos || trim(rest.substr(3, first_eol - 3)) != "") return result;

  // Find the closing line: "---" or "..." alone.
  std::size_t pos = first_eol + 1, close = std::string_view::npos, after = rest.size();
  while (pos < rest.size() && pos < kMaxFrontMatterBytes) {
    std::size_t eol = rest.find('\n', pos);
    std::string_view line = rest.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    std::string_view t = trim(line);
    if (t == "---" || t == "...") {
      close = pos;
      after = eol == std::string_view::npos ? rest.size() : eol + 1;
      break;
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  if (close == std::string_view::npos) {
    result.error = "front matter has no closing '---' line";
    return result;
  }

  std::string_view block = rest.substr(first_eol + 1, close - first_eol - 1);
  std::optional<FrontMatter> fm = read_flat_front_matter(block);
  if (!fm) fm = read_yaml_front_matter(block, result.error);
  if (fm) {
    result.front_matter = std::move(fm);
    result.body = rest.substr(after);
  }
  return result;
}

}  // namespace dossier

#include "flat_front_matter.hpp"

#include "front_matter_fields.hpp"
#include "text.hpp"

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace dossier {
namespace {

// A value as YAML would read it: one scalar, or a list of scalars.
struct FlatValue {
  bool is_list = false;
  std::string scalar;
  std::vector<std::string> items;
};

// Bytes that change how YAML reads a line, or that it reads specially: then
// the YAML parser decides. Tabs, carriage returns and other controls, and the
// Unicode line breaks YAML 1.1 knows (NEL, LS, PS) and a stray byte-order mark.
bool has_awkward_bytes(std::string_view line) {
  for (unsigned char c : line)
    if (c < 0x20 || c == 0x7F) return true;
  return line.find("\xC2\x85") != std::string_view::npos || line.find("\xE2\x80\xA8") != std::string_view::npos ||
         line.find("\xE2\x80\xA9") != std::string_view::npos || line.find("\xEF\xBB\xBF") != std::string_view::npos;
}

bool is_null_word(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// A plain (unquoted) scalar that reads as its own text. `in_list` adds the
// characters that end an item inside [...].
bool is_simple_plain(std::string_view s, bool in_list) {
  if (s.empty() || is_null_word(s)) return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos) return false;
  if (s.back() == ':') return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
  if (s.find_first_of("[]{}") != std::string_view::npos) return false;
  if (in_list && s.find_first_of(",\"'#") != std::string_view::npos) return false;
  return true;
}

// "..." or '...' with no quote or escape inside: the text between the quotes.
std::optional<std::string_view> simple_quoted(std::string_view s) {
  if (s.size() < 2 || (s.front() != '"' && s.front() != '\'') || s.back() != s.front()) return std::nullopt;
  std::string_view inner = s.substr(1, s.size() - 2);
  if (inner.find_first_of("\"'\\") != std::string_view::npos) return std::nullopt;
  return inner;
}

std::optional<std::string> read_scalar(std::string_view s, bool in_list) {
  if (auto quoted = simple_quoted(s)) return std::string(*quoted);
  if (is_simple_plain(s, in_list)) return std::string(s);
  return std::nullopt;
}

std::optional<FlatValue> read_value(std::string_view s) {
  FlatValue value;
  if (s.front() != '[') {
    auto scalar = read_scalar(s, false);
    if (!scalar) return std::nullopt;
    value.scalar = std::move(*scalar);
    return value;
  }
  if (s.back() != ']') return std::nullopt;
  value.is_list = true;
  std::string_view inner = trim(s.substr(1, s.size() - 2));
  while (!inner.empty()) {
    std::size_t comma = inner.find(',');
    auto item = read_scalar(trim(inner.substr(0, comma)), true);
    if (!item) return std::nullopt;  // also an empty item: "[a,,b]" or "[a, b,]"
    value.items.push_back(std::move(*item));
    if (comma == std::string_view::npos) break;
    inner = trim(inner.substr(comma + 1));
    if (inner.empty()) return std::nullopt;
  }
  return value;
}

bool is_simple_key(std::string_view key) {
  if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key.front())) || key.front() == '_')) return false;
  for (unsigned char c : key)
    if (!std::isalnum(c) && c != '_' && c != '-' && c != '.') return false;
  return true;
}

}  // namespace

std::optional<FrontMatter> read_flat_front_matter(std::string_view block) {
  FrontMatter fm;
  std::set<std::string_view> keys;
  bool any = false;
  while (!block.empty()) {
    std::size_t eol = block.find('\n');
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 1);
    if (has_awkward_bytes(line)) return std::nullopt;
    if (trim(line).empty() || line.front() == '#') continue;
    if (line.front() == ' ') return std::nullopt;  // continued or nested values

    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string_view key = line.substr(0, colon);
    std::string_view rest = line.substr(colon + 1);
    if (!is_simple_key(key) || (!rest.empty() && rest.front() != ' ')) return std::nullopt;
    if (!keys.insert(key).second) return std::nullopt;  // a repeated key: YAML's rules decide
    any = true;

    std::string_view text = trim(rest);
    if (text.empty()) continue;  // a null value: no field
    auto value = read_value(text);
    if (!value) return std::nullopt;

    // As read_yaml_front_matter fills the fields.
    std::string lowered = ascii_lower(key);
    if (is_actor_key(lowered)) {
      if (!value->is_list) {
        append_comma_list(value->scalar, fm.actors);
      } else {
        std::size_t seen = 0;
        for (const auto& item : value->items) {
          if (++seen > kMaxFrontMatterListItems) break;
          if (!trim(item).empty()) fm.actors.emplace_back(trim(item));
        }
      }
    } else if (!value->is_list) {
      fm.scalars[lowered] = std::string(trim(value->scalar));
    } else if (!value->items.empty()) {
      fm.scalars[lowered] = std::string(trim(value->items.front()));
    }
  }
  if (!any) return std::nullopt;  // YAML reads an empty block as no map at all
  return fm;
}

}  // namespace dossier

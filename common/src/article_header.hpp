#pragma once
// Reading a stored document's one-line JSON header into the values the article
// codec looks at. A search decodes every hit's header, and building a general
// JSON tree for it cost far more than the rest of the decoding, so the header is
// read directly when it has the shapes the encoder writes, and by the general
// parser otherwise (old or hand-made headers): both give the same values.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// An array element or an object member.
struct HeaderItem {
  enum class Type { string, unsigned_number, other };
  Type type = Type::other;
  std::string key;  // an object member's name
  std::string text;
  std::uint64_t number = 0;
};

struct HeaderValue {
  enum class Type { absent, string, array, object, other };
  Type type = Type::absent;
  std::string text;
  std::vector<HeaderItem> items;  // an array's elements or an object's members, in order
};

// The header's values under the keys either header form uses; other keys are
// dropped. As in JSON objects read by nlohmann, a repeated key keeps its last value.
class HeaderFields {
 public:
  // The compact form's keys, then the long form's.
  static constexpr std::array<std::string_view, 23> kKeys = {
      "i",  "p",    "u",   "t",     "s",      "d",    "f",      "a",      "o",       "O",  "_d", "_c",
      "id", "path", "url", "title", "source", "date", "format", "actors", "origins", "_declared_actors",
      "_actor_context"};

  // The value under a key of kKeys (absent for any other key).
  const HeaderValue& at(std::string_view key) const;
  bool contains(std::string_view key) const { return at(key).type != HeaderValue::Type::absent; }
  // Where a key's value is kept, or nullptr when the key is not one of kKeys.
  HeaderValue* slot(std::string_view key);

 private:
  std::array<HeaderValue, kKeys.size()> values_;
};

// The header's values, or nothing when it is not a JSON object (malformed included).
std::optional<HeaderFields> read_header(std::string_view header);

// Only the direct reader: nothing when the header is not an object whose values
// are strings, arrays of strings and unsigned integers, or objects of strings,
// or when it is malformed. Exposed for tests.
std::optional<HeaderFields> read_header_directly(std::string_view header);

}  // namespace dossier

// Front matter: YAML from documents (alias bombs, deep nesting, huge scalars).

#include "fuzz_targets.hpp"

#include "front_matter.hpp"
#include "text.hpp"

namespace dossier::fuzz {

int front_matter(const std::uint8_t* data, std::size_t size) {
  // As the Markdown reader does: encoding repaired and control characters gone
  // first (yaml-cpp splits a character around a NUL byte, so raw text with NULs
  // can give scalars that are not UTF-8).
  std::string text = strip_controls(to_valid_utf8(std::string_view(reinterpret_cast<const char*>(data), size)));
  FrontMatterSplit split = split_front_matter(text);
  const char* begin = text.data();
  const char* end = begin + text.size();
  require(split.body.empty() || (split.body.data() >= begin && split.body.data() + split.body.size() <= end),
          "body is not a part of the text");
  if (!split.front_matter) {
    require(split.body.size() == text.size(), "without front matter the whole text must be the body");
  } else {
    require(split.error.empty(), "front matter and an error at once");
    for (const auto& [key, value] : split.front_matter->scalars) {
      require(is_valid_utf8(key) && is_valid_utf8(value), "front matter scalar is not UTF-8");
    }
  }
  return 0;
}

}  // namespace dossier::fuzz

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
    // Scalars are not promised to be UTF-8: yaml-cpp writes the escapes "\N" and
    // "\_" as single Latin-1 bytes. enrich cleans every field (checked by the
    // pipeline target), so only their size is bounded here.
    for (const auto& [key, value] : split.front_matter->scalars)
      require(key.size() + value.size() <= text.size() * 4 + 16, "front matter scalar larger than its text");
  }
  return 0;
}

}  // namespace dossier::fuzz

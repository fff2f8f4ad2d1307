#include "gazetteer_tables.hpp"

#include "text.hpp"

#include <algorithm>

namespace dossier {

GazetteerView GazetteerTables::view() const {
  return {text,
          {entries.data(), entries.size()},
          {forms.data(), forms.size()},
          {exact.data(), exact.size()},
          {lower.data(), lower.size()},
          {by_canonical.data(), by_canonical.size()}};
}

GazetteerTables build_gazetteer_tables(const std::vector<ActorEntry>& entries) {
  GazetteerTables t;
  auto append = [&t](std::string_view s) {
    auto offset = static_cast<std::uint32_t>(t.text.size());
    t.text.append(s);
    return offset;
  };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ActorEntry& e = entries[i];
    auto entry = static_cast<std::uint32_t>(i);
    t.entries.push_back(
        {static_cast<std::uint32_t>(t.forms.size()), static_cast<std::uint32_t>(e.aliases.size() + 1), e.type});
    for (std::size_t k = 0; k <= e.aliases.size(); ++k) {
      const std::string& form = k == 0 ? e.canonical : e.aliases[k - 1];
      GazetteerForm exact{append(form), static_cast<std::uint32_t>(form.size()), entry};
      t.forms.push_back(exact);
      t.exact.push_back(exact);
      // Most forms are ASCII with capitals; those already lower-case share their slice.
      std::string lowered = utf8_lower(form);
      if (lowered == form)
        t.lower.push_back(exact);
      else
        t.lower.push_back({append(lowered), static_cast<std::uint32_t>(lowered.size()), entry});
    }
  }
  // Stable, so that among equal forms the one added last (the later entry) is last.
  auto by_text = [&t](const GazetteerForm& a, const GazetteerForm& b) {
    return std::string_view(t.text).substr(a.offset, a.length) < std::string_view(t.text).substr(b.offset, b.length);
  };
  std::stable_sort(t.exact.begin(), t.exact.end(), by_text);
  std::stable_sort(t.lower.begin(), t.lower.end(), by_text);

  t.by_canonical.resize(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) t.by_canonical[i] = static_cast<std::uint32_t>(i);
  std::sort(t.by_canonical.begin(), t.by_canonical.end(),
            [&entries](std::uint32_t a, std::uint32_t b) { return entries[a].canonical < entries[b].canonical; });
  return t;
}

std::vector<ActorEntry> gazetteer_entries(const GazetteerView& view) {
  std::vector<ActorEntry> entries;
  entries.reserve(view.entries.size);
  for (std::size_t i = 0; i < view.entries.size; ++i) {
    const GazetteerRow& row = view.entries[i];
    ActorEntry e;
    e.canonical = view.canonical(i);
    e.type = row.type;
    for (std::uint32_t k = 1; k < row.form_count; ++k)
      e.aliases.emplace_back(view.form_text(view.forms[row.first_form + k]));
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace dossier

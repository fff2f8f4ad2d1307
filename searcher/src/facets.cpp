#include "facets.hpp"

#include "schema.hpp"

#include <dossier/errors.hpp>

#include <algorithm>

namespace dossier {
namespace {

using schema::Field;

Field field_of(const std::string& name) {
  if (name == "source") return Field::source;
  if (name == "actor") return Field::actors;
  if (name == "format") return Field::format;
  return Field::date;  // year, month
}

}  // namespace

const std::vector<std::string>& facet_names() {
  static const std::vector<std::string> kNames = {"source", "actor", "year", "month", "format"};
  return kNames;
}

void check_facet_names(const std::vector<std::string>& names) {
  for (const auto& n : names) {
    const auto& known = facet_names();
    if (std::find(known.begin(), known.end(), n) == known.end())
      throw QueryError("unknown facet '" + n + "' (use source, actor, year, month, format)", n);
  }
}

FacetSpies::FacetSpies(const std::vector<std::string>& names) : names_(names) {
  check_facet_names(names);
  for (const auto& n : names) {
    unsigned slot = *schema::spec(field_of(n)).slot;
    if (!spies_.count(slot)) spies_[slot] = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
  }
}

void FacetSpies::attach(Xapian::Enquire& enquire) const {
  for (const auto& [slot, spy] : spies_) enquire.add_matchspy(spy.get());
}

FacetCounts FacetSpies::counts() const {
  FacetCounts out;
  for (const auto& name : names_) {
    auto& counts = out[name];
    const auto& spy = *spies_.at(*schema::spec(field_of(name)).slot);
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
      const std::string value = *it;
      const std::size_t n = it.get_termfreq();
      if (value.empty()) continue;
      if (name == "actor") {
        // A packed set "A\nB\nC": each actor in it gets the set's count.
        std::size_t start = 0;
        while (start <= value.size()) {
          std::size_t nl = value.find('\n', start);
          std::string actor = value.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
          if (!actor.empty()) counts[actor] += n;
          if (nl == std::string::npos) break;
          start = nl + 1;
        }
      } else if (name == "year") {
        if (value.size() >= 4) counts[value.substr(0, 4)] += n;
      } else if (name == "month") {
        if (value.size() >= 6) counts[value.substr(0, 4) + "-" + value.substr(4, 2)] += n;
      } else {
        counts[value] += n;
      }
    }
  }
  return out;
}

}  // namespace dossier

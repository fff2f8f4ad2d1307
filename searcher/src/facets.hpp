#pragma once
// Exact facet counts with Xapian's built-in ValueCountMatchSpy only, so they
// also work over the remote backend: one spy per value slot; the actor facet
// counts each document's packed actor set and is unpacked here; year and
// month come from the YYYYMMDD date slot.

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dossier {

using FacetCounts = std::map<std::string, std::map<std::string, std::size_t>>;

// The facet names a request may ask for, in display order.
const std::vector<std::string>& facet_names();

// @throws QueryError naming the first unknown facet.
void check_facet_names(const std::vector<std::string>& names);

class FacetSpies {
 public:
  explicit FacetSpies(const std::vector<std::string>& names);
  // The spies must stay alive until the match has run.
  void attach(Xapian::Enquire& enquire) const;
  [[nodiscard]] FacetCounts counts() const;

 private:
  std::vector<std::string> names_;
  std::map<unsigned, std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;
};

}  // namespace dossier

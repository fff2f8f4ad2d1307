#include "more_like_this.hpp"

#include "schema.hpp"

#include <dossier/errors.hpp>

#include <cctype>
#include <climits>
#include <cstdlib>
#include <optional>

namespace dossier {
namespace {

// Terms taken from the document; enough to characterise it, few enough to stay fast.
constexpr Xapian::termcount kLikeTerms = 30;

// Plain words and their stems only: no filters, ids or title-prefixed copies.
class WordTermsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 3) return false;
    auto c = static_cast<unsigned char>(term[0]);
    if (c == 'Z') c = static_cast<unsigned char>(term[1]);
    else if (std::isdigit(c)) return false;
    return std::islower(c) || c >= 0x80;
  }
};

std::optional<Xapian::docid> find_document(const Xapian::Database& db, const std::string& path_or_id) {
  if (auto d = document_by_id(db, path_or_id)) return d;
  char resolved[PATH_MAX];
  std::string canonical = ::realpath(path_or_id.c_str(), resolved) ? std::string(resolved) : path_or_id;
  if (auto d = document_by_id(db, canonical)) return d;
  // Documents with a declared id are found by the path they came from.
  const unsigned slot = *schema::spec(schema::Field::path).slot;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it)
    if (*it == canonical || *it == path_or_id) return it.get_docid();
  return std::nullopt;
}

}  // namespace

std::optional<Xapian::docid> document_by_id(const Xapian::Database& db, const std::string& id) {
  for (auto revision : {schema::Revision::stems_3, schema::Revision::stems_2}) {
    std::string term = schema::id_term(id, revision);
    auto it = db.postlist_begin(term);
    if (it != db.postlist_end(term)) return *it;
  }
  return std::nullopt;
}

LikeQuery like_query(const Xapian::Database& db, const std::string& path_or_id) {
  auto docid = find_document(db, path_or_id);
  if (!docid) throw QueryError("--like: no indexed document has the id or path '" + path_or_id + "'", path_or_id);
  Xapian::Enquire enquire(db);
  Xapian::RSet rset;
  rset.add_document(*docid);
  WordTermsOnly decider;
  Xapian::ESet eset = enquire.get_eset(kLikeTerms, rset, &decider);
  LikeQuery out;
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    const std::string term = *it;
    terms.emplace_back(term);
    if (auto stem = schema::stem_of_any(term); !stem.empty()) out.highlight.stems.insert(std::string(stem));
    else out.highlight.words.insert(term);
  }
  Xapian::Query similar(Xapian::Query::OP_OR, terms.begin(), terms.end());
  // Leave the document itself out: by its id term, found in its term list.
  Xapian::Document doc = db.get_document(*docid);
  const std::string id_prefix(schema::spec(schema::Field::id).prefix);
  auto t = doc.termlist_begin();
  t.skip_to(id_prefix);
  if (t != doc.termlist_end() && (*t).compare(0, id_prefix.size(), id_prefix) == 0)
    similar = Xapian::Query(Xapian::Query::OP_AND_NOT, similar, Xapian::Query(*t));
  out.query = similar;
  return out;
}

}  // namespace dossier

#include "document_builder.hpp"

#include "article_codec.hpp"
#include "dates.hpp"
#include "duplicate_key.hpp"
#include "schema.hpp"
#include "walker.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace dossier {

using schema::Field;

DocumentBuilder::DocumentBuilder(schema::Revision revision, const DataPacker* packer)
    : revision_(revision), packer_(packer) {
  terms_.set_stemmer(Xapian::Stem("english"));
  // schema::TermScheme::stems_only: each word once, as its stem (schema::StemTerms),
  // with positions. Writing every word twice (unstemmed and stemmed) cost ~30%
  // of indexing CPU and ~20% of the index, and the searcher ranks by stems anyway.
  terms_.set_stemming_strategy(schema::StemTerms(revision).prefix().empty() ? Xapian::TermGenerator::STEM_ALL
                                                                             : Xapian::TermGenerator::STEM_ALL_Z);
}

namespace {

void add_actor_fields(Xapian::Document& doc, const std::vector<std::string>& actors) {
  std::string packed_actors;
  for (const auto& actor : actors) {
    doc.add_boolean_term(schema::filter_term(Field::actors, actor));
    if (!packed_actors.empty()) packed_actors += '\n';
    packed_actors += actor;
  }
  // The whole actor set in one value, so facet counting works with the built-in
  // ValueCountMatchSpy (also over the remote backend); the searcher unpacks it.
  unsigned slot = *schema::spec(Field::actors).slot;
  // Xapian throws when removing a value that is not there (a document without actors).
  if (packed_actors.empty()) {
    if (!doc.get_value(slot).empty()) doc.remove_value(slot);
  } else {
    doc.add_value(slot, packed_actors);
  }
}

// Takes the positions off the terms `r` keeps none for (function words, and
// from stems_3 numbers like "1.19"), keeping their wdf (so document
// length and ranking are unchanged). On short texts (Reuters, ~150 words) the
// function words held a quarter of the positions and a sixth of the position
// table's items, the index's largest table.
// A document's TermIterator::skip_to is a linear scan, so the terms are walked
// once (a skip_to per stop word was 4% of indexing instructions).
void drop_positions(Xapian::Document& doc, schema::Revision r) {
  const schema::StemTerms stems(r);
  std::vector<std::pair<std::string, Xapian::termcount>> found;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    std::string_view stem = stems.stem_of(term);
    if (stem.empty()) continue;
    if (schema::positionless_stem(stem, r) || schema::positionless_number(stem, r))
      found.emplace_back(term, it.get_wdf());
  }
  for (const auto& [term, wdf] : found) {
    doc.remove_term(term);
    doc.add_term(term, wdf);
  }
}

}  // namespace

void replace_actors(Xapian::Document& doc, const Article& a, const ArticleExtras& extras, const DataPacker& packer) {
  const std::string prefix(schema::spec(Field::actors).prefix);
  std::vector<std::string> old;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    it.skip_to(prefix);
    if (it == doc.termlist_end() || (*it).compare(0, prefix.size(), prefix) != 0) break;
    old.push_back(*it);
  }
  for (const auto& term : old) doc.remove_term(term);
  add_actor_fields(doc, a.actors);
  store_payload(doc, encode_article(a, extras), packer);
}

Xapian::Document DocumentBuilder::build(const Article& a, const std::string& stamp, const ArticleExtras& extras) {
  Xapian::Document doc;
  terms_.set_document(doc);

  // Title words count under their own prefix and, weighted up, as plain words;
  // increase_termpos keeps phrases from spanning title and body. Under the
  // stems_3 scheme the prefixed copy has no positions: a title: phrase is matched
  // as its title words plus the phrase among plain words (query_builder).
  const std::string title_prefix(schema::title_prefix());
  if (schema::title_positions(revision_)) {
    terms_.index_text(a.title, 1, title_prefix);
    terms_.increase_termpos();
  } else {
    terms_.index_text_without_positions(a.title, 1, title_prefix);
  }
  terms_.index_text(a.title, 2);
  terms_.increase_termpos();
  terms_.index_text(a.text);
  if (revision_ != schema::Revision::stems_1) drop_positions(doc, revision_);

  doc.add_boolean_term(schema::id_term(a.id, revision_));
  if (!a.source.empty()) doc.add_boolean_term(schema::filter_term(Field::source, a.source));
  if (!a.format.empty()) doc.add_boolean_term(schema::filter_term(Field::format, a.format));
  add_actor_fields(doc, a.actors);

  auto slot = [](Field f) { return *schema::spec(f).slot; };
  if (auto date = parse_date(a.date)) {
    doc.add_value(slot(Field::date), date->compact());
    doc.add_value(slot(Field::date_number),
                  Xapian::sortable_serialise(static_cast<double>(date->days_since_epoch())));
  }
  doc.add_value(slot(Field::id), a.id);
  // A file's document whose id is its path keeps the path once, as the id: the
  // indexer reads a stamped document without a path slot as that (IndexWriter).
  // ~0.8 MB of Reuters' 60 MB index.
  if (!a.path.empty() && (a.path != a.id || stamp.empty())) doc.add_value(slot(Field::path), a.path);
  if (!stamp.empty()) doc.add_value(slot(Field::stamp), stored_stamp(stamp));
  if (!a.source.empty()) doc.add_value(slot(Field::source), a.source);
  if (!a.format.empty()) doc.add_value(slot(Field::format), a.format);
  // Copies of one article share a key (the searcher collapses on it) or a near simhash.
  DuplicateFingerprint fp = duplicate_fingerprint(a.text);
  if (!fp.key.empty()) doc.add_value(slot(Field::dup_key), fp.key);
  if (fp.core_words >= kMinSimhashWords) doc.add_value(slot(Field::simhash), simhash_value(fp.simhash));

  store_payload(doc, encode_article(a, extras), packer_ ? *packer_ : DataPacker());
  return doc;
}

}  // namespace dossier

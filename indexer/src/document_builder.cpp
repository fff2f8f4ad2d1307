#include "document_builder.hpp"

#include "article_codec.hpp"
#include "dates.hpp"
#include "duplicate_key.hpp"
#include "schema.hpp"

namespace dossier {

using schema::Field;

DocumentBuilder::DocumentBuilder() {
  terms_.set_stemmer(Xapian::Stem("english"));
  terms_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

Xapian::Document DocumentBuilder::build(const Article& a, const std::string& stamp) {
  Xapian::Document doc;
  terms_.set_document(doc);

  // Title words count under their own prefix and, weighted up, as plain words;
  // increase_termpos keeps phrases from spanning title and body.
  terms_.index_text(a.title, 1, std::string(schema::title_prefix()));
  terms_.increase_termpos();
  terms_.index_text(a.title, 2);
  terms_.increase_termpos();
  terms_.index_text(a.text);

  doc.add_boolean_term(schema::id_term(a.id));
  if (!a.source.empty()) doc.add_boolean_term(schema::filter_term(Field::source, a.source));
  if (!a.format.empty()) doc.add_boolean_term(schema::filter_term(Field::format, a.format));
  std::string packed_actors;
  for (const auto& actor : a.actors) {
    doc.add_boolean_term(schema::filter_term(Field::actors, actor));
    if (!packed_actors.empty()) packed_actors += '\n';
    packed_actors += actor;
  }

  auto slot = [](Field f) { return *schema::spec(f).slot; };
  if (auto date = parse_date(a.date)) {
    doc.add_value(slot(Field::date), date->compact());
    doc.add_value(slot(Field::date_number),
                  Xapian::sortable_serialise(static_cast<double>(date->days_since_epoch())));
  }
  if (!a.path.empty()) doc.add_value(slot(Field::path), a.path);
  if (!stamp.empty()) doc.add_value(slot(Field::stamp), stamp);
  if (!a.source.empty()) doc.add_value(slot(Field::source), a.source);
  if (!a.format.empty()) doc.add_value(slot(Field::format), a.format);
  // The whole actor set in one value, so facet counting works with the built-in
  // ValueCountMatchSpy (also over the remote backend); the searcher unpacks it.
  if (!packed_actors.empty()) doc.add_value(slot(Field::actors), packed_actors);
  // Copies of one article share a key (the searcher collapses on it) or a near simhash.
  DuplicateFingerprint fp = duplicate_fingerprint(a.text);
  if (!fp.key.empty()) {
    doc.add_value(slot(Field::dup_key), fp.key);
    doc.add_value(slot(Field::simhash), simhash_hex(fp.simhash));
  }

  doc.set_data(encode_article(a));
  return doc;
}

}  // namespace dossier

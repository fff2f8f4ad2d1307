// The document builder's terms are those of Xapian's English stemmer with
// STEM_ALL (stems without a prefix), document after document; only function
// words, numbers like "3.6" and title terms lose positions.
#include <catch2/catch.hpp>

#include "document_builder.hpp"
#include "schema.hpp"

#include <xapian.h>

#include <map>
#include <string>

using namespace dossier;

namespace {

std::map<std::string, Xapian::termcount> text_terms(const Xapian::Document& doc) {
  std::map<std::string, Xapian::termcount> out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    if ((*it)[0] != 'Q' && (*it)[0] != 'X') out[*it] = it.get_wdf();  // not the id or filters
  return out;
}

std::map<std::string, Xapian::termcount> reference_terms(const Article& a) {
  Xapian::TermGenerator terms;
  terms.set_stemmer(Xapian::Stem("english"));
  terms.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  Xapian::Document doc;
  terms.set_document(doc);
  terms.index_text(a.title, 1, "S");
  terms.increase_termpos();
  terms.index_text(a.title, 2);
  terms.increase_termpos();
  terms.index_text(a.text);
  return text_terms(doc);
}

}  // namespace

TEST_CASE("a builder's terms and wdfs are those of the English stemmer, document after document", "[builder]") {
  const char* texts[] = {
      "The nations united against hunger, said the organisations of the nations.",
      "Running runners ran; generously generous generation's generators. Nations!",
      "Côte d'Ivoire’s élections: Ελλάδα, Россия, 北京 — and 3.6 mln dlrs in 1987.",
      "The nations united against hunger, said the organisations of the nations.",
  };
  DocumentBuilder builder;
  int n = 0;
  for (const char* text : texts) {
    Article a;
    a.id = a.path = "/r/" + std::to_string(++n) + ".txt";
    a.title = "Nations and Organisations";
    a.text = text;
    INFO(text);
    auto want = reference_terms(a);
    CHECK(text_terms(builder.build(a, "1:1")) == want);
    // Function words keep their wdf but lose their positions.
    Xapian::Document doc = builder.build(a, "1:1");
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
      const std::string term = *it;
      bool prefixed = term[0] >= 'A' && term[0] <= 'Z';  // the id, filters and title terms ("S")
      bool positionless = prefixed || schema::positionless_stem(term, schema::Revision::stems_3) ||
                          schema::positionless_number(term, schema::Revision::stems_3);
      INFO(term);
      CHECK((it.positionlist_begin() == it.positionlist_end()) == positionless);
    }
  }
}

#include "query_builder.hpp"

#include "positionless_words.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <dossier/errors.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

namespace dossier {

using schema::Field;

namespace {

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;
// A wildcard like "a*" could expand to most of the vocabulary.
constexpr Xapian::termcount kMaxWildcardExpansion = 200;
// Other names of an actor searched alongside an alias; more add little but cost.
constexpr std::size_t kMaxSurfaceForms = 12;

std::vector<std::string> lower_words(const std::string& text) {
  std::vector<std::string> words;
  std::string w;
  for (unsigned char c : utf8_lower(text)) {
    if (std::isalnum(c) || c >= 0x80) {
      w += static_cast<char>(c);
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

bool contains_sequence(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (std::equal(needle.begin(), needle.end(), hay.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  return false;
}

// Reads a placeholder's number ("dossierphrase:3" -> 3) when it indexes one of
// `count` entries.
std::optional<std::size_t> placeholder_index(const std::string& value, std::size_t count) {
  std::size_t n = 0;
  for (char c : value) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
    if (n > count) return std::nullopt;
  }
  if (value.empty() || n >= count) return std::nullopt;
  return n;
}

// A parser for a placeholder's own words, asking for the index's terms as the main one does.
Xapian::QueryParser sub_parser(const Xapian::Database& db, const Xapian::Stem& stemmer,
                               Xapian::QueryParser::stem_strategy strategy) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(stemmer);
  qp.set_stemming_strategy(strategy);
  return qp;
}

// Expands a "dossieralias:N" placeholder into: the words as typed, or any
// document tagged with the actor (ranked by its other names). Runs while the
// query is parsed, on the client, so remote shards need nothing special.
class AliasProcessor : public Xapian::FieldProcessor {
 public:
  AliasProcessor(const RewrittenQuery& rewritten, const Gazetteer& gazetteer, const Xapian::Stem& stemmer,
                 const Xapian::Database& db, Xapian::QueryParser::stem_strategy strategy, schema::Revision revision,
                 AliasTrace& trace)
      : rewritten_(rewritten),
        gazetteer_(gazetteer),
        stemmer_(stemmer),
        db_(db),
        strategy_(strategy),
        revision_(revision),
        trace_(trace) {}

  Xapian::Query operator()(const std::string& value) override {
    auto n = placeholder_index(value, rewritten_.aliases.size());
    if (!n) return Xapian::Query();
    const AliasUse& alias = rewritten_.aliases[*n];
    Xapian::Query typed = name_query(alias.typed, false);
    for (auto it = typed.get_unique_terms_begin(); it != typed.get_unique_terms_end(); ++it)
      trace_.typed_terms.insert(*it);
    std::vector<std::string> typed_words = lower_words(alias.typed);
    if (typed_words.size() > 1) trace_.phrases.push_back(typed_words);

    std::vector<Xapian::Query> others;
    for (const auto& form : gazetteer_.surface_forms(alias.canonical)) {
      std::vector<std::string> words = lower_words(form);
      // A longer name containing what was typed ("Rodong Sinmun newspaper") adds nothing.
      if (words.empty() || words == typed_words || contains_sequence(words, typed_words)) continue;
      if (others.size() >= kMaxSurfaceForms) break;
      others.push_back(name_query(form, true));
      trace_.phrases.push_back(words);
    }
    Xapian::Query tagged(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(schema::filter_term(Field::actors, alias.canonical)), 0.0);
    if (!others.empty())
      tagged = Xapian::Query(Xapian::Query::OP_AND_MAYBE, tagged,
                             Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end()));
    return Xapian::Query(Xapian::Query::OP_OR, typed, tagged);
  }

 private:
  Xapian::Query name_query(const std::string& name, bool extra) const {
    Xapian::QueryParser qp = sub_parser(db_, stemmer_, strategy_);
    std::vector<std::string> words = lower_words(name);
    // A single word is stemmed like any other ("Indian" also finds "Indians").
    std::string text = words.size() > 1 ? "\"" + name + "\"" : utf8_lower(name);
    Xapian::Query q;
    try {
      q = qp.parse_query(text, Xapian::QueryParser::FLAG_PHRASE);
    } catch (const Xapian::QueryParserError&) {
      return Xapian::Query();
    }
    q = without_positionless_words(q, revision_);
    if (extra)
      for (auto it = q.get_unique_terms_begin(); it != q.get_unique_terms_end(); ++it) trace_.extra_terms.insert(*it);
    return q;
  }

  const RewrittenQuery& rewritten_;
  const Gazetteer& gazetteer_;
  const Xapian::Stem& stemmer_;
  const Xapian::Database& db_;
  Xapian::QueryParser::stem_strategy strategy_;
  schema::Revision revision_;
  AliasTrace& trace_;
};

// Expands a "dossierwild:N" placeholder: the words starting with what was
// typed. With stems-only terms that is the stems starting with it, or the
// typed word's own stem ("nations*" finds "nations", whose stem is "nation").
class WildcardProcessor : public Xapian::FieldProcessor {
 public:
  WildcardProcessor(const RewrittenQuery& rewritten, const Xapian::Stem& stemmer, schema::TermScheme scheme,
                    const schema::StemTerms& stems)
      : rewritten_(rewritten), stemmer_(stemmer), scheme_(scheme), stems_(stems) {}

  Xapian::Query operator()(const std::string& value) override {
    auto n = placeholder_index(value, rewritten_.wildcards.size());
    if (!n) return Xapian::Query();
    const WildcardUse& w = rewritten_.wildcards[*n];
    auto wildcard = [](const std::string& pattern) {
      return Xapian::Query(Xapian::Query::OP_WILDCARD, pattern, kMaxWildcardExpansion,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT, Xapian::Query::OP_SYNONYM);
    };
    if (scheme_ == schema::TermScheme::words_and_stems) return wildcard(w.prefix + w.word);
    Xapian::Query subs[] = {wildcard(stems_.term(w.prefix + w.word)),
                            Xapian::Query(stems_.term(w.prefix + stemmer_(w.word)))};
    return Xapian::Query(Xapian::Query::OP_SYNONYM, std::begin(subs), std::end(subs));
  }

 private:
  const RewrittenQuery& rewritten_;
  const Xapian::Stem& stemmer_;
  schema::TermScheme scheme_;
  const schema::StemTerms& stems_;
};

// Expands a "dossierphrase:N" placeholder (made only for an index whose
// function words have no positions): the phrase parsed as Xapian would, then
// without those words (without_positionless_words).
class PhraseProcessor : public Xapian::FieldProcessor {
 public:
  PhraseProcessor(const RewrittenQuery& rewritten, const Xapian::Stem& stemmer, const Xapian::Database& db,
                  Xapian::QueryParser::stem_strategy strategy, schema::Revision revision,
                  std::string (*prepare)(const std::string&))
      : rewritten_(rewritten),
        stemmer_(stemmer),
        db_(db),
        strategy_(strategy),
        revision_(revision),
        prepare_(prepare) {}

  Xapian::Query operator()(const std::string& value) override {
    auto n = placeholder_index(value, rewritten_.phrases.size());
    if (!n) return Xapian::Query();
    Xapian::QueryParser qp = sub_parser(db_, stemmer_, strategy_);
    try {
      return without_positionless_words(
          qp.parse_query("\"" + prepare_(rewritten_.phrases[*n]) + "\"", Xapian::QueryParser::FLAG_PHRASE), revision_);
    } catch (const Xapian::QueryParserError&) {
      return Xapian::Query();
    }
  }

 private:
  const RewrittenQuery& rewritten_;
  const Xapian::Stem& stemmer_;
  const Xapian::Database& db_;
  Xapian::QueryParser::stem_strategy strategy_;
  schema::Revision revision_;
  std::string (*prepare_)(const std::string&);
};

// Expands a "dossiertitle:N" placeholder (made only for an index whose title
// terms have no positions): a title: value of one word is that word's title
// term; a phrase ("title:\"north korea\"", "title:north-korea") is its title
// terms, all required, filtered by the same phrase among the plain words, which
// hold the title's words with positions. So the words must be in the title and
// in that order somewhere in the document: in the title itself, unless the
// body also has the phrase while the title has the words apart.
class TitleProcessor : public Xapian::FieldProcessor {
 public:
  TitleProcessor(const RewrittenQuery& rewritten, const Xapian::Stem& stemmer, const Xapian::Database& db,
                 Xapian::QueryParser::stem_strategy strategy, schema::Revision revision)
      : rewritten_(rewritten), stemmer_(stemmer), db_(db), strategy_(strategy), revision_(revision) {}

  Xapian::Query operator()(const std::string& value) override {
    auto n = placeholder_index(value, rewritten_.titles.size());
    if (!n) return Xapian::Query();
    const std::string& typed = rewritten_.titles[*n];
    Xapian::QueryParser qp = sub_parser(db_, stemmer_, strategy_);
    qp.add_prefix("title", std::string(schema::title_prefix()));
    try {
      Xapian::Query title = qp.parse_query("title:" + typed, Xapian::QueryParser::FLAG_PHRASE);
      if (title.get_type() != Xapian::Query::OP_PHRASE) return title;
      std::vector<Xapian::Query> words;
      for (std::size_t i = 0; i < title.get_num_subqueries(); ++i) words.push_back(title.get_subquery(i));
      Xapian::Query plain =
          without_positionless_words(qp.parse_query(typed, Xapian::QueryParser::FLAG_PHRASE), revision_);
      return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                           plain);
    } catch (const Xapian::QueryParserError&) {
      return Xapian::Query();
    }
  }

 private:
  const RewrittenQuery& rewritten_;
  const Xapian::Stem& stemmer_;
  const Xapian::Database& db_;
  Xapian::QueryParser::stem_strategy strategy_;
  schema::Revision revision_;
};

Xapian::QueryParser::stem_strategy parser_strategy(schema::TermScheme scheme, const schema::StemTerms& stems) {
  if (scheme != schema::TermScheme::stems_only) return Xapian::QueryParser::STEM_SOME;
  return stems.prefix().empty() ? Xapian::QueryParser::STEM_ALL : Xapian::QueryParser::STEM_ALL_Z;
}

// Whether an index that has not recorded its scheme holds any of the commonest
// words as the term `prefix` + word.
bool has_common_words(const Xapian::Database& db, const std::string& prefix) {
  for (const char* word : {"the", "and", "of", "to", "a", "in"})
    if (db.term_exists(prefix + word)) return true;
  return false;
}

// The query's words without any syntax: punctuation and operator words dropped.
std::string plain_words(const std::string& text) {
  std::string spaced;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    spaced += (std::isalnum(u) || u >= 0x80) ? c : ' ';
  }
  std::string words, word;
  for (std::size_t i = 0; i <= spaced.size(); ++i) {
    if (i < spaced.size() && spaced[i] != ' ') {
      word += spaced[i];
      continue;
    }
    if (!word.empty() && !is_operator_word(word)) words += (words.empty() ? "" : " ") + word;
    word.clear();
  }
  return words;
}

bool joins_words(const std::string& t, std::size_t i) {
  auto word_char = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  return i > 0 && i + 1 < t.size() && word_char(static_cast<unsigned char>(t[i - 1])) &&
         word_char(static_cast<unsigned char>(t[i + 1]));
}

// Every word ranked by its stem: Xapian leaves Capitalised words unstemmed (as
// names), which missed documents for title-case questions, and reads "low-carb"
// as a strict phrase. Both cost nDCG@10 on NFCorpus (tests/bench/ir, README).
// Fields, filters and operators stay as typed.
std::string words_for_ranking(const std::string& text) {
  std::string out, token;
  auto flush = [&] {
    std::size_t colon = token.find(':');
    bool field = colon != std::string::npos && colon + 1 < token.size();  // "Vitamin D:" is no field
    if (!field && !is_operator_word(token)) {
      token = utf8_lower(token);
      for (std::size_t i = 0; i < token.size(); ++i)
        if (token[i] == '-' && joins_words(token, i)) token[i] = ' ';
    }
    out += token;
    token.clear();
  };
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')') {
      flush();
      out += c;
    } else {
      token += c;
    }
  }
  flush();
  return out;
}

// Nothing that narrows what matches: no field, phrase, wildcard, sign or
// operator word; only words, brackets and punctuation.
bool only_words(const std::string& text) {
  std::string token;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) {
      token += text[i];
      continue;
    }
    std::size_t colon = token.find(':');
    if (!token.empty() && (is_operator_word(token) || token[0] == '+' || token[0] == '-' ||
                           token.find_first_of("\"*") != std::string::npos ||
                           (colon != std::string::npos && colon + 1 < token.size())))
      return false;
    token.clear();
  }
  return true;
}

}  // namespace

IndexTerms index_terms(const Xapian::Database& db) {
  using schema::Revision;
  using schema::TermScheme;
  try {
    // Read once per search: on remote shards each read is a round trip.
    const std::string recorded = db.get_metadata(std::string(schema::kTermSchemeKey));
    const bool has_documents = db.get_doccount() > 0;
    if (!recorded.empty() || !has_documents) {
      TermScheme scheme = schema::term_scheme(recorded, has_documents);
      return {scheme, scheme == TermScheme::stems_only ? schema::revision_of(recorded, has_documents) : Revision::stems_1};
    }
    // Several shards answer with the first one's metadata, which a first run
    // killed between two shards' commits may not have written yet: without it,
    // the commonest words tell. Only words and stems wrote both plain words and
    // "Z" stems; stems without "Z" are stems_3; with it, the first posting of
    // "the" tells whether function words have positions.
    const bool z_stems = has_common_words(db, "Z");
    if (!z_stems) return {TermScheme::stems_only, Revision::stems_3};
    if (has_common_words(db, "")) return {TermScheme::words_and_stems, Revision::stems_1};
    const std::string the = "Zthe";
    auto it = db.postlist_begin(the);
    bool positions = it != db.postlist_end(the) && db.positionlist_begin(*it, the) != db.positionlist_end(*it, the);
    return {TermScheme::stems_only, positions ? Revision::stems_1 : Revision::stems_2};
  } catch (const Xapian::Error&) {
    return {TermScheme::stems_only, Revision::stems_3};
  }
}

Xapian::Query without_positionless_words(const Xapian::Query& phrase, schema::Revision revision) {
  if (phrase.get_type() != Xapian::Query::OP_PHRASE || revision == schema::Revision::stems_1) return phrase;
  const schema::StemTerms stems(revision);
  std::vector<Xapian::Query> all, kept, numbers;
  std::size_t first = 0, last = 0;
  for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
    Xapian::Query sub = phrase.get_subquery(i);
    if (sub.get_type() != Xapian::Query::LEAF_TERM) return phrase;
    std::string term = *sub.get_terms_begin();
    all.push_back(sub);
    std::string_view stem = stems.stem_of(term);
    if (!stem.empty() && schema::positionless_stem(stem, revision)) continue;
    if (!stem.empty() && schema::positionless_number(stem, revision)) {
      numbers.push_back(sub);
      continue;
    }
    if (kept.empty()) first = i;
    last = i;
    kept.push_back(sub);
  }
  if (kept.size() == all.size()) return phrase;
  if (kept.empty()) return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
  Xapian::Query core = kept.size() == 1 ? kept.front()
                                        : Xapian::Query(Xapian::Query::OP_PHRASE, kept.begin(), kept.end(),
                                                        static_cast<Xapian::termcount>(last - first + 1));
  if (numbers.empty()) return core;
  numbers.insert(numbers.begin(), core);
  return Xapian::Query(Xapian::Query::OP_AND, numbers.begin(), numbers.end());
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Gazetteer& gazetteer)
    : QueryBuilder(db, gazetteer, index_terms(db)) {}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Gazetteer& gazetteer, IndexTerms terms)
    : db_(db),
      gazetteer_(gazetteer),
      stemmer_("english"),
      scheme_(terms.scheme),
      revision_(terms.revision),
      stems_(revision_) {}

Xapian::Query QueryBuilder::parse(const RewrittenQuery& rewritten, unsigned flags, AliasTrace& trace) const {
  Xapian::QueryParser qp;
  qp.set_database(db_);
  qp.set_stemmer(stemmer_);
  qp.set_stemming_strategy(parser_strategy(scheme_, stems_));
  qp.set_default_op(Xapian::Query::OP_OR);
  qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  qp.add_prefix("title", std::string(schema::title_prefix()));
  for (const auto& f : schema::fields()) {
    if (f.kind != schema::Kind::boolean_filter) continue;
    // Several actor: filters must all hold; several source: filters are alternatives.
    qp.add_boolean_prefix(std::string(f.name), std::string(f.prefix), !f.multi_valued);
  }
  AliasProcessor aliases(rewritten, gazetteer_, stemmer_, db_, parser_strategy(scheme_, stems_), revision_, trace);
  qp.add_prefix(kAliasField, &aliases);
  PhraseProcessor phrases(rewritten, stemmer_, db_, parser_strategy(scheme_, stems_), revision_, words_for_ranking);
  qp.add_prefix(kPhraseField, &phrases);
  TitleProcessor titles(rewritten, stemmer_, db_, parser_strategy(scheme_, stems_), revision_);
  qp.add_prefix(kTitleField, &titles);
  WildcardProcessor wildcards(rewritten, stemmer_, scheme_, stems_);
  qp.add_prefix(kWildcardField, &wildcards);
  Xapian::RangeProcessor dates(*schema::spec(Field::date).slot, "date:");
  qp.add_rangeprocessor(&dates);
  return qp.parse_query(words_for_ranking(rewritten.text), flags);
}

void QueryBuilder::add_actor_highlights(const std::string& canonical, HighlightTerms& h,
                                        const std::string& except) const {
  std::vector<std::string> skip = lower_words(except);
  for (const auto& form : gazetteer_.surface_forms(canonical)) {
    std::vector<std::string> words = lower_words(form);
    if (words.empty() || (!skip.empty() && contains_sequence(words, skip))) continue;
    h.phrases.push_back(std::move(words));
  }
  if (gazetteer_.surface_forms(canonical).empty()) h.phrases.push_back(lower_words(canonical));
}

Xapian::Query QueryBuilder::request_filters(const SearchRequest& r, HighlightTerms& h) const {
  Xapian::Query filter;
  auto and_filter = [&filter](const Xapian::Query& q) {
    filter = filter.empty() ? q : Xapian::Query(Xapian::Query::OP_AND, filter, q);
  };
  if (!r.sources.empty()) {
    std::vector<Xapian::Query> any;
    for (const auto& s : r.sources) any.emplace_back(schema::filter_term(Field::source, s));
    and_filter(Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
  }
  for (const auto& a : r.actors) {
    std::string canonical = gazetteer_.canonical(a).value_or(a);
    and_filter(Xapian::Query(schema::filter_term(Field::actors, canonical)));
    add_actor_highlights(canonical, h);
  }
  if (!r.since.empty() || !r.until.empty()) {
    std::string lo = r.since.empty() ? "00000101" : date_bound(r.since, false, r.since);
    std::string hi = r.until.empty() ? "99991231" : date_bound(r.until, true, r.until);
    if (lo > hi) throw QueryError("--since " + r.since + " is after --until " + r.until, r.since);
    and_filter(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, *schema::spec(Field::date).slot, lo, hi));
  }
  return filter;
}

void QueryBuilder::collect_highlights(const Xapian::Query& query, const RewrittenQuery& rewritten,
                                      const AliasTrace& trace, BuiltQuery& built) const {
  HighlightTerms& h = built.highlight;
  const std::string title(schema::title_prefix());
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    std::string term = *it;
    if (term.empty() || (trace.extra_terms.count(term) && !trace.typed_terms.count(term))) continue;
    // Stems, and title terms (the title prefix before the stem, after the stem prefix).
    if (auto stem = stems_.stem_of(term); !stem.empty()) {
      h.stems.insert(std::string(stem));
      continue;
    }
    if (scheme_ == schema::TermScheme::stems_only && term.compare(0, stems_.prefix().size(), stems_.prefix()) == 0 &&
        term.compare(stems_.prefix().size(), title.size(), title) == 0) {
      if (term.size() > stems_.prefix().size() + title.size())
        h.stems.insert(term.substr(stems_.prefix().size() + title.size()));
      continue;
    }
    if (term.compare(0, title.size(), title) == 0) term.erase(0, title.size());
    else if (std::isupper(static_cast<unsigned char>(term[0]))) continue;  // filters and ids
    if (term.empty()) continue;
    h.words.insert(term);
    h.stems.insert(stemmer_(term));  // "Putin" also marks "Putin's"
  }
  for (const auto& p : trace.phrases) h.phrases.push_back(p);
  for (const auto& a : rewritten.actor_filters) add_actor_highlights(a, h);
  for (const auto& p : rewritten.wildcard_prefixes) {
    std::string clean;
    for (unsigned char c : p)
      if (std::isalnum(c) || c >= 0x80) clean += static_cast<char>(c);
    if (!clean.empty()) h.prefixes.push_back(clean);
  }
}

BuiltQuery QueryBuilder::build(const SearchRequest& request) const {
  BuiltQuery built;
  bool truncated = false;
  std::string query = sanitise_query(request.query, kMaxQueryBytes, truncated);
  if (truncated)
    built.notices.push_back("query longer than " + std::to_string(kMaxQueryBytes) + " bytes; searched its start");

  const bool loose_phrases = revision_ != schema::Revision::stems_1;
  const bool title_placeholders = !schema::title_positions(revision_);
  if (loose_phrases) query = relax_positionless_words(query, revision_);
  RewrittenQuery rewritten = rewrite_query(query, gazetteer_, loose_phrases, title_placeholders);
  built.rewritten = rewritten.text;
  AliasTrace trace;
  try {
    built.query = parse(rewritten, kParserFlags, trace);
  } catch (const Xapian::UnimplementedError&) {
    // A word* wildcard or a group inside NEAR/ADJ: Xapian builds those over single terms only.
    throw QueryError(std::string(kProximityWordsOnly), request.query);
  } catch (const Xapian::QueryParserError&) {
    // The user's words are always taken as words: drop the syntax, keep the terms.
    built.notices.push_back("query syntax not understood; searched for the words instead");
    rewritten = rewrite_query(plain_words(query), gazetteer_, loose_phrases, title_placeholders);
    built.rewritten = rewritten.text;
    trace = AliasTrace{};
    try {
      built.query = parse(rewritten, 0, trace);
    } catch (const Xapian::QueryParserError&) {
      built.query = Xapian::Query();
    }
  }
  built.words_only = built.notices.empty() && only_words(query);
  bool typed_something = !built.query.empty() || !trim(query).empty();
  for (auto it = built.query.get_unique_terms_begin(); it != built.query.get_unique_terms_end(); ++it) {
    const std::string& term = *it;
    if (!term.empty() && term[0] != 'X' && term[0] != 'Q') built.has_free_text = true;
  }
  collect_highlights(built.query, rewritten, trace, built);

  Xapian::Query filter = request_filters(request, built.highlight);
  if (!built.query.empty()) {
    if (!filter.empty()) built.query = Xapian::Query(Xapian::Query::OP_FILTER, built.query, filter);
  } else if (typed_something) {
    // Something typed that leaves nothing to search for matches nothing, not everything.
    built.query = Xapian::Query::MatchNothing;
  } else if (!filter.empty()) {
    built.query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0);
  } else {
    built.query = Xapian::Query::MatchAll;
  }
  return built;
}

}  // namespace dossier

#include "record_fields.hpp"

#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace dossier {
namespace {

struct DefaultNames {
  RecordField field;
  std::initializer_list<std::string_view> names;  // lower case, most specific first
};

// The names scrapers and exports commonly use, by dossier field.
const DefaultNames kDefaults[] = {
    {RecordField::id, {"id", "_id", "uid", "doc_id", "docid", "newid", "guid", "uuid"}},
    {RecordField::title, {"title", "headline", "heading", "subject"}},
    {RecordField::text, {"body", "text", "content", "article", "full_text", "fulltext", "article_text", "story"}},
    {RecordField::date,
     {"date", "published", "published_at", "publishedat", "pubdate", "publication_date", "date_published",
      "datetime", "created", "created_at", "time", "timestamp"}},
    {RecordField::source, {"source", "publisher", "site", "site_name", "outlet", "source_name", "domain"}},
    {RecordField::url, {"url", "link", "permalink", "canonical_url", "href"}},
    {RecordField::actors,
     {"actors", "actor", "people", "persons", "person", "places", "organisations", "organizations", "orgs",
      "countries", "entities"}},
    {RecordField::author, {"author", "authors", "byline", "creator"}},
    {RecordField::description, {"description", "summary", "abstract", "keywords", "tags", "teaser"}},
};


// Splits a list written in one string: "Russia; Ukraine", "Russia|Ukraine", "Russia, Ukraine".
void split_list(std::string_view value, std::vector<std::string>& out) {
  char sep = value.find(';') != std::string_view::npos   ? ';'
             : value.find('|') != std::string_view::npos ? '|'
                                                         : ',';
  while (!value.empty()) {
    std::size_t p = value.find(sep);
    std::string_view item = trim(value.substr(0, p));
    if (!item.empty()) out.emplace_back(item);
    if (p == std::string_view::npos) break;
    value.remove_prefix(p + 1);
  }
}

}  // namespace

std::optional<RecordField> record_field_from_name(std::string_view name) {
  std::string n = ascii_lower(trim(name));
  if (n == "id") return RecordField::id;
  if (n == "title") return RecordField::title;
  if (n == "text" || n == "body") return RecordField::text;
  if (n == "date") return RecordField::date;
  if (n == "source") return RecordField::source;
  if (n == "url") return RecordField::url;
  if (n == "actors" || n == "actor") return RecordField::actors;
  if (n == "author") return RecordField::author;
  if (n == "description" || n == "summary") return RecordField::description;
  if (n == "ignore" || n == "skip" || n == "none") return RecordField::ignore;
  return std::nullopt;
}

std::string check_field_map(const std::map<std::string, std::string>& field_map) {
  for (const auto& [name, target] : field_map)
    if (!record_field_from_name(target))
      return "--map " + name + "=" + target + ": '" + target +
             "' is not a dossier field (id, title, text, date, source, url, actors, author, description, ignore)";
  return {};
}

RecordAssembler::RecordAssembler(const std::map<std::string, std::string>* field_map) {
  if (field_map == nullptr) return;
  for (const auto& [name, target] : *field_map)
    if (auto f = record_field_from_name(target)) mapped_[ascii_lower(name)] = *f;
}

std::optional<RecordField> RecordAssembler::field_for(std::string_view name) const {
  std::string n = ascii_lower(name);
  if (auto it = mapped_.find(n); it != mapped_.end()) return it->second;
  for (const auto& d : kDefaults)
    if (std::find(d.names.begin(), d.names.end(), n) != d.names.end()) return d.field;
  return std::nullopt;
}

int RecordAssembler::rank_of(std::string_view name, RecordField field) const {
  std::string n = ascii_lower(name);
  if (mapped_.count(n)) return 0;
  for (const auto& d : kDefaults) {
    if (d.field != field) continue;
    auto it = std::find(d.names.begin(), d.names.end(), n);
    if (it != d.names.end()) return 1 + static_cast<int>(it - d.names.begin());
  }
  return 1 << 20;
}

void RecordAssembler::offer_ranked(RecordField field, int rank, std::string_view value, bool append) {
  auto& slot = best_[static_cast<std::size_t>(field)];
  if (trim(value).empty()) return;
  if (rank < slot.rank) {
    slot.rank = rank;
    slot.value = std::string(value);
  } else if (rank == slot.rank && append) {
    slot.value += "\n\n";
    slot.value += value;
  }
}

void RecordAssembler::offer(std::string_view name, std::string_view value) {
  auto field = field_for(name);
  if (!field || *field == RecordField::ignore) return;
  if (*field == RecordField::actors) {
    split_list(value, actors_);
    return;
  }
  offer_ranked(*field, rank_of(name, *field), value, false);
}

void RecordAssembler::offer_item(std::string_view name, std::string_view value) {
  auto field = field_for(name);
  if (!field || *field == RecordField::ignore) return;
  if (*field == RecordField::actors) {
    if (!trim(value).empty()) actors_.emplace_back(trim(value));
    return;
  }
  // Paragraph lists join; for single-valued fields ("authors": [..]) items join too,
  // which keeps every name searchable for actors.
  bool append = true;
  offer_ranked(*field, rank_of(name, *field), value, append);
}

RawRecord RecordAssembler::take() {
  auto get = [this](RecordField f) { return std::move(best_[static_cast<std::size_t>(f)].value); };
  RawRecord r;
  r.declared_id = std::string(trim(get(RecordField::id)));
  r.title = clean_text(get(RecordField::title));
  r.text = clean_text(get(RecordField::text));
  r.date = clean_text(get(RecordField::date));
  r.source = clean_text(get(RecordField::source));
  r.url = clean_text(get(RecordField::url));
  r.author = clean_text(get(RecordField::author));
  r.description = clean_text(get(RecordField::description));
  for (auto& a : actors_) r.actors.push_back(clean_text(a));
  // A record with a summary and no body is still worth finding by its summary.
  if (trim(r.text).empty()) r.text = r.description;
  best_ = {};
  actors_.clear();
  return r;
}

}  // namespace dossier

#include "enrich.hpp"

#include "country_codes.hpp"
#include "dates.hpp"
#include "text.hpp"
#include "text_dates.hpp"

#include <algorithm>

namespace dossier {
namespace {

constexpr std::size_t kTitleChars = 120;
// Metadata values longer than this are damage or abuse, not names.
constexpr std::size_t kMaxFieldBytes = 200;
// Author and description are searched for actors; a page's whole keyword dump is not needed.
constexpr std::size_t kMaxActorContextBytes = 4000;

std::string file_name_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string parent_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos || slash == 0 ? std::string("/") : path.substr(0, slash);
}

std::string first_sentence(std::string_view text) {
  std::string flat = collapse_whitespace(text.substr(0, 2000));
  std::size_t end = std::string::npos;
  for (std::size_t i = 0; i + 1 < flat.size(); ++i) {
    if ((flat[i] == '.' || flat[i] == '?' || flat[i] == '!') && flat[i + 1] == ' ' && i > 20) {
      end = i + 1;
      break;
    }
  }
  return shorten_at_word(flat.substr(0, end), kTitleChars);
}

// Declared values can carry control characters the file's bytes did not show
// (YAML "\e", JSON "\u001b"), so they are cleaned here, after unescaping.
// A title taken from the text, without the list dashes and Markdown emphasis around it
// ("**Mr President,**" -> "Mr President,").
std::string tidy_inferred_title(std::string title) {
  auto decoration = [](char c) { return c == '-' || c == '*' || c == '_' || c == '#' || c == '>' || c == ' '; };
  std::size_t start = 0;
  while (start < title.size() && decoration(title[start])) ++start;
  std::size_t end = title.size();
  while (end > start && (title[end - 1] == '*' || title[end - 1] == '_' || title[end - 1] == ' ')) --end;
  return title.substr(start, end - start);
}

std::string clean_field(std::string_view value) {
  return utf8_truncate(collapse_whitespace(strip_controls(value)), kMaxFieldBytes);
}

bool all_upper_letters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void set_title(Article& a, const RawRecord& raw, const std::optional<PathFields>& path, const FileEntry& file) {
  if (!trim(raw.title).empty()) {
    a.title = clean_field(raw.title);
    a.origins["title"] = FieldOrigin::declared;
  } else if (path && !path->title.empty()) {
    a.title = clean_field(path->title);
    a.origins["title"] = FieldOrigin::path;
  } else if (std::string heading = tidy_inferred_title(shorten_at_word(collapse_whitespace(raw.heading), kTitleChars));
             !heading.empty()) {
    a.title = std::move(heading);
    a.origins["title"] = FieldOrigin::text;
  } else if (std::string sentence = tidy_inferred_title(first_sentence(a.text)); !sentence.empty()) {
    a.title = std::move(sentence);
    a.origins["title"] = FieldOrigin::text;
  } else {
    a.title = file_name_of(file.path);
    a.origins["title"] = FieldOrigin::path;
  }
}

void set_date(Article& a, const RawRecord& raw, const std::optional<PathFields>& path, const FileEntry& file,
              const EnrichContext& context) {
  std::optional<int> file_year;
  if (file.mtime_ns > 0) file_year = date_from_unix_time(file.mtime_ns / 1000000000).year;
  std::optional<int> path_year = path ? path->year : std::nullopt;
  // Without a pattern naming it, a year standing alone in the file or folder
  // names below the indexed folder still dates the file better than its
  // modification time (copied files all carry the day they were copied).
  if (!path_year && !context.root.empty() && file.path.size() > context.root.size() &&
      file.path.compare(0, context.root.size(), context.root) == 0)
    path_year = find_year_in_path(std::string_view(file.path).substr(context.root.size()));
  // A year from the file's own path says more about it than one given for the whole run.
  std::optional<int> year_hint = path_year ? path_year : context.options.year;

  std::optional<CivilDate> date;
  FieldOrigin origin = FieldOrigin::none;
  if (!raw.date.empty() && (date = parse_date(raw.date))) {
    origin = FieldOrigin::declared;
  } else if (path && path->date) {
    date = path->date;
    origin = FieldOrigin::path;
  } else if (auto found = scan_date_in_text(a.text, year_hint, file_year, path_year)) {
    date = found->date;
    origin = FieldOrigin::text;
  } else if ((date = find_date_in_file_name(file_name_of(file.path)))) {
    origin = FieldOrigin::path;
  } else if (path_year) {
    date = CivilDate{*path_year, 0, 0};  // a year alone, shown as such; year filters find it
    origin = FieldOrigin::path;
  } else if (file.mtime_ns > 0) {
    date = date_from_unix_time(file.mtime_ns / 1000000000);
    origin = FieldOrigin::file_time;
  }
  if (date) {
    a.date = date->iso();
    a.origins["date"] = origin;
  }
}

// A declared date the reader cannot read would otherwise be replaced without a word.
std::string unread_date_warning(const RawRecord& raw, const Article& a) {
  if (raw.date.empty() || parse_date(raw.date)) return {};
  std::string declared = utf8_truncate(strip_controls(raw.date), 80);
  auto origin = a.origins.find("date");
  if (origin == a.origins.end()) return "declared date '" + declared + "' not understood; left undated";
  const char* from = origin->second == FieldOrigin::text        ? "the text"
                     : origin->second == FieldOrigin::path      ? "the path"
                     : origin->second == FieldOrigin::file_time ? "the file's modification time"
                                                                : to_string(origin->second);
  return "declared date '" + declared + "' not understood; dated " + a.date + " from " + from + " instead";
}

void set_source(Article& a, const RawRecord& raw, const std::optional<PathFields>& path,
                const EnrichContext& context) {
  if (!trim(raw.source).empty()) {
    a.source = clean_field(raw.source);
    a.origins["source"] = FieldOrigin::declared;
  } else if (!trim(raw.site_name).empty()) {
    a.source = clean_field(raw.site_name);
    a.origins["source"] = FieldOrigin::declared;
  } else if (std::string domain = url_domain(a.url); !domain.empty()) {
    a.source = clean_field(domain);
    a.origins["source"] = FieldOrigin::declared;
  } else if (path && !trim(path->source).empty()) {
    a.source = clean_field(path->source);
    a.origins["source"] = FieldOrigin::path;
  } else if (!context.options.source.empty()) {
    a.source = clean_field(context.options.source);
    a.origins["source"] = FieldOrigin::run;
  }
}

}  // namespace

std::string url_domain(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (std::size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  rest = rest.substr(0, rest.find(':'));
  if (rest.substr(0, 4) == "www.") rest.remove_prefix(4);
  return utf8_lower(rest);
}

std::string resolve_actor_name(std::string_view name, const Gazetteer& gazetteer, bool allow_lowercase_code) {
  std::string clean = clean_field(name);
  if (clean.empty()) return clean;
  if (auto c = gazetteer.canonical(clean)) return *c;
  // Codes only when written as codes ("UKR"): a declared "can" is not Canada.
  if (allow_lowercase_code || all_upper_letters(clean))
    if (auto country = country_for_code(clean)) return gazetteer.canonical(*country).value_or(*country);
  return clean;
}

std::vector<std::string> resolve_actors(const std::vector<std::string>& declared, std::string_view title,
                                        std::string_view text, const Gazetteer& gazetteer,
                                        std::string_view context) {
  std::vector<std::string> actors;
  for (const auto& name : declared) {
    std::string resolved = resolve_actor_name(name, gazetteer);
    if (!resolved.empty()) actors.push_back(std::move(resolved));
  }
  for (std::string_view part : {title, text, context})
    for (auto& a : gazetteer.find_actors(part)) actors.push_back(std::move(a));
  std::sort(actors.begin(), actors.end());
  actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
  return actors;
}

EnrichedArticle enrich(RawRecord raw, const FileEntry& file, std::size_t record_number, bool multi_record,
                       const EnrichContext& context) {
  EnrichedArticle out;
  Article& a = out.article;
  a.format = file.format;
  a.path = file.path;
  a.url = clean_field(raw.url);
  // Every reader cleans its text; doing it once more here makes enrich the one place that guarantees it.
  a.text = strip_controls(raw.text);

  // A declared id is text like any field (YAML's "\N" escape gives a Latin-1 byte);
  // ids from paths stay the path's bytes, so they keep naming the file.
  std::string declared_id = utf8_truncate(strip_controls(raw.declared_id), 1000);
  if (!trim(declared_id).empty()) a.id = std::move(declared_id);
  else if (multi_record) a.id = file.path + "#" + std::to_string(record_number);
  else a.id = file.path;

  std::optional<PathFields> path;
  if (context.patterns != nullptr && !context.patterns->empty())
    path = context.patterns->match(file.path, context.root.empty() ? parent_of(file.path) : context.root);

  set_title(a, raw, path, file);
  set_date(a, raw, path, file, context);
  if (std::string warning = unread_date_warning(raw, a); !warning.empty()) out.warnings.push_back(std::move(warning));
  set_source(a, raw, path, context);

  // Declared names first, then the path's: both kept as written, so a changed
  // gazetteer can map them afresh. Path codes are resolved here ("UKR" -> Ukraine)
  // and stored resolved, since only a path part is known to be a code.
  ArticleExtras& extras = out.extras;
  for (const auto& name : raw.actors)
    if (!trim(name).empty()) extras.declared_actors.push_back(clean_field(name));
  std::size_t declared_count = extras.declared_actors.size();
  if (path) {
    for (const auto& c : path->countries)
      extras.declared_actors.push_back(resolve_actor_name(c, context.gazetteer, true));
    for (const auto& name : path->actors) extras.declared_actors.push_back(clean_field(name));
  }
  std::string actor_context = raw.author;
  if (!raw.description.empty()) actor_context += (actor_context.empty() ? "" : "\n") + raw.description;
  extras.actor_context = utf8_truncate(actor_context, kMaxActorContextBytes);

  a.actors = resolve_actors(extras.declared_actors, a.title, a.text, context.gazetteer, extras.actor_context);
  if (!a.actors.empty()) {
    a.origins["actors"] = declared_count > 0                             ? FieldOrigin::declared
                          : extras.declared_actors.size() > declared_count ? FieldOrigin::path
                                                                           : FieldOrigin::text;
  }
  return out;
}

}  // namespace dossier

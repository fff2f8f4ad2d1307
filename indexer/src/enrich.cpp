#include "enrich.hpp"

#include "dates.hpp"
#include "text.hpp"
#include "text_dates.hpp"

#include <algorithm>

namespace dossier {
namespace {

constexpr std::size_t kTitleChars = 120;
// Metadata values longer than this are damage or abuse, not names.
constexpr std::size_t kMaxFieldBytes = 200;

std::string file_name_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
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

std::string clean_field(std::string_view value) {
  return utf8_truncate(collapse_whitespace(value), kMaxFieldBytes);
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

std::vector<std::string> resolve_actors(const std::vector<std::string>& declared, std::string_view title,
                                        std::string_view text, const Gazetteer& gazetteer) {
  std::vector<std::string> actors;
  for (const auto& name : declared) {
    std::string clean = clean_field(name);
    if (clean.empty()) continue;
    actors.push_back(gazetteer.canonical(clean).value_or(clean));
  }
  for (auto& a : gazetteer.find_actors(title)) actors.push_back(std::move(a));
  for (auto& a : gazetteer.find_actors(text)) actors.push_back(std::move(a));
  std::sort(actors.begin(), actors.end());
  actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
  return actors;
}

Article enrich(RawRecord raw, const FileEntry& file, std::size_t record_number, bool multi_record,
               const EnrichContext& context) {
  Article a;
  a.format = file.format;
  a.path = file.path;
  a.url = clean_field(raw.url);
  a.text = std::move(raw.text);

  if (!raw.declared_id.empty()) a.id = utf8_truncate(raw.declared_id, 1000);
  else if (multi_record) a.id = file.path + "#" + std::to_string(record_number);
  else a.id = file.path;

  // Title: declared, else the first heading, else the first sentence.
  if (!trim(raw.title).empty()) {
    a.title = clean_field(raw.title);
    a.origins["title"] = FieldOrigin::declared;
  } else if (!trim(raw.heading).empty()) {
    a.title = shorten_at_word(collapse_whitespace(raw.heading), kTitleChars);
    a.origins["title"] = FieldOrigin::text;
  } else if (!trim(a.text).empty()) {
    a.title = first_sentence(a.text);
    a.origins["title"] = FieldOrigin::text;
  } else {
    a.title = file_name_of(file.path);
    a.origins["title"] = FieldOrigin::path;
  }

  // Date: declared, else in the text, else in the file name, else the file's time.
  std::optional<CivilDate> date;
  if (!raw.date.empty() && (date = parse_date(raw.date))) {
    a.origins["date"] = FieldOrigin::declared;
  } else if ((date = find_date_in_text(a.text, context.options.year))) {
    a.origins["date"] = FieldOrigin::text;
  } else if ((date = find_date_in_file_name(file_name_of(file.path)))) {
    a.origins["date"] = FieldOrigin::path;
  } else if (file.mtime_ns > 0) {
    date = date_from_unix_time(file.mtime_ns / 1000000000);
    a.origins["date"] = FieldOrigin::file_time;
  }
  if (date) a.date = date->iso();

  // Source: declared, else the site's name or the URL's domain, else the run's.
  if (!trim(raw.source).empty()) {
    a.source = clean_field(raw.source);
    a.origins["source"] = FieldOrigin::declared;
  } else if (!trim(raw.site_name).empty()) {
    a.source = clean_field(raw.site_name);
    a.origins["source"] = FieldOrigin::declared;
  } else if (std::string domain = url_domain(a.url); !domain.empty()) {
    a.source = clean_field(domain);
    a.origins["source"] = FieldOrigin::declared;
  } else if (!context.options.source.empty()) {
    a.source = clean_field(context.options.source);
    a.origins["source"] = FieldOrigin::run;
  }

  a.actors = resolve_actors(raw.actors, a.title, a.text, context.gazetteer);
  if (!a.actors.empty()) a.origins["actors"] = raw.actors.empty() ? FieldOrigin::text : FieldOrigin::declared;
  return a;
}

}  // namespace dossier

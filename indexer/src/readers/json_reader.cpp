// JSON (one article object, or an array of them) and JSONL (one object a line).
#include "reader.hpp"
#include "record_fields.hpp"

#include "dates.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

namespace dossier {
namespace {

using Json = nlohmann::json;

// Scrapers nest lists and bylines; two levels cover the common shapes.
constexpr int kMaxNesting = 2;
// Wrapper objects ("{"articles": [...]}") name their list with one of these.
const char* const kListKeys[] = {"articles", "items", "documents", "docs", "records", "data", "results", "posts"};

std::string scalar_text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number_unsigned()) return std::to_string(v.get<unsigned long long>());
  if (v.is_number_float()) return v.dump();
  return {};
}

// A Unix time in seconds or milliseconds, as a date; empty when it is not one.
std::string epoch_date(const Json& v) {
  if (!v.is_number()) return {};
  double t = v.get<double>();
  if (t > 1e11) t /= 1000;            // milliseconds
  if (t < 1e8 || t > 4.2e9) return {};  // 1973 .. 2103: anything else is not a timestamp
  return date_from_unix_time(static_cast<long long>(t)).iso();
}

// The name inside an object such as {"name": "Reuters", "id": "reuters"}.
std::string object_name(const Json& v) {
  for (const char* key : {"name", "title", "label", "value", "text"})
    if (v.contains(key) && v[key].is_string()) return v[key].get<std::string>();
  return {};
}

void offer_value(RecordAssembler& record, const std::string& name, const Json& v, int depth) {
  auto field = record.field_for(name);
  if (!field) return;
  if (*field == RecordField::date) {
    if (std::string d = epoch_date(v); !d.empty()) return record.offer(name, d);
  }
  if (v.is_object()) {
    if (std::string n = object_name(v); !n.empty()) record.offer_item(name, n);
    return;
  }
  if (v.is_array()) {
    if (depth >= kMaxNesting) return;
    for (const auto& item : v) {
      if (item.is_object()) {
        if (std::string n = object_name(item); !n.empty()) record.offer_item(name, n);
      } else if (std::string s = scalar_text(item); !s.empty()) {
        record.offer_item(name, s);
      }
    }
    return;
  }
  if (std::string s = scalar_text(v); !s.empty()) record.offer(name, s);
}

// Fields named with a dot in --map ("meta.published=date") reach into nested objects.
void offer_mapped_paths(RecordAssembler& record, const Json& object, const ReaderContext& context) {
  if (context.field_map == nullptr) return;
  for (const auto& [path, target] : *context.field_map) {
    if (path.find('.') == std::string::npos) continue;
    const Json* at = &object;
    std::size_t start = 0;
    while (at != nullptr && start <= path.size()) {
      std::size_t dot = path.find('.', start);
      std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      at = at->is_object() && at->contains(key) ? &(*at)[key] : nullptr;
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    if (at != nullptr) offer_value(record, path, *at, 0);
  }
}

RawRecord record_from(const Json& object, const ReaderContext& context) {
  RecordAssembler record(context.field_map);
  for (const auto& [key, value] : object.items()) offer_value(record, key, value, 0);
  offer_mapped_paths(record, object, context);
  return record.take();
}

// The list of articles a parsed .json file holds: the array itself, the object
// alone, or the list inside a wrapper object.
const Json* article_list(const Json& root) {
  if (root.is_array()) return &root;
  if (!root.is_object()) return nullptr;
  for (const char* key : kListKeys)
    if (root.contains(key) && root[key].is_array() && !root[key].empty() && root[key][0].is_object())
      return &root[key];
  return nullptr;
}

void add_records(const Json& list, const ReaderContext& context, ReadOutcome& out) {
  std::size_t not_objects = 0;
  for (const auto& item : list) {
    if (!item.is_object()) {
      ++not_objects;
      continue;
    }
    out.records.push_back(record_from(item, context));
  }
  if (not_objects > 0)
    out.warnings.push_back(std::to_string(not_objects) + " array item(s) are not objects and were left out");
}

std::string parse_error_detail(std::string_view bytes) {
  try {
    [[maybe_unused]] Json j = Json::parse(bytes);
  } catch (const Json::exception& e) {  // parse_error, and out_of_range for numbers like 2e333
    return "not valid JSON: " + std::string(e.what()).substr(0, 200);
  }
  return "not valid JSON";
}

}  // namespace

ReadOutcome read_json(std::string_view bytes, const ReaderContext& context) {
  std::string text = to_valid_utf8(bytes);
  Json root = Json::parse(text, nullptr, false);
  if (root.is_discarded()) return failed_read("malformed", parse_error_detail(text));
  ReadOutcome out;
  out.multi_record = true;
  if (const Json* list = article_list(root); list != nullptr && list != &root) {
    add_records(*list, context, out);
  } else if (root.is_array()) {
    add_records(root, context, out);
  } else if (root.is_object()) {
    out.multi_record = false;
    out.records.push_back(record_from(root, context));
  } else {
    return failed_read("malformed", "JSON holds neither an object nor an array of objects");
  }
  if (out.records.empty()) return failed_read("malformed", "JSON holds no article objects");
  return out;
}

ReadOutcome read_jsonl(std::string_view bytes, const ReaderContext& context) {
  std::string text = to_valid_utf8(bytes);
  std::string_view rest = text;
  ReadOutcome out;
  out.multi_record = true;
  std::size_t line_no = 0, bad = 0, first_bad = 0;
  while (!rest.empty()) {
    std::size_t eol = rest.find('\n');
    std::string_view line = trim(rest.substr(0, eol));
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
    ++line_no;
    if (line.empty()) continue;
    Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      if (bad++ == 0) first_bad = line_no;
      // Keep numbering by line, so a record's identity does not shift when a line before it breaks.
      out.records.emplace_back();
      continue;
    }
    out.records.push_back(record_from(j, context));
  }
  std::size_t good = out.records.size() - bad;
  if (good == 0) return failed_read("malformed", bad ? "no line is a JSON object (first: line " +
                                                           std::to_string(first_bad) + ")"
                                                     : "no records");
  if (bad > 0)
    out.warnings.push_back(std::to_string(bad) + " line(s) are not JSON objects and were left out (first: line " +
                           std::to_string(first_bad) + ")");
  return out;
}

}  // namespace dossier

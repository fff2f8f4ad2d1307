// Build-time tool: compiles the built-in gazetteer TSV into a C++ file of
// constant tables (kBuiltinGazetteerTables), so that no program parses, lower-
// cases or sorts it at startup. It uses the library's own parser and table
// builder, so the static tables are exactly what add_tsv would build.
//
// Usage: dossier_gazetteer_compile GAZETTEER.tsv OUTPUT.cpp

#include "gazetteer_entries.hpp"
#include "gazetteer_tables.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace dossier {
namespace {

// A string literal for arbitrary bytes, split over lines. Octal escapes, unlike
// hex ones, end after three digits, so a following digit cannot join them.
std::string string_literal(std::string_view bytes) {
  std::string out = "\"";
  std::size_t line = 0;
  for (unsigned char c : bytes) {
    if (line >= 100) {
      out += "\"\n    \"";
      line = 0;
    }
    if (c == '"' || c == '\\' || c == '?') {
      out += '\\';
      out += static_cast<char>(c);
      line += 2;
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
      line += 1;
    } else {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
      line += 4;
    }
  }
  return out + "\"";
}

template <class T, class Row>
void write_array(std::ostream& out, const char* type, const char* name, const std::vector<T>& rows, Row row) {
  if (rows.empty()) return;  // a zero-length array is ill-formed; the span stays empty
  out << "constexpr " << type << " " << name << "[] = {";
  for (std::size_t i = 0; i < rows.size(); ++i) out << (i % 8 == 0 ? "\n    " : " ") << row(rows[i]) << ",";
  out << "\n};\n";
}

std::string span(const char* name, std::size_t size) {
  if (size == 0) return "{nullptr, 0}";
  return "{" + std::string(name) + ", " + std::to_string(size) + "}";
}

std::string form_row(const GazetteerForm& f) {
  return "{" + std::to_string(f.offset) + ", " + std::to_string(f.length) + ", " + std::to_string(f.entry) + "}";
}

const char* type_name(ActorType t) {
  switch (t) {
    case ActorType::country:
      return "ActorType::country";
    case ActorType::organisation:
      return "ActorType::organisation";
    case ActorType::person:
      return "ActorType::person";
    case ActorType::unknown:
      break;
  }
  return "ActorType::unknown";
}

void write_tables(std::ostream& out, const GazetteerTables& t) {
  out << "// Generated at build time by gazetteer_compile.cpp from common/data/gazetteer.tsv;\n"
         "// edit that file instead.\n"
         "#include \"gazetteer_tables.hpp\"\n\n"
         "namespace dossier {\nnamespace {\n\n";
  out << "constexpr char kText[] =\n    " << string_literal(t.text) << ";\n";
  write_array(out, "GazetteerRow", "kEntries", t.entries, [](const GazetteerRow& r) {
    return "{" + std::to_string(r.first_form) + ", " + std::to_string(r.form_count) + ", " + type_name(r.type) + "}";
  });
  write_array(out, "GazetteerForm", "kForms", t.forms, form_row);
  write_array(out, "GazetteerForm", "kExact", t.exact, form_row);
  write_array(out, "GazetteerForm", "kLower", t.lower, form_row);
  write_array(out, "std::uint32_t", "kByCanonical", t.by_canonical, [](std::uint32_t i) { return std::to_string(i); });
  out << "\n}  // namespace\n\n"
         "// Constant-initialised: no code runs for it at startup.\n"
         "const GazetteerView kBuiltinGazetteerTables{\n"
      << "    std::string_view(kText, " << t.text.size() << "),\n"
      << "    " << span("kEntries", t.entries.size()) << ",\n"
      << "    " << span("kForms", t.forms.size()) << ",\n"
      << "    " << span("kExact", t.exact.size()) << ",\n"
      << "    " << span("kLower", t.lower.size()) << ",\n"
      << "    " << span("kByCanonical", t.by_canonical.size()) << ",\n"
      << "};\n\n}  // namespace dossier\n";
}

int run(const char* tsv_path, const std::string& out_path) {
  std::ifstream in(tsv_path, std::ios::binary);
  if (!in) {
    std::cerr << "gazetteer_compile: cannot read " << tsv_path << "\n";
    return 1;
  }
  std::stringstream tsv;
  tsv << in.rdbuf();
  std::vector<ActorEntry> entries;
  // The shipped file must be clean: a bad line would silently lose an actor.
  auto problems = parse_gazetteer_tsv(tsv.str(), entries);
  for (const auto& p : problems) std::cerr << tsv_path << ": " << p << "\n";
  if (!problems.empty()) return 1;

  std::ostringstream code;
  write_tables(code, build_gazetteer_tables(entries));
  // Written whole under another name, then renamed: a failed run must not leave
  // a truncated file that make would take for up to date.
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << code.str();
    if (!out.flush()) {
      std::cerr << "gazetteer_compile: cannot write " << tmp << "\n";
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0) {
    std::cerr << "gazetteer_compile: cannot rename " << tmp << " to " << out_path << "\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace dossier

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: dossier_gazetteer_compile GAZETTEER.tsv OUTPUT.cpp\n";
    return 2;
  }
  return dossier::run(argv[1], argv[2]);
}

#include "fuzz_targets.hpp"

namespace dossier::fuzz {

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"text_hygiene", text_hygiene},        {"front_matter", front_matter}, {"dates", dates},
      {"actors", actors},            {"reader_txt", reader_txt},     {"reader_md", reader_md},
      {"reader_html", reader_html},  {"reader_json", reader_json},   {"reader_jsonl", reader_jsonl},
      {"reader_csv", reader_csv},    {"reader_pdf", reader_pdf},     {"pipeline", pipeline},
      {"query", query},              {"stored_data", stored_data},   {"resident_messages", resident_messages},
  };
  return all;
}

}  // namespace dossier::fuzz

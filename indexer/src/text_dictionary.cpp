#include "text_dictionary.hpp"

#include <cstdint>
#include <string>

namespace dossier {

namespace {

// ~1,100 Reuters items: a dictionary trained on them packs the whole folder to
// 8.2 MB, one trained on three times as much to 7.9 MB (zstd -b, README
// "Performance"); learning costs a tenth of a second.
constexpr std::uintmax_t kLearningBytes = 1u << 20;
constexpr std::size_t kLearningFiles = 1024;

}  // namespace

DataPacker load_packer(const IndexWriter& writer) {
  std::string id = writer.metadata(std::string(kCurrentDictionaryKey));
  if (id.empty()) return DataPacker();
  std::string dictionary;
  try {
    dictionary = writer.metadata(dictionary_key(static_cast<std::uint32_t>(std::stoul(id))));
  } catch (const std::logic_error&) {
    // A malformed id: as if there were none, and the next run learns another.
  }
  if (dictionary.empty()) return DataPacker();
  return DataPacker(dictionary);
}

std::size_t files_to_learn_from(const std::vector<const FileEntry*>& todo) {
  std::uintmax_t bytes = 0;
  std::size_t n = 0;
  while (n < todo.size() && n < kLearningFiles && bytes < kLearningBytes) bytes += todo[n++]->size;
  return n;
}

DataPacker learn_dictionary(const std::vector<Xapian::Document*>& documents, IndexWriter& writer,
                            DataPacker packer) {
  std::vector<std::string> samples;
  samples.reserve(documents.size());
  for (const auto* doc : documents) samples.push_back(doc->get_data());
  std::string dictionary = train_dictionary(samples);
  if (dictionary.empty()) return packer;
  DataPacker learnt(dictionary);
  writer.set_metadata(dictionary_key(learnt.id()), dictionary);
  writer.set_metadata(std::string(kCurrentDictionaryKey), std::to_string(learnt.id()));
  for (std::size_t i = 0; i < documents.size(); ++i) store_payload(*documents[i], samples[i], learnt);
  return learnt;
}

}  // namespace dossier

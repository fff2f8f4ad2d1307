// A document's stored data as the searcher reads it: packed (data_packing) or
// not, it must decode or be refused with a DatabaseError, and anything packed
// must come back byte for byte.

#include "fuzz_targets.hpp"

#include "article_codec.hpp"
#include "data_packing.hpp"

#include <dossier/errors.hpp>

#include <map>
#include <string>

namespace dossier::fuzz {
namespace {

// One dictionary for every run, learnt from a few made-up documents.
const std::string& dictionary() {
  static const std::string d = [] {
    std::vector<std::string> samples;
    for (int i = 0; i < 64; ++i) {
      Article a;
      a.id = a.path = "/reports/wire/item-" + std::to_string(i) + ".md";
      a.title = "Border talks, day " + std::to_string(i);
      a.source = "Wire";
      a.date = "2024-06-" + std::to_string(10 + i % 20);
      for (int w = 0; w < 40; ++w) a.text += "officials said the talks on the border resumed " + std::to_string(i * w) + " ";
      samples.push_back(encode_article(a));
    }
    return train_dictionary(samples);
  }();
  return d;
}

}  // namespace

int stored_data(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  static const DataPacker packer(dictionary());
  DataUnpacker unpacker([](const std::string& key) {
    return key == dictionary_key(packer.id()) ? dictionary() : std::string();
  });
  // Arbitrary bytes as a document's data: decoded or refused, never a crash.
  try {
    (void)decode_article(unpacker.unpack(bytes));
  } catch (const DatabaseError&) {
  }
  // Arbitrary bytes as a payload: packed and unpacked unchanged.
  require(unpacker.unpack(packer.pack(bytes)) == bytes, "packed data did not unpack to the payload");
  return 0;
}

}  // namespace dossier::fuzz

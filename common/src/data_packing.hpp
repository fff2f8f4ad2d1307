#pragma once
// How a document's stored data (article_codec's header and text) is kept
// small: compressed with zstd and a dictionary trained on the index's own first
// documents, kept in the index's metadata.
//
// Xapian compresses each document on its own with zlib, which finds little to
// share inside a one-kilobyte news item: Reuters' stored text took 12.7 MB of a
// 58.7 MB index. A dictionary carries what the documents have in common (their
// header keys, their sources' boilerplate, common words) and takes that to
// 8.2 MB. Unpacking a hit costs about what Xapian's inflate did (README
// "Performance").
//
// Packed data is one marker byte then a zstd frame, which names its dictionary,
// kept in a value slot (schema Field::packed_data) with the document data left
// empty: Xapian deflates document data, which cost more CPU on packed bytes than
// on the text, and keeps values as they are. A document without that value has
// its payload as its data, as dossier wrote before and still does until an
// index has a dictionary.

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// Metadata key of the dictionary with zstd id `id`, and of the id new documents use.
std::string dictionary_key(std::uint32_t id);
constexpr std::string_view kCurrentDictionaryKey = "dossier:dict";

// A dictionary trained on `samples` (documents' unpacked data); empty when they
// are too few or too small to train one.
std::string train_dictionary(const std::vector<std::string>& samples);

// The zstd id of a trained dictionary (0 for an empty or foreign one).
std::uint32_t dictionary_id(std::string_view dictionary);

// Packs payloads for one index. Thread-safe: preparing threads share one.
class DataPacker {
 public:
  // Without a dictionary, pack() returns the payload unchanged: Xapian's zlib
  // does as well as dictionary-less zstd on short documents.
  DataPacker() = default;
  // @throws DatabaseError when `dictionary` is not a zstd dictionary.
  explicit DataPacker(const std::string& dictionary);

  bool has_dictionary() const { return dictionary_ != nullptr; }
  std::uint32_t id() const { return id_; }
  std::string pack(std::string_view payload) const;

 private:
  std::shared_ptr<const void> dictionary_;  // ZSTD_CDict, opaque here
  std::uint32_t id_ = 0;
};

// Gives `doc` the payload: packed into its value slot when `packer` has a
// dictionary, else as its data.
void store_payload(Xapian::Document& doc, std::string_view payload, const DataPacker& packer);

// Unpacks documents' data, fetching each dictionary the first time a document
// names it. `fetch` gets a metadata key and returns its value ("" when absent);
// a searcher over several shards asks each shard in turn.
class DataUnpacker {
 public:
  using Fetch = std::function<std::string(const std::string& key)>;
  explicit DataUnpacker(Fetch fetch);
  ~DataUnpacker();
  DataUnpacker(const DataUnpacker&) = delete;
  DataUnpacker& operator=(const DataUnpacker&) = delete;

  // The payload of `data` (Xapian::Document::get_data()'s): `data` itself
  // when it is not packed.
  // @throws DatabaseError when packed data is corrupt or its dictionary is missing.
  std::string unpack(std::string data);
  // The payload of a stored document (store_payload's), packed or not.
  std::string payload(const Xapian::Document& doc);

 private:
  struct Dictionaries;
  Fetch fetch_;
  std::unique_ptr<Dictionaries> dictionaries_;
};

// Whether `data` is packed (for tests and statistics).
bool is_packed(std::string_view data);

}  // namespace dossier

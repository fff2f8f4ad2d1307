#include "data_packing.hpp"

#include "schema.hpp"

#include <dossier/errors.hpp>

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace dossier {

namespace {

// First byte of packed data; an unpacked payload starts with its JSON header's '{'.
constexpr char kPackedMarker = '\x01';

// zstd's default: ~165 MB/s on Reuters' one-kilobyte documents with a
// dictionary, against ~26 MB/s at level 9 for 6% less (measured with `zstd -b`).
constexpr int kLevel = 3;

// Enough samples to learn from, and a dictionary a tenth of them at most:
// 64 KB trained on ~1 MB of Reuters packs its documents to 8.2 MB (a 112 KB one
// trained on 3 MB: 7.9 MB), so a larger one buys little.
constexpr std::size_t kMinSamples = 8;
constexpr std::size_t kMinSampleBytes = 16 * 1024;
constexpr std::size_t kMaxDictionaryBytes = 64 * 1024;

// Larger than any document dossier stores (the indexer's file limit is lower):
// a corrupt frame cannot make us allocate without bound.
constexpr unsigned long long kMaxPayloadBytes = 1ull << 30;

struct CCtxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DDictFree {
  void operator()(ZSTD_DDict* d) const { ZSTD_freeDDict(d); }
};
struct DCtxFree {
  void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

ZSTD_CCtx* thread_cctx() {
  // One compression context per preparing thread, reused: creating one per
  // document would allocate its tables every time.
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> cctx(ZSTD_createCCtx());
  if (!cctx) throw DatabaseError("out of memory for compression");
  return cctx.get();
}

}  // namespace

std::string dictionary_key(std::uint32_t id) { return std::string(kCurrentDictionaryKey) + ":" + std::to_string(id); }

std::string train_dictionary(const std::vector<std::string>& samples) {
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const auto& s : samples) {
    if (s.empty()) continue;
    joined += s;
    sizes.push_back(s.size());
  }
  if (sizes.size() < kMinSamples || joined.size() < kMinSampleBytes) return {};
  std::string dictionary(std::clamp<std::size_t>(joined.size() / 10, 1024, kMaxDictionaryBytes), '\0');
  std::size_t n = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                                        static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(n)) return {};  // too little in common to learn from
  dictionary.resize(n);
  return dictionary;
}

std::uint32_t dictionary_id(std::string_view dictionary) {
  return static_cast<std::uint32_t>(ZDICT_getDictID(dictionary.data(), dictionary.size()));
}

DataPacker::DataPacker(const std::string& dictionary) : id_(dictionary_id(dictionary)) {
  if (id_ == 0) throw DatabaseError("the index's compression dictionary is unreadable");
  ZSTD_CDict* d = ZSTD_createCDict(dictionary.data(), dictionary.size(), kLevel);
  if (!d) throw DatabaseError("the index's compression dictionary is unreadable");
  dictionary_ = std::shared_ptr<const void>(d, [](const void* p) {
    ZSTD_freeCDict(static_cast<ZSTD_CDict*>(const_cast<void*>(p)));
  });
}

std::string DataPacker::pack(std::string_view payload) const {
  if (!dictionary_) return std::string(payload);
  std::string out(1 + ZSTD_compressBound(payload.size()), '\0');
  out[0] = kPackedMarker;
  auto* cdict = static_cast<const ZSTD_CDict*>(dictionary_.get());
  std::size_t n = ZSTD_compress_usingCDict(thread_cctx(), out.data() + 1, out.size() - 1, payload.data(),
                                           payload.size(), cdict);
  if (ZSTD_isError(n)) throw DatabaseError(std::string("cannot compress a document: ") + ZSTD_getErrorName(n));
  out.resize(1 + n);
  return out;
}

bool is_packed(std::string_view data) { return !data.empty() && data.front() == kPackedMarker; }

namespace {
unsigned packed_slot() { return *schema::spec(schema::Field::packed_data).slot; }
}  // namespace

void store_payload(Xapian::Document& doc, std::string_view payload, const DataPacker& packer) {
  if (packer.has_dictionary()) {
    doc.add_value(packed_slot(), packer.pack(payload));
    doc.set_data(std::string());
  } else {
    doc.add_value(packed_slot(), std::string());  // an empty value is no value (a rewrite may have one)
    doc.set_data(std::string(payload));
  }
}

struct DataUnpacker::Dictionaries {
  std::mutex mutex;  // one search's threads may share the unpacker
  std::unique_ptr<ZSTD_DCtx, DCtxFree> dctx{ZSTD_createDCtx()};
  std::unordered_map<std::uint32_t, std::unique_ptr<ZSTD_DDict, DDictFree>> by_id;
};

DataUnpacker::DataUnpacker(Fetch fetch) : fetch_(std::move(fetch)), dictionaries_(std::make_unique<Dictionaries>()) {}

DataUnpacker::~DataUnpacker() = default;

std::string DataUnpacker::payload(const Xapian::Document& doc) {
  std::string packed = doc.get_value(packed_slot());
  return packed.empty() ? unpack(doc.get_data()) : unpack(std::move(packed));
}

std::string DataUnpacker::unpack(std::string data) {
  if (!is_packed(data)) return data;
  std::string_view frame = std::string_view(data).substr(1);
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxPayloadBytes)
    throw DatabaseError("a document in the index has unreadable data");
  std::uint32_t id = static_cast<std::uint32_t>(ZSTD_getDictID_fromFrame(frame.data(), frame.size()));

  std::lock_guard<std::mutex> lock(dictionaries_->mutex);
  const ZSTD_DDict* ddict = nullptr;
  if (id != 0) {
    auto it = dictionaries_->by_id.find(id);
    if (it == dictionaries_->by_id.end()) {
      std::string dictionary = fetch_ ? fetch_(dictionary_key(id)) : std::string();
      if (dictionary.empty() || dictionary_id(dictionary) != id)
        throw DatabaseError("a document in the index needs compression dictionary " + std::to_string(id) +
                            ", which the index does not hold");
      std::unique_ptr<ZSTD_DDict, DDictFree> d(ZSTD_createDDict(dictionary.data(), dictionary.size()));
      if (!d) throw DatabaseError("the index's compression dictionary is unreadable");
      it = dictionaries_->by_id.emplace(id, std::move(d)).first;
    }
    ddict = it->second.get();
  }
  if (!dictionaries_->dctx) throw DatabaseError("out of memory for decompression");
  std::string buffer(static_cast<std::size_t>(size), '\0');
  std::size_t n = ddict ? ZSTD_decompress_usingDDict(dictionaries_->dctx.get(), buffer.data(), buffer.size(),
                                                     frame.data(), frame.size(), ddict)
                        : ZSTD_decompressDCtx(dictionaries_->dctx.get(), buffer.data(), buffer.size(), frame.data(),
                                              frame.size());
  if (ZSTD_isError(n) || n != size) throw DatabaseError("a document in the index has unreadable data");
  return buffer;
}

}  // namespace dossier

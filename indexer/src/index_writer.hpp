#pragma once
// Stage 5 of indexing: the only part that writes the database. Groups changes
// into batches that commit atomically, so a killed run leaves whole files.

#include <xapian.h>

#include <memory>
#include <spdlog/logger.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace dossier {

struct IndexedFile {
  std::string stamp;
  std::vector<Xapian::docid> docids;
};

class IndexWriter {
 public:
  // @throws LockError, DatabaseError
  IndexWriter(const std::string& path, bool wait_for_lock);

  // Every file the index holds documents for: canonical path -> stamp and documents.
  std::unordered_map<std::string, IndexedFile> indexed_files() const;

  // Replaces a document by its id term (adds it if new). Returns true if it existed.
  bool replace(const std::string& id_term, const Xapian::Document& doc);
  void remove(Xapian::docid id);
  bool remove_by_term(const std::string& id_term);

  // Starts a group of changes that becomes visible all at once at commit().
  void begin_batch();
  // Commits the current batch (if any) durably.
  void commit();

  std::string metadata(const std::string& key) const;
  void set_metadata(const std::string& key, const std::string& value);
  std::size_t document_count() const;
  Xapian::Document document(Xapian::docid id) const;

 private:
  Xapian::WritableDatabase db_;
  bool in_batch_ = false;
};

// Runs `fn`, translating Xapian's exceptions into dossier's.
template <typename Fn>
auto translate_xapian_errors(const std::string& path, Fn&& fn) -> decltype(fn());

}  // namespace dossier

#include "index_writer_errors.hpp"

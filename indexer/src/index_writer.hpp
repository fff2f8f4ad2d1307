#pragma once
// Stage 5 of indexing: the only part that writes the database. Groups changes
// into batches that commit atomically, so a killed run leaves whole files.
//
// An index is one database or several shards (see shard_layout.hpp). Each shard
// (also the only one) has its own WritableDatabase and writer thread, so
// documents are prepared while earlier ones are written; documents go to the shard
// their id term hashes to. Document numbers given out here are the combined
// numbers Xapian uses for several databases opened as one:
// (shard docid - 1) * shards + shard + 1.

#include "shard_layout.hpp"
#include "shard_worker.hpp"

#include <xapian.h>

#include <atomic>
#include <future>
#include <memory>
#include <spdlog/logger.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace dossier {

struct IndexedFile {
  // Empty when the file's documents disagree (e.g. a run killed between two
  // shards' commits): the file is then read again.
  std::string stamp;
  std::vector<Xapian::docid> docids;
};

// What queued writes did, counted on the shard threads.
struct WriteCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t removed = 0;
};

class IndexWriter {
 public:
  // `shards`: 0 keeps the existing index's count (1 for a new index).
  // @throws LockError, DatabaseError, InvalidArgument (shard count mismatch)
  IndexWriter(const std::string& path, bool wait_for_lock, unsigned shards = 0);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Every file the index holds documents for, over all shards:
  // canonical path -> stamp and documents.
  std::unordered_map<std::string, IndexedFile> indexed_files() const;

  // Replaces a document by its id term (adds it if new). Returns true if it existed.
  bool replace(const std::string& id_term, const Xapian::Document& doc);
  // The same, queued on the shard's thread; the outcome is counted (take_counts).
  // `doc` is moved: Xapian's reference counts are not atomic, so a document must
  // belong to one thread at a time.
  void queue_replace(const std::string& id_term, Xapian::Document&& doc);
  // Queues removing document `id` unless its stamp is `stamp` (a document the
  // current version of its file did not replace). Counted as removed.
  void queue_remove_if_stale(Xapian::docid id, const std::string& stamp);
  void remove(Xapian::docid id);
  bool remove_by_term(const std::string& id_term);

  // Starts a group of changes that becomes visible all at once at commit().
  void begin_batch();
  // Commits the current batch (if any) durably, on every shard in parallel.
  // Shards commit one by one, so a killed run may leave some shards a batch
  // ahead: files whose documents then disagree are read again next run.
  void commit();
  // The same, without waiting for it: the caller prepares the next batch while
  // the shards write and commit this one. Waits first for the commit before
  // (at most one batch is in flight), and rethrows its error.
  void commit_async();
  // Counts of queued writes since the last call.
  WriteCounts take_counts();

  std::string metadata(const std::string& key) const;
  // Per shard: its `key` metadata and whether it holds documents. (Shards
  // commit one by one: after a killed first run some may be empty.)
  std::vector<std::pair<std::string, bool>> shard_metadata(const std::string& key) const;
  // Kept in every shard, so any shard (or a remote one) answers for the index.
  void set_metadata(const std::string& key, const std::string& value);
  std::size_t document_count() const;
  Xapian::Document document(Xapian::docid id) const;
  std::size_t shard_count() const { return shards_.size(); }

 private:
  struct Counters {
    std::atomic<std::size_t> added{0}, updated{0}, removed{0};
  };
  unsigned shard_for(const std::string& id_term) const;
  ShardWorker& shard_of_docid(Xapian::docid id, Xapian::docid& local) const;

  void wait_for_commit();

  ShardLayout layout_;
  std::vector<std::unique_ptr<ShardWorker>> shards_;
  std::shared_ptr<Counters> counters_ = std::make_shared<Counters>();
  bool in_batch_ = false;
  std::vector<std::future<void>> pending_commit_;  // the batch being committed (commit_async)
};

// Runs `fn`, translating Xapian's exceptions into dossier's.
template <typename Fn>
auto translate_xapian_errors(const std::string& path, Fn&& fn) -> decltype(fn());

}  // namespace dossier

#include "index_writer_errors.hpp"

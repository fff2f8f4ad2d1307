#include "index_writer.hpp"

#include "schema.hpp"
#include "walker.hpp"

#include <filesystem>
#include <future>
#include <system_error>
#include <unordered_set>

namespace dossier {

using schema::Field;

namespace {

// Every (path, docid, stamp) of one shard, read with value streams (one slot
// for all documents, without touching their data).
struct ShardFiles {
  std::unordered_map<std::string, std::vector<Xapian::docid>> docids;
  std::unordered_map<Xapian::docid, std::string> stamps;
};

ShardFiles read_shard_files(const Xapian::Database& db) {
  ShardFiles out;
  const unsigned path_slot = *schema::spec(Field::path).slot;
  const unsigned stamp_slot = *schema::spec(Field::stamp).slot;
  const unsigned id_slot = *schema::spec(Field::id).slot;
  std::unordered_set<Xapian::docid> with_path;
  for (auto it = db.valuestream_begin(path_slot); it != db.valuestream_end(path_slot); ++it) {
    out.docids[*it].push_back(it.get_docid());
    with_path.insert(it.get_docid());
  }
  // A file's document whose id is its path keeps no path slot (DocumentBuilder):
  // stamped and without a path, its path is its id.
  std::unordered_set<Xapian::docid> path_is_id;
  for (auto it = db.valuestream_begin(stamp_slot); it != db.valuestream_end(stamp_slot); ++it) {
    out.stamps.emplace(it.get_docid(), stamp_from_stored(*it));
    if (!with_path.count(it.get_docid())) path_is_id.insert(it.get_docid());
  }
  if (!path_is_id.empty())
    for (auto it = db.valuestream_begin(id_slot); it != db.valuestream_end(id_slot); ++it)
      if (path_is_id.count(it.get_docid())) out.docids[*it].push_back(it.get_docid());
  return out;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, bool wait_for_lock, unsigned shards) {
  layout_ = resolve_shard_layout(path, shards);
  translate_xapian_errors(path, [&] {
    // Xapian creates the index folder itself, but not its parents.
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
    if (layout_.stub) std::filesystem::create_directories(path, ignored);
    int flags = Xapian::DB_CREATE_OR_OPEN;
    if (wait_for_lock) flags |= Xapian::DB_RETRY_LOCK;
    // Every shard writes on a thread of its own, also a single one: documents are
    // prepared while earlier ones are written.
    for (const auto& p : layout_.shard_paths) shards_.push_back(std::make_unique<ShardWorker>(p, flags, true));
    return 0;
  });
  // Written once every shard exists, so a reader of the stub never meets a missing shard.
  write_shard_stub(layout_);
}

IndexWriter::~IndexWriter() = default;

unsigned IndexWriter::shard_for(const std::string& id_term) const {
  return shard_of(id_term, static_cast<unsigned>(shards_.size()));
}

ShardWorker& IndexWriter::shard_of_docid(Xapian::docid id, Xapian::docid& local) const {
  const auto n = static_cast<Xapian::docid>(shards_.size());
  local = (id - 1) / n + 1;
  return *shards_[(id - 1) % n];
}

std::unordered_map<std::string, IndexedFile> IndexWriter::indexed_files() const {
  // Each shard reads its own values on its own thread, in parallel.
  std::vector<std::future<ShardFiles>> parts;
  for (auto& s : shards_) {
    auto promise = std::make_shared<std::promise<ShardFiles>>();
    parts.push_back(promise->get_future());
    s->post([promise](Xapian::WritableDatabase& db) {
      try {
        promise->set_value(read_shard_files(db));
      } catch (...) {
        promise->set_exception(std::current_exception());
      }
    });
  }
  std::unordered_map<std::string, IndexedFile> files;
  std::unordered_map<std::string, bool> consistent;
  const auto n = static_cast<Xapian::docid>(shards_.size());
  for (Xapian::docid shard = 0; shard < n; ++shard) {
    ShardFiles part = parts[shard].get();
    for (auto& [path, local_ids] : part.docids) {
      auto& file = files[path];
      bool& agrees = consistent.emplace(path, true).first->second;
      for (auto local : local_ids) {
        auto s = part.stamps.find(local);
        const std::string stamp = s == part.stamps.end() ? std::string() : s->second;
        // A file is unchanged only if all its documents, in every shard, carry its current stamp.
        if (file.docids.empty()) file.stamp = stamp;
        else if (stamp != file.stamp) agrees = false;
        file.docids.push_back((local - 1) * n + shard + 1);
      }
    }
  }
  for (auto& [path, file] : files)
    if (!consistent[path]) file.stamp.clear();
  return files;
}

bool IndexWriter::replace(const std::string& id_term, const Xapian::Document& doc) {
  return shards_[shard_for(id_term)]->call([&](Xapian::WritableDatabase& db) {
    bool existed = db.term_exists(id_term);
    db.replace_document(id_term, doc);
    return existed;
  });
}

void IndexWriter::queue_replace(const std::string& id_term, Xapian::Document&& doc) {
  auto& shard = *shards_[shard_for(id_term)];
  shard.post([term = id_term, doc = std::move(doc), counters = counters_](Xapian::WritableDatabase& db) {
    bool existed = db.term_exists(term);
    db.replace_document(term, doc);
    ++(existed ? counters->updated : counters->added);
  });
}

void IndexWriter::queue_remove_if_stale(Xapian::docid id, const std::string& stamp) {
  Xapian::docid local;
  auto& shard = shard_of_docid(id, local);
  const unsigned stamp_slot = *schema::spec(Field::stamp).slot;
  shard.post([local, stamp, stamp_slot, counters = counters_](Xapian::WritableDatabase& db) {
    try {
      if (stamp_from_stored(db.get_document(local).get_value(stamp_slot)) == stamp) return;
    } catch (const Xapian::DocNotFoundError&) {
      return;
    }
    db.delete_document(local);
    ++counters->removed;
  });
}

void IndexWriter::remove(Xapian::docid id) {
  Xapian::docid local;
  auto& shard = shard_of_docid(id, local);
  shard.post([local](Xapian::WritableDatabase& db) { db.delete_document(local); });
}

bool IndexWriter::remove_by_term(const std::string& id_term) {
  return shards_[shard_for(id_term)]->call([&](Xapian::WritableDatabase& db) {
    if (!db.term_exists(id_term)) return false;
    db.delete_document(id_term);
    return true;
  });
}

void IndexWriter::begin_batch() {
  if (in_batch_) return;
  // Unflushed: no commit around it, and no automatic flush inside it.
  for (auto& s : shards_) s->post([](Xapian::WritableDatabase& db) { db.begin_transaction(false); });
  in_batch_ = true;
}

void IndexWriter::commit() {
  commit_async();
  wait_for_commit();
}

void IndexWriter::commit_async() {
  wait_for_commit();
  const bool in_batch = in_batch_;
  in_batch_ = false;
  for (auto& s : shards_) {
    auto promise = std::make_shared<std::promise<void>>();
    pending_commit_.push_back(promise->get_future());
    s->post([promise, in_batch](Xapian::WritableDatabase& db) {
      try {
        if (in_batch) db.commit_transaction();
        db.commit();
        promise->set_value();
      } catch (...) {
        promise->set_exception(std::current_exception());
      }
    });
  }
}

void IndexWriter::wait_for_commit() {
  auto done = std::move(pending_commit_);
  pending_commit_.clear();
  for (auto& d : done) d.wait();
  for (auto& s : shards_) s->rethrow_pending();
  for (auto& d : done) d.get();
}

WriteCounts IndexWriter::take_counts() {
  WriteCounts c;
  c.added = counters_->added.exchange(0);
  c.updated = counters_->updated.exchange(0);
  c.removed = counters_->removed.exchange(0);
  return c;
}

std::string IndexWriter::metadata(const std::string& key) const {
  return shards_.front()->call([&](Xapian::WritableDatabase& db) { return db.get_metadata(key); });
}

std::vector<std::pair<std::string, bool>> IndexWriter::shard_metadata(const std::string& key) const {
  std::vector<std::pair<std::string, bool>> out;
  for (auto& s : shards_)
    out.push_back(s->call([&](Xapian::WritableDatabase& db) { return std::make_pair(db.get_metadata(key), db.get_doccount() > 0); }));
  return out;
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
  for (auto& s : shards_) s->post([key, value](Xapian::WritableDatabase& db) { db.set_metadata(key, value); });
}

std::size_t IndexWriter::document_count() const {
  std::size_t total = 0;
  for (auto& s : shards_) total += s->call([](Xapian::WritableDatabase& db) { return db.get_doccount(); });
  return total;
}

Xapian::Document IndexWriter::document(Xapian::docid id) const {
  Xapian::docid local;
  auto& shard = shard_of_docid(id, local);
  return shard.call([local](Xapian::WritableDatabase& db) { return db.get_document(local); });
}

}  // namespace dossier

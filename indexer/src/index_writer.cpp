#include "index_writer.hpp"

#include "schema.hpp"

#include <filesystem>
#include <system_error>

namespace dossier {

using schema::Field;

IndexWriter::IndexWriter(const std::string& path, bool wait_for_lock)
    : db_(translate_xapian_errors(path, [&] {
        // Xapian creates the index folder itself, but not its parents.
        std::error_code ignored;
        std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
        int flags = Xapian::DB_CREATE_OR_OPEN;
        if (wait_for_lock) flags |= Xapian::DB_RETRY_LOCK;
        return Xapian::WritableDatabase(path, flags);
      })) {}

std::unordered_map<std::string, IndexedFile> IndexWriter::indexed_files() const {
  std::unordered_map<std::string, IndexedFile> files;
  const unsigned path_slot = *schema::spec(Field::path).slot;
  const unsigned stamp_slot = *schema::spec(Field::stamp).slot;
  // Value streams read one slot for all documents without touching their data.
  for (auto it = db_.valuestream_begin(path_slot); it != db_.valuestream_end(path_slot); ++it)
    files[*it].docids.push_back(it.get_docid());
  std::unordered_map<Xapian::docid, std::string> stamps;
  for (auto it = db_.valuestream_begin(stamp_slot); it != db_.valuestream_end(stamp_slot); ++it)
    stamps.emplace(it.get_docid(), *it);
  for (auto& [path, file] : files) {
    // A file is unchanged only if all its documents carry its current stamp.
    for (std::size_t i = 0; i < file.docids.size(); ++i) {
      auto s = stamps.find(file.docids[i]);
      std::string this_stamp = s == stamps.end() ? std::string() : s->second;
      if (i == 0) {
        file.stamp = this_stamp;
      } else if (this_stamp != file.stamp) {
        file.stamp.clear();
        break;
      }
    }
  }
  return files;
}

bool IndexWriter::replace(const std::string& id_term, const Xapian::Document& doc) {
  bool existed = db_.term_exists(id_term);
  db_.replace_document(id_term, doc);
  return existed;
}

void IndexWriter::remove(Xapian::docid id) { db_.delete_document(id); }

bool IndexWriter::remove_by_term(const std::string& id_term) {
  if (!db_.term_exists(id_term)) return false;
  db_.delete_document(id_term);
  return true;
}

void IndexWriter::begin_batch() {
  if (in_batch_) return;
  // Unflushed: no commit around it, and no automatic flush inside it.
  db_.begin_transaction(false);
  in_batch_ = true;
}

void IndexWriter::commit() {
  if (in_batch_) {
    db_.commit_transaction();
    in_batch_ = false;
  }
  db_.commit();
}

std::string IndexWriter::metadata(const std::string& key) const { return db_.get_metadata(key); }
void IndexWriter::set_metadata(const std::string& key, const std::string& value) { db_.set_metadata(key, value); }
std::size_t IndexWriter::document_count() const { return db_.get_doccount(); }
Xapian::Document IndexWriter::document(Xapian::docid id) const { return db_.get_document(id); }

}  // namespace dossier

#pragma once
/// @file
/// Building and updating a dossier index.
///
/// Thread safety: an Indexer is used from one thread at a time. Only one
/// Indexer (in any process) can have an index open for writing; searches in
/// other threads or processes keep working while it writes.

#include <dossier/article.hpp>
#include <dossier/export.hpp>

#include <spdlog/logger.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dossier {

/// Settings for an indexing session.
struct DOSSIER_API IndexerOptions {
  /// Where messages go; silent when null. Never stdout unless the logger writes there.
  std::shared_ptr<spdlog::logger> logger;
  /// Extra gazetteer (same TSV format as the built-in one); its entries add to or override it.
  std::string actors_file;
  /// Year for dates written without one ("June 18"), when the document does not say.
  std::optional<int> year;
  /// Source for documents that neither declare one nor have one in their path.
  std::string source;
  /// Path patterns that take fields from folder and file names, e.g. "{source}/*" or
  /// "Session */{country}_*_{year}.txt". See README "Metadata".
  std::vector<std::string> path_patterns;
  /// Record field name -> dossier field ("headline" -> "title") for JSON/JSONL/CSV.
  std::map<std::string, std::string> field_map;
  /// Files larger than this are skipped (bytes).
  std::uintmax_t max_file_bytes = 64ull * 1024 * 1024;
  /// Follow symbolic links that point outside the folder being indexed.
  bool follow_external_symlinks = false;
  /// Wait for another writer to finish instead of failing with LockError.
  bool wait_for_lock = false;
  /// Worker threads that read and parse files (0: one per core).
  unsigned threads = 0;
  /// Databases (shards) a new index is split into, each written by its own thread;
  /// documents go to a shard by a stable hash of their id. 0 keeps an existing
  /// index's count (1 for a new one). See README "Several indexes and remote shards".
  /// The constructor throws InvalidArgument when it differs from an existing index's count.
  unsigned shards = 0;
};

/// A file that was not indexed, or was indexed only in part.
struct DOSSIER_API FileProblem {
  std::string path;    ///< the file (as found while walking)
  std::string reason;  ///< short category: "unreadable", "binary", "too large", "malformed", "special file", ...
  std::string detail;  ///< one line for a user
  bool skipped = true; ///< false when the file was indexed with degraded content
};

/// What one indexing run did.
struct DOSSIER_API IndexReport {
  std::size_t added = 0;      ///< documents new to the index
  std::size_t updated = 0;    ///< documents replaced because their file changed
  std::size_t unchanged = 0;  ///< files skipped because they did not change
  std::size_t removed = 0;    ///< documents whose file is gone
  std::size_t skipped = 0;    ///< files not indexed (see problems)
  std::vector<FileProblem> problems;  ///< every skipped or degraded file

  /// Skipped files counted by reason.
  [[nodiscard]] std::map<std::string, std::size_t> skipped_by_reason() const;
  /// Adds another report's counts and problems to this one.
  void merge(const IndexReport& other);
};

/// Progress of a folder run, for a progress display.
struct DOSSIER_API Progress {
  /// Files dealt with so far; unchanged files count as done from the first call.
  std::size_t files_done = 0;
  /// Supported files found in the folder.
  std::size_t files_total = 0;
};
/// Called from the indexing thread; keep it quick.
using ProgressCallback = std::function<void(const Progress&)>;

/// Figures about an index, for `dossier-index stats`.
struct DOSSIER_API IndexStats {
  /// Documents in the index.
  std::size_t documents = 0;
  /// Documents per format ("txt", "html", ...).
  std::map<std::string, std::size_t> formats;
  /// Documents per source.
  std::map<std::string, std::size_t> sources;
  /// Dates of the oldest and the newest dated documents.
  std::string first_date, last_date;  ///< YYYY-MM-DD, empty if no dated document
  std::vector<std::pair<std::string, std::size_t>> top_actors;  ///< most frequent first
  std::uintmax_t size_on_disk = 0;    ///< bytes
  std::string last_run;               ///< summary of the last run, JSON text
};

/// Reads statistics of the index at `path`.
/// @throws DatabaseError when it cannot be opened.
DOSSIER_API IndexStats read_index_stats(const std::string& path, std::size_t top_actors = 20);

/// Capitalised names frequent in the index that the gazetteer does not know.
/// @throws DatabaseError when the index cannot be opened.
DOSSIER_API std::vector<std::pair<std::string, std::size_t>> suggest_actors(
    const std::string& path, const IndexerOptions& options = {}, std::size_t limit = 50);

/// Writes to one index. Move-only.
class DOSSIER_API Indexer {
 public:
  /// Opens the index at `path`, creating it if needed, and takes its write lock.
  /// @throws LockError when another process is writing it (unless wait_for_lock).
  /// @throws DatabaseError when it cannot be created or opened.
  /// @throws InvalidArgument when options are wrong (unreadable actors file, bad pattern).
  Indexer(const std::string& path, IndexerOptions options = {});
  /// Moves the open index (and its write lock); the moved-from Indexer may only be
  /// destroyed or assigned to.
  Indexer(Indexer&&) noexcept;
  /// Releases this Indexer's index and takes over the other one's.
  Indexer& operator=(Indexer&&) noexcept;
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;
  ~Indexer();

  /// Indexes every supported file under `folder`, recursively: new and changed files
  /// are (re)indexed, unchanged ones skipped, and documents of files gone from the
  /// folder removed. Commits as it goes; a run that is killed leaves the last commit.
  /// Problems with single files are reported, never thrown.
  /// @throws DatabaseError when the index cannot be written (disk full, read-only).
  /// @throws InvalidArgument when `folder` is not a readable folder.
  IndexReport add_folder(const std::string& folder, const ProgressCallback& progress = {});

  /// Indexes one file (replacing what it had in the index).
  /// @throws DatabaseError, InvalidArgument as add_folder.
  IndexReport add_file(const std::string& file);

  /// Adds or replaces an article built in memory; its `id` must not be empty.
  /// Missing actors are found in its title and text; format defaults to "memory".
  /// @throws InvalidArgument when the id is empty. @throws DatabaseError on write failure.
  void add_article(Article article);

  /// Removes the document with this id. @returns whether it was there.
  bool remove(const std::string& id);

  /// Makes every change so far durable and visible to searchers.
  /// @throws DatabaseError when the commit fails.
  void commit();

  /// Number of documents in the index (including uncommitted changes).
  [[nodiscard]] std::size_t document_count() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier

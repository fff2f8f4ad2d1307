#include <dossier/errors.hpp>
#include <dossier/indexer.hpp>

#include "article_codec.hpp"
#include "document_builder.hpp"
#include "enrich.hpp"
#include "file_loader.hpp"
#include "gazetteer.hpp"
#include "index_writer.hpp"
#include "logger.hpp"
#include "path_pattern.hpp"
#include "readers/reader.hpp"
#include "readers/record_fields.hpp"
#include "schema.hpp"
#include "text_dictionary.hpp"
#include "walker.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>
#include <unordered_set>

namespace dossier {
namespace {

// A batch is one atomic commit: small enough that a killed run loses little
// work and Xapian's in-memory inverter stays small (it slows as it grows), large
// enough that commits do not dominate. Bytes bound it for long documents (UN
// speeches: 256 files of 13 KB, 3 MB, were fastest; 600 files took ~20% more
// CPU), files for short ones (Reuters, 0.9 KB each: 1024 files per batch
// indexed in 7 s instead of 9 s, the commits' cost shrinking four-fold).
constexpr std::size_t kBatchFiles = 1024;
constexpr std::uintmax_t kBatchBytes = 3u << 20;
// Changed documents between two commits when actors are re-extracted.
constexpr std::size_t kRefreshBatch = 256;
// Files read between two progress reports.
constexpr std::size_t kProgressFiles = 32;

struct PreparedDocument {
  std::string id_term;
  Xapian::Document document;
};

// Everything one file becomes, prepared off the writer thread.
struct PreparedFile {
  const FileEntry* file = nullptr;
  std::vector<PreparedDocument> documents;
  std::vector<FileProblem> problems;
  bool skipped = false;
};

std::string canonical_folder(const std::string& folder) {
  char buf[PATH_MAX];
  if (::realpath(folder.c_str(), buf) == nullptr)
    throw InvalidArgument("cannot read folder '" + folder + "': " + std::strerror(errno));
  std::string out(buf);
  return out;
}

Gazetteer load_gazetteer(const IndexerOptions& options) {
  Gazetteer g = Gazetteer::builtin();
  if (options.actors_file.empty()) return g;
  std::ifstream in(options.actors_file, std::ios::binary);
  if (!in) throw InvalidArgument("cannot read actors file '" + options.actors_file + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  auto problems = g.add_tsv(ss.str());
  if (!problems.empty())
    throw InvalidArgument("actors file '" + options.actors_file + "' " + problems.front());
  return g;
}

}  // namespace

std::map<std::string, std::size_t> IndexReport::skipped_by_reason() const {
  std::map<std::string, std::size_t> counts;
  for (const auto& p : problems)
    if (p.skipped) ++counts[p.reason];
  return counts;
}

void IndexReport::merge(const IndexReport& other) {
  added += other.added;
  updated += other.updated;
  unchanged += other.unchanged;
  removed += other.removed;
  skipped += other.skipped;
  problems.insert(problems.end(), other.problems.begin(), other.problems.end());
}

class Indexer::Impl {
 public:
  Impl(const std::string& path, IndexerOptions options)
      : path_(path),
        options_(std::move(options)),
        log_(logger_or_silent(options_.logger)),
        gazetteer_(load_gazetteer(options_)),
        patterns_(options_.path_patterns),
        first_run_((check_options(options_), first_run_candidate())) {
    // A new index is first written as shards beside it, in parallel, and merged
    // when add_folder ends (or at once, before any other change). Either way the
    // locks are taken here, so a second writer is refused as before.
    if (first_run_) start_first_run();
    else open_index();
  }

  ~Impl() {
    // A new index the caller never filled still appears, empty, as it always did.
    try {
      settle();
    } catch (...) {
      // Left as shards beside the index: the next run resumes and merges them.
    }
  }

  IndexReport add_folder(const std::string& folder, const ProgressCallback& progress) {
    std::string root = canonical_folder(folder);
    WalkResult walk = walk_folder(root, WalkOptions{options_.follow_external_symlinks, 1000});
    IndexReport report;
    for (auto& p : walk.problems) {
      log_->warn("skipped {}: {}", p.path, p.detail);
      report.problems.push_back(std::move(p));
      ++report.skipped;
    }
    return translate_xapian_errors(path_, [&] {
      check_term_scheme();
      load_dictionary();
      auto known = writer().indexed_files();
      writer().begin_batch();
      remove_vanished(root, walk.files, known, report);

      std::vector<const FileEntry*> todo;
      std::unordered_set<std::string> rereading;
      for (const auto& f : walk.files) {
        auto it = known.find(f.path);
        if (it != known.end() && it->second.stamp == f.stamp()) {
          ++report.unchanged;
        } else {
          todo.push_back(&f);
          rereading.insert(f.path);
        }
      }
      // A changed gazetteer changes what every document's text names: redo the
      // actors of the documents not being read again, from their stored text.
      const std::string fingerprint = gazetteer_.fingerprint();
      if (writer().metadata(std::string(schema::kGazetteerKey)) != fingerprint) {
        std::size_t refreshed = refresh_actors(known, rereading);
        if (refreshed > 0) log_->info("gazetteer changed: actors re-extracted for {} documents", refreshed);
      }
      Progress state{report.unchanged, walk.files.size()};
      if (progress) progress(state);
      // An index without a compression dictionary learns one from the first
      // files read, before any of them is written.
      std::vector<PreparedFile> learnt_from;
      if (!packer_.has_dictionary() && !todo.empty()) {
        learnt_from = prepare_parallel(todo, 0, files_to_learn_from(todo), root);
        std::vector<Xapian::Document*> documents;
        for (auto& pf : learnt_from)
          for (auto& d : pf.documents) documents.push_back(&d.document);
        packer_ = learn_dictionary(documents, writer(), packer_);
      }
      for (std::size_t start = 0; start < todo.size();) {
        writer().begin_batch();
        std::size_t batch_files = 0;
        std::uintmax_t batch_bytes = 0;
        // Prepared in smaller steps than committed, so progress moves while a batch is read.
        while (start < todo.size() && batch_files < kBatchFiles && batch_bytes < kBatchBytes) {
          std::size_t step_end = std::min({todo.size(), start + kProgressFiles, start + kBatchFiles - batch_files});
          std::vector<PreparedFile> prepared;
          if (start == 0 && !learnt_from.empty()) {
            step_end = learnt_from.size();
            prepared = std::move(learnt_from);
          } else {
            prepared = prepare_parallel(todo, start, step_end, root);
          }
          for (auto& pf : prepared) write_file(pf, known, report);
          for (std::size_t i = start; i < step_end; ++i) batch_bytes += todo[i]->size;
          batch_files += step_end - start;
          state.files_done += step_end - start;
          start = step_end;
          if (progress) progress(state);
        }
        // The shards write and commit this batch while the next one is prepared.
        writer().commit_async();
        add_write_counts(report);
      }
      writer().commit();
      add_write_counts(report);
      record_run(root, report);
      writer().set_metadata(std::string(schema::kGazetteerKey), fingerprint);
      writer().commit();
      settle();
      return report;
    });
  }

  IndexReport add_file(const std::string& file_path) {
    std::string canonical = canonical_folder(file_path);
    std::string error;
    FileEntry entry = stat_file(canonical, error);
    if (entry.path.empty()) throw InvalidArgument("cannot read file '" + file_path + "': " + error);
    if (entry.format.empty()) throw InvalidArgument("unsupported file type: " + file_path);
    return translate_xapian_errors(path_, [&] {
      settle();
      check_term_scheme();
      load_dictionary();
      auto known = writer().indexed_files();
      IndexReport report;
      DocumentBuilder builder(revision_, &packer_);
      std::string parent = canonical.substr(0, std::max<std::size_t>(1, canonical.rfind('/')));
      PreparedFile pf = prepare(entry, builder, parent);
      writer().begin_batch();
      write_file(pf, known, report);
      writer().commit();
      add_write_counts(report);
      return report;
    });
  }

  void add_article(Article article) {
    if (article.id.empty()) throw InvalidArgument("an article needs an id");
    if (article.format.empty()) article.format = "memory";
    ArticleExtras extras;
    extras.declared_actors = article.actors;
    article.actors = resolve_actors(article.actors, article.title, article.text, gazetteer_);
    translate_xapian_errors(path_, [&] {
      settle();
      check_term_scheme();
      load_dictionary();
      DocumentBuilder builder(revision_, &packer_);
      return writer().replace(schema::id_term(article.id, revision_), builder.build(article, "", extras));
    });
  }

  bool remove(const std::string& id) {
    return translate_xapian_errors(path_, [&] {
      settle();
      check_term_scheme();
      return writer().remove_by_term(schema::id_term(id, revision_));
    });
  }

  void commit() {
    translate_xapian_errors(path_, [&] {
      settle();
      writer().commit();
      return 0;
    });
  }

  std::size_t document_count() const {
    return translate_xapian_errors(path_, [&] {
      settle();
      return writer().document_count();
    });
  }

 private:
  static bool is_under(const std::string& path, const std::string& root) {
    return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
           (root == "/" || path[root.size()] == '/');
  }

  // Documents whose file is gone from the folder. Done before any additions, so
  // a moved file with a declared id is re-added, not deleted after the fact.
  void remove_vanished(const std::string& root, const std::vector<FileEntry>& present,
                       std::unordered_map<std::string, IndexedFile>& known, IndexReport& report) {
    std::unordered_set<std::string> present_paths;
    for (const auto& f : present) present_paths.insert(f.path);
    for (auto it = known.begin(); it != known.end();) {
      if (is_under(it->first, root) && !present_paths.count(it->first)) {
        for (auto id : it->second.docids) writer().remove(id);
        report.removed += it->second.docids.size();
        it = known.erase(it);
      } else {
        ++it;
      }
    }
  }

  // Documents are written with the current term scheme: an index written with
  // words and stems is refused (mixing them would mis-search both), and a new
  // one records the scheme with its first commit. An index whose terms have
  // more positions (stems-only-1 or -2) keeps them in the documents added to
  // it, so its phrases stay exact and one scheme describes all of it.
  void check_term_scheme() {
    if (scheme_checked_) return;
    const std::string key(schema::kTermSchemeKey);
    bool unrecorded = false;
    schema::Revision revision = schema::Revision::stems_3;
    for (const auto& [recorded, has_documents] : writer().shard_metadata(key)) {
      if (schema::term_scheme(recorded, has_documents) != schema::TermScheme::stems_only)
        throw DatabaseError("index " + path_ +
                            " was written by an older dossier (words and stems as separate terms); "
                            "delete it and index again to rebuild it");
      unrecorded = unrecorded || recorded.empty();
      revision = std::min(revision, schema::revision_of(recorded, has_documents));
    }
    revision_ = revision;
    if (unrecorded) writer().set_metadata(key, std::string(schema::scheme_name(revision)));
    scheme_checked_ = true;
  }

  // Writing two shards at once takes ~25% off a first run's wall time on two
  // cores (UN speeches 5.1 -> 3.8 s, README "Performance"); Xapian's compactor
  // then merges them into one database in a fraction of a second.
  static constexpr unsigned kFirstRunShards = 2;

  // The index path without trailing slashes ("idx/" -> "idx"), to name the folders beside it.
  std::string bare_path() const {
    std::string p = path_;
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p;
  }
  std::string building_path() const { return bare_path() + ".first-run"; }

  bool first_run_candidate() const {
    unsigned cores = options_.threads ? options_.threads : std::thread::hardware_concurrency();
    std::error_code ec;
    return options_.shards == 0 && cores >= 2 && !std::filesystem::exists(path_, ec) && !ec;
  }

  IndexWriter& writer() const { return *writer_; }

  void open_index() const {
    first_run_ = false;
    writer_ = std::make_unique<IndexWriter>(path_, options_.wait_for_lock, options_.shards);
    // Left by a first run killed after its merge was renamed into place.
    std::error_code ignored;
    if (std::filesystem::exists(building_path(), ignored)) std::filesystem::remove_all(building_path(), ignored);
  }

  // Before any change other than add_folder's: a first run's shards become the index.
  void settle() const {
    if (first_run_) finish_first_run();
  }

  // A first run builds a sharded index beside the index (a killed run resumes
  // there, like any sharded run) and the index appears only when it is whole:
  // until the rename in finish_first_run there is nothing at the index path.
  void start_first_run() const {
    // Without its stub file the folder's shards were never all created, so
    // nothing was committed there: a run killed while Xapian created a shard
    // can leave one that cannot be opened. Start it again.
    std::error_code ec;
    if (std::filesystem::exists(building_path(), ec) &&
        !std::filesystem::exists(building_path() + "/XAPIANDB", ec))
      std::filesystem::remove_all(building_path(), ec);
    try {
      writer_ = std::make_unique<IndexWriter>(building_path(), options_.wait_for_lock, kFirstRunShards);
    } catch (const LockError&) {
      throw;
    } catch (const DatabaseError&) {
      // Waited (--wait) for a first run that has since finished and removed its folder.
      if (!std::filesystem::exists(path_, ec)) throw;
      open_index();
    }
  }

  void finish_first_run() const {
    namespace fs = std::filesystem;
    const std::string merged = bare_path() + ".compact";
    std::error_code ec;
    fs::remove_all(merged, ec);
    Xapian::Database(building_path()).compact(merged);
    // Still holding the shards' locks: no other run starts on them meanwhile.
    fs::rename(merged, bare_path(), ec);
    if (ec) throw DatabaseError("cannot move the first run's index into place at " + path_ + ": " + ec.message());
    writer_.reset();
    fs::remove_all(building_path(), ec);
    log_->info("first run written in {} shards and merged into {}", kFirstRunShards, path_);
    open_index();
  }

  static void check_options(const IndexerOptions& options) {
    if (std::string problem = check_field_map(options.field_map); !problem.empty()) throw InvalidArgument(problem);
  }

  // Re-extracts the actors of every document of a file in `known` that is not in
  // `rereading`, from the title, text and declared names stored with it. Returns
  // how many documents changed.
  std::size_t refresh_actors(const std::unordered_map<std::string, IndexedFile>& known,
                             const std::unordered_set<std::string>& rereading) {
    std::size_t changed = 0;
    for (const auto& [path, file] : known) {
      if (rereading.count(path)) continue;
      for (auto id : file.docids) {
        Xapian::Document doc;
        Article article;
        ArticleExtras extras;
        try {
          doc = writer().document(id);
          std::string data = unpacker_.payload(doc);
          article = decode_article(data);
          extras = decode_article_extras(data);
        } catch (const Xapian::DocNotFoundError&) {
          continue;
        } catch (const DatabaseError&) {
          continue;  // not an article dossier wrote: left as it is
        }
        auto actors = resolve_actors(extras.declared_actors, article.title, article.text, gazetteer_,
                                     extras.actor_context);
        if (actors == article.actors) continue;
        article.actors = std::move(actors);
        if (article.actors.empty()) article.origins.erase("actors");
        else if (!article.origins.count("actors")) article.origins["actors"] = FieldOrigin::text;
        replace_actors(doc, article, extras, packer_);
        writer().replace(schema::id_term(article.id, revision_), doc);
        if (++changed % kRefreshBatch == 0) {
          writer().commit();
          writer().begin_batch();
        }
      }
    }
    return changed;
  }

  PreparedFile prepare(const FileEntry& file, DocumentBuilder& builder, const std::string& root) const {
    PreparedFile out;
    out.file = &file;
    auto fail = [&](std::string reason, std::string detail) {
      out.problems.push_back(FileProblem{file.path, std::move(reason), std::move(detail), true});
      out.skipped = true;
      return std::move(out);
    };
    LoadedFile loaded = load_file(file, options_.max_file_bytes);
    if (!loaded.failure_reason.empty()) return fail(loaded.failure_reason, loaded.failure_detail);
    if (loaded.bytes.empty()) return fail("empty", "file is empty");
    ReaderContext context{file.path, &options_.field_map};
    ReadOutcome read = read_document(file.format, loaded.bytes, context);
    if (!read.failure_reason.empty()) return fail(read.failure_reason, read.failure_detail);
    for (auto& w : read.warnings) out.problems.push_back(FileProblem{file.path, "degraded", std::move(w), false});
    EnrichContext enrich_context{gazetteer_, options_, &patterns_, root};
    std::size_t number = 0;
    std::unordered_set<std::string> seen_ids;
    for (auto& raw : read.records) {
      ++number;
      // Nothing to find it by (a broken line, an empty object): not a document. A record
      // with only an id is kept, so a collection's records are all accounted for.
      auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\n") == std::string::npos; };
      if (blank(raw.text) && blank(raw.title) && blank(raw.declared_id)) continue;
      EnrichedArticle enriched = enrich(std::move(raw), file, number, read.multi_record, enrich_context);
      for (auto& w : enriched.warnings)
        out.problems.push_back(FileProblem{file.path, "degraded", read.multi_record ? "record " + std::to_string(number) + ": " + w : std::move(w), false});
      Article& article = enriched.article;
      if (!seen_ids.insert(article.id).second) continue;  // a repeated id within one file: first wins
      out.documents.push_back(PreparedDocument{schema::id_term(article.id, revision_),
                                               builder.build(article, file.stamp(), enriched.extras)});
    }
    if (out.documents.empty()) return fail("empty", "no text found in the file");
    return out;
  }

  std::vector<PreparedFile> prepare_parallel(const std::vector<const FileEntry*>& todo, std::size_t start,
                                             std::size_t end, const std::string& root) const {
    std::vector<PreparedFile> prepared(end - start);
    unsigned threads = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, end - start));
    std::vector<std::future<void>> workers;
    std::atomic<std::size_t> next{start};
    for (unsigned t = 0; t < threads; ++t) {
      workers.push_back(std::async(std::launch::async, [&] {
        DocumentBuilder builder(revision_, &packer_);
        for (std::size_t i; (i = next.fetch_add(1)) < end;) prepared[i - start] = prepare(*todo[i], builder, root);
      }));
    }
    for (auto& w : workers) w.get();
    return prepared;
  }

  void write_file(PreparedFile& pf, std::unordered_map<std::string, IndexedFile>& known, IndexReport& report) {
    for (auto& p : pf.problems) {
      if (p.skipped) log_->warn("skipped {}: {}", p.path, p.detail);
      else log_->warn("{}: {}", p.path, p.detail);
      report.problems.push_back(std::move(p));
    }
    auto old = known.find(pf.file->path);
    if (pf.skipped) {
      ++report.skipped;
      return;  // an older good version of the file stays searchable
    }
    bool existed_before = old != known.end();
    // Queued on the shards' writer threads (counted there: add_write_counts).
    for (auto& d : pf.documents) writer().queue_replace(d.id_term, std::move(d.document));
    if (existed_before)
      for (auto id : old->second.docids) writer().queue_remove_if_stale(id, pf.file->stamp());
  }

  // The index's compression dictionary, once per Indexer (learn_dictionary
  // replaces it when an index without one learns one).
  void load_dictionary() {
    if (dictionary_loaded_) return;
    packer_ = load_packer(writer());
    dictionary_loaded_ = true;
  }

  void add_write_counts(IndexReport& report) {
    WriteCounts c = writer().take_counts();
    report.added += c.added;
    report.updated += c.updated;
    report.removed += c.removed;
  }

  void record_run(const std::string& root, const IndexReport& report) {
    nlohmann::json run = {{"folder", root},
                          {"added", report.added},
                          {"updated", report.updated},
                          {"unchanged", report.unchanged},
                          {"removed", report.removed},
                          {"skipped", report.skipped}};
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : report.problems) {
      if (problems.size() >= 200) break;
      problems.push_back({{"path", p.path}, {"reason", p.reason}, {"detail", p.detail}, {"skipped", p.skipped}});
    }
    run["problems"] = problems;
    writer().set_metadata(std::string(schema::kLastRunKey),
                         run.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }

  std::string path_;
  IndexerOptions options_;
  std::shared_ptr<spdlog::logger> log_;
  Gazetteer gazetteer_;
  PathPatterns patterns_;
  mutable bool first_run_ = false;
  mutable std::unique_ptr<IndexWriter> writer_;  // opened at once, or by the first run
  bool scheme_checked_ = false;
  schema::Revision revision_ = schema::Revision::stems_3;  // set by check_term_scheme, for every DocumentBuilder
  bool dictionary_loaded_ = false;
  DataPacker packer_;  // set by load_dictionary, shared by every DocumentBuilder
  DataUnpacker unpacker_{[this](const std::string& key) { return writer().metadata(key); }};
};

Indexer::Indexer(const std::string& path, IndexerOptions options)
    : impl_(std::make_unique<Impl>(path, std::move(options))) {}
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;
Indexer::~Indexer() = default;

IndexReport Indexer::add_folder(const std::string& folder, const ProgressCallback& progress) {
  return impl_->add_folder(folder, progress);
}
IndexReport Indexer::add_file(const std::string& file) { return impl_->add_file(file); }
void Indexer::add_article(Article article) { impl_->add_article(std::move(article)); }
bool Indexer::remove(const std::string& id) { return impl_->remove(id); }
void Indexer::commit() { impl_->commit(); }
std::size_t Indexer::document_count() const { return impl_->document_count(); }

}  // namespace dossier

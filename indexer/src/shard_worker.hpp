#pragma once
// One writer thread per shard. Xapian objects are not thread-safe, so each
// shard's WritableDatabase is touched only by tasks run one after another, in
// the order they were posted, on that shard's thread. Shards work in parallel.

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>

namespace dossier {

class ShardWorker {
 public:
  // Opens (or creates) the database at `path`. With `threaded` false, tasks run
  // at once on the caller's thread (a single-shard index needs no thread).
  ShardWorker(const std::string& path, int flags, bool threaded);
  ~ShardWorker();
  ShardWorker(const ShardWorker&) = delete;
  ShardWorker& operator=(const ShardWorker&) = delete;

  // Runs `task` later, after every task posted before it. A task's exception
  // is kept and rethrown by the next call() or rethrow_pending().
  void post(std::function<void(Xapian::WritableDatabase&)> task);

  // Runs `task` after every task posted before it and returns its result.
  template <typename Fn>
  auto call(Fn&& fn) -> decltype(fn(std::declval<Xapian::WritableDatabase&>())) {
    using R = decltype(fn(std::declval<Xapian::WritableDatabase&>()));
    auto promise = std::make_shared<std::promise<R>>();
    auto result = promise->get_future();
    post([promise, fn = std::forward<Fn>(fn)](Xapian::WritableDatabase& db) mutable {
      try {
        if constexpr (std::is_void_v<R>) {
          fn(db);
          promise->set_value();
        } else {
          promise->set_value(fn(db));
        }
      } catch (...) {
        promise->set_exception(std::current_exception());
      }
    });
    rethrow_pending();
    result.wait();
    rethrow_pending();
    return result.get();
  }

  // Throws the first exception an earlier posted task raised, if any.
  void rethrow_pending();

  const std::string& path() const { return path_; }

 private:
  void loop();

  std::string path_;
  Xapian::WritableDatabase db_;
  bool threaded_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void(Xapian::WritableDatabase&)>> tasks_;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace dossier

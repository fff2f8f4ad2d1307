#include "shard_worker.hpp"

namespace dossier {

ShardWorker::ShardWorker(const std::string& path, int flags, bool threaded)
    : path_(path), db_(path, flags), threaded_(threaded) {
  if (threaded_) thread_ = std::thread([this] { loop(); });
}

ShardWorker::~ShardWorker() {
  if (!threaded_) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void ShardWorker::post(std::function<void(Xapian::WritableDatabase&)> task) {
  if (!threaded_) {
    task(db_);  // exceptions reach the caller directly
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  wake_.notify_one();
}

void ShardWorker::rethrow_pending() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (error_) {
    auto e = error_;
    error_ = nullptr;
    std::rethrow_exception(e);
  }
}

void ShardWorker::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
    if (tasks_.empty()) return;  // stopping, and nothing left to do
    auto task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    try {
      // Later tasks still run (a call() waits for its answer); the first error
      // stops the run at the next call() and the shard keeps its last commit.
      task(db_);
    } catch (...) {
      std::lock_guard<std::mutex> keep(mutex_);
      if (!error_) error_ = std::current_exception();
    }
    task = nullptr;  // release what the task holds (documents) on this thread
    lock.lock();
  }
}

}  // namespace dossier

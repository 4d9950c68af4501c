// One thread woken by another, once: the waiter sleeps in the kernel until it is told.
// Not std::binary_semaphore: libstdc++'s acquire() spins, calling sched_yield() a dozen times
// before it sleeps, and with 32 clients and 64 workers on two cores the yields were 8.6 % of
// aduan's CPU samples in the bench's staff search (docs/benchmarks.md). A caller that may
// free the Wakeup once woken must not let the waiter run on before notify() has returned, as
// store/store.cpp ensures by calling notify() under a lock the waiter takes again after
// wait().
#pragma once

#include <condition_variable>
#include <mutex>

namespace aduan {

class Wakeup {
 public:
  void notify() {
    // Told under the lock: the waiter cannot see `told_` and return before this call is done
    // with the condition variable.
    std::lock_guard lock(mutex_);
    told_ = true;
    woken_.notify_one();
  }

  void wait() {
    std::unique_lock lock(mutex_);
    woken_.wait(lock, [this] { return told_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable woken_;
  bool told_ = false;
};

}  // namespace aduan

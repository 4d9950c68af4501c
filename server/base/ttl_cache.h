// A small cache of computed answers that may be a few seconds old: the monitoring's sums
// cost tens of milliseconds of CPU each, and under load many people ask the same question
// (the public statistics, a role's dashboard) within seconds.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace aduan {

template <typename Value>
class TtlCache {
 public:
  TtlCache(std::chrono::milliseconds ttl, size_t capacity) : ttl_(ttl), capacity_(capacity) {}

  // The cached value of `key` when it is younger than the TTL, else `compute()` (outside
  // the lock, so a slow computation does not hold up other keys), stored for the next ask.
  Value get(const std::string& key, const std::function<Value()>& compute) {
    const auto now = std::chrono::steady_clock::now();
    {
      std::lock_guard lock(mutex_);
      const auto it = entries_.find(key);
      if (it != entries_.end() && now - it->second.at < ttl_) return it->second.value;
    }
    Value fresh = compute();
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_) {
      // Old entries go first; when all are fresh the cache is simply full: start again.
      std::erase_if(entries_, [&](const auto& e) { return now - e.second.at >= ttl_; });
      if (entries_.size() >= capacity_) entries_.clear();
    }
    entries_[key] = Entry{fresh, now};
    return fresh;
  }

 private:
  struct Entry {
    Value value;
    std::chrono::steady_clock::time_point at;
  };
  const std::chrono::milliseconds ttl_;
  const size_t capacity_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace aduan

#include "store/postings_cache.h"

#include <algorithm>

namespace aduan {

PostingsCache& PostingsCache::of(const std::string& location) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::unique_ptr<PostingsCache>> registry;
  std::lock_guard lock(registry_mutex);
  std::unique_ptr<PostingsCache>& cache = registry[location];
  if (!cache) cache = std::make_unique<PostingsCache>();
  return *cache;
}

std::shared_ptr<const PostingsCache::List> PostingsCache::find(const std::string& term) {
  std::lock_guard lock(mutex_);
  const auto it = lists_.find(term);
  if (it == lists_.end()) return nullptr;
  if (std::chrono::steady_clock::now() - it->second.list->read_at >
      std::chrono::seconds(kMaxAgeSeconds)) {
    return nullptr;
  }
  it->second.used = ++uses_;
  return it->second.list;
}

void PostingsCache::keep(const std::string& term, std::shared_ptr<const List> list) {
  std::lock_guard lock(mutex_);
  Entry& entry = lists_[term];
  entry.list = std::move(list);
  entry.used = ++uses_;
  if (lists_.size() <= kMaxTerms) return;
  const auto oldest =
      std::min_element(lists_.begin(), lists_.end(),
                       [](const auto& a, const auto& b) { return a.second.used < b.second.used; });
  lists_.erase(oldest);
}

}  // namespace aduan

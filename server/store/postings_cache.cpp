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

std::shared_ptr<const PostingsCache::List> PostingsCache::brought_up_to_date(
    const std::shared_ptr<const List>& kept, std::vector<int64_t> newer, int64_t count,
    size_t most) {
  auto list = std::make_shared<List>();
  list->count = count;
  if (newer.size() >= most) {  // a whole list of newer ones is the list
    newer.resize(most);
    list->ids = std::move(newer);
    list->read_at = std::chrono::steady_clock::now();
    return list;
  }
  // Otherwise the kept one is exact only if nothing but these was added or taken away since.
  if (kept->count + static_cast<int64_t>(newer.size()) != count) return nullptr;
  if (newer.empty()) return kept;
  list->read_at = kept->read_at;  // its age is that of its last full read
  list->ids = std::move(newer);
  const size_t room = std::min(most - list->ids.size(), kept->ids.size());
  list->ids.insert(list->ids.end(), kept->ids.begin(),
                   kept->ids.begin() + static_cast<std::ptrdiff_t>(room));
  return list;
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

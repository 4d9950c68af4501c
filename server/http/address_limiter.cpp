#include "http/address_limiter.h"

namespace aduan {

int64_t AddressLimiter::take(const std::string& address, int64_t now) {
  if (limit_.max <= 0) return 0;
  std::lock_guard lock(mutex_);
  auto found = windows_.find(address);
  if (found == windows_.end()) {
    if (windows_.size() >= capacity_) {
      windows_.erase(order_.back().address);
      order_.pop_back();
      ++evictions_;
    }
    order_.push_front(Window{address, now, 0});
    found = windows_.emplace(address, order_.begin()).first;
  } else {
    order_.splice(order_.begin(), order_, found->second);
  }
  Window& w = *found->second;
  if (now - w.start >= limit_.window_seconds) {
    w.start = now;
    w.count = 0;
  }
  if (w.count >= limit_.max) return w.start + limit_.window_seconds - now;
  ++w.count;
  return 0;
}

size_t AddressLimiter::size() const {
  std::lock_guard lock(mutex_);
  return windows_.size();
}

}  // namespace aduan

#include "address_limiter.h"

namespace aduan {

int64_t AddressLimiter::take(const std::string& address, int64_t now) {
  if (limit_.max <= 0) return 0;
  std::lock_guard lock(mutex_);
  if (windows_.size() >= kMaxAddresses) {
    std::erase_if(windows_,
                  [&](const auto& kv) { return now - kv.second.start >= limit_.window_seconds; });
  }
  Window& w = windows_[address];
  if (now - w.start >= limit_.window_seconds) w = Window{now, 0};
  if (w.count >= limit_.max) return w.start + limit_.window_seconds - now;
  ++w.count;
  return 0;
}

}  // namespace aduan

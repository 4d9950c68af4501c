// How many requests of one kind a client address may make in a window, counted in memory:
// cheap enough for every submission and every tracking lookup (the store-backed
// RateLimiter counts rarer events, failed logins and PINs, across servers). Behind a load
// balancer each aduan counts its own share.
//
// The limits are generous on purpose: Indonesian mobile carriers put many phones behind one
// address (carrier-grade NAT), and a limit meant for a flood must not stop a village.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace aduan {

struct AddressLimit {
  int max = 0;  // requests per window; 0: no limit
  int64_t window_seconds = 60;
};

class AddressLimiter {
 public:
  explicit AddressLimiter(AddressLimit limit) : limit_(limit) {}
  // 0 when `address` may go on (the request is counted), else the seconds until it may.
  int64_t take(const std::string& address, int64_t now);

 private:
  struct Window {
    int64_t start = 0;
    int count = 0;
  };
  static constexpr size_t kMaxAddresses = 200'000;  // then windows that ended are dropped
  AddressLimit limit_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
};

// The defaults of `aduan serve` (see --limit-submit and --limit-track).
inline constexpr AddressLimit kDefaultSubmitLimit{60, 3600};  // reports an address sends an hour
inline constexpr AddressLimit kDefaultTrackLimit{300, 60};    // tracking lookups a minute

}  // namespace aduan

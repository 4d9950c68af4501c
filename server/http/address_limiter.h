// How many requests of one kind a client address may make in a window, counted in memory:
// cheap enough for every submission and every tracking lookup (the store-backed
// RateLimiter counts rarer events, failed logins and PINs, across servers). Behind a load
// balancer each aduan counts its own share.
//
// The limits are generous on purpose: Indonesian mobile carriers put many phones behind one
// address (carrier-grade NAT), and a limit meant for a flood must not stop a village.
//
// The table holds at most `capacity` addresses. Past that, the address seen least recently
// is forgotten (its count starts over if it comes back) and counted as an eviction: an
// attacker with a million IPv6 addresses can make the table forget, never make it grow.
#pragma once

#include <atomic>
#include <cstdint>
#include <list>
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
  // 100,000 addresses of about 100 bytes each: some 10 MB at most per limiter.
  static constexpr size_t kDefaultCapacity = 100'000;

  explicit AddressLimiter(AddressLimit limit, size_t capacity = kDefaultCapacity)
      : limit_(limit), capacity_(capacity < 1 ? 1 : capacity) {}
  // 0 when `address` may go on (the request is counted), else the seconds until it may.
  int64_t take(const std::string& address, int64_t now);

  size_t size() const;
  size_t capacity() const { return capacity_; }
  uint64_t evictions() const { return evictions_; }

 private:
  struct Window {
    std::string address;
    int64_t start = 0;
    int count = 0;
  };
  using Order = std::list<Window>;  // most recently seen first

  AddressLimit limit_;
  size_t capacity_;
  mutable std::mutex mutex_;
  Order order_;
  std::unordered_map<std::string, Order::iterator> windows_;
  std::atomic<uint64_t> evictions_{0};
};

// The defaults of `aduan serve` (see --limit-submit and --limit-track).
inline constexpr AddressLimit kDefaultSubmitLimit{60, 3600};  // reports an address sends an hour
inline constexpr AddressLimit kDefaultTrackLimit{300, 60};    // tracking lookups a minute

}  // namespace aduan

// The time as the server's rules read it (deadlines, limits, sessions, the jobs), so that
// tests can set it instead of sleeping. Only the transports read the wall clock themselves:
// an e-mail's Date and a webhook's signed timestamp are checked by their receivers.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace aduan {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t now_unix() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t now_unix() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// A clock that stands still until told to move; for tests and the demo's time travel.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t now) : now_(now) {}
  int64_t now_unix() const override { return now_.load(); }
  void set(int64_t now) { now_.store(now); }
  void advance(int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace aduan

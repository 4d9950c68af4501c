// The one place the server reads the time, so deadline tests can set it instead of sleeping.
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

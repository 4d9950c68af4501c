// Counting failures (logins, PINs) per key over a sliding window, in the database so that
// every server behind a load balancer sees the same counts.
#pragma once

#include <cstdint>
#include <string>

#include "model/rate_rule.h"
#include "store/db.h"

namespace aduan {

class RateLimiter {
 public:
  // Seconds until `key` may try again, or 0 when it may try now.
  static int64_t retry_after(Db& db, const std::string& key, const RateRule& rule, int64_t now);
  // The same under a growing delay.
  static int64_t backoff(Db& db, const std::string& key, const BackoffRule& rule, int64_t now);
  // Whether `key` has at least `count` failures after `since`; costs `count` index steps at
  // most, however many there are.
  static bool reached(Db& db, const std::string& key, int count, int64_t since);
  static void record_failure(Db& db, const std::string& key, int64_t now);
  // Takes back one failure of `key` recorded at `at` (an attempt counted before its outcome
  // was known, that succeeded).
  static void forget_one(Db& db, const std::string& key, int64_t at);
  static void clear(Db& db, const std::string& key);
  // Forgets failures older than `before`; the deadline job calls it.
  static int prune(Db& db, int64_t before);
};

}  // namespace aduan

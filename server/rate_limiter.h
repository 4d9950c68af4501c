// Counting failures (logins, PINs) per key over a sliding window, in the database so that
// every server behind a load balancer sees the same counts.
#pragma once

#include <cstdint>
#include <string>

namespace SQLite {
class Database;
}

namespace aduan {

struct RateRule {
  int max_failures;
  int64_t window_seconds;
};

class RateLimiter {
 public:
  // Seconds until `key` may try again, or 0 when it may try now.
  static int64_t retry_after(SQLite::Database& db, const std::string& key, const RateRule& rule,
                             int64_t now);
  static void record_failure(SQLite::Database& db, const std::string& key, int64_t now);
  static void clear(SQLite::Database& db, const std::string& key);
  // Forgets failures older than `before`; the deadline job calls it.
  static int prune(SQLite::Database& db, int64_t before);
};

}  // namespace aduan

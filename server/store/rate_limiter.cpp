#include "store/rate_limiter.h"

#include <algorithm>

#include "store/db.h"
#include "store/dialect.h"
#include "store/prepared.h"

namespace aduan {

int64_t RateLimiter::retry_after(Db& db, const std::string& key, const RateRule& rule,
                                 int64_t now) {
  // The window is full when it holds max_failures events; the oldest of those decides when
  // a slot frees up.
  Prepared q(db,
             "SELECT at FROM rate_events WHERE key = ? AND at > ? ORDER BY at DESC "
             "LIMIT 1 OFFSET ?");
  q.bind(1, key);
  q.bind(2, now - rule.window_seconds);
  q.bind(3, rule.max_failures - 1);
  if (!q.executeStep()) return 0;
  const int64_t oldest_counted = q.getColumn(0).getInt64();
  const int64_t wait = oldest_counted + rule.window_seconds - now;
  return wait > 0 ? wait : 1;
}

int64_t RateLimiter::backoff(Db& db, const std::string& key, const BackoffRule& rule, int64_t now) {
  // Only the latest failures matter: once the delay is at its cap, more change nothing, so
  // the count stops there and a key with thousands of failures costs no more to check.
  int doublings_to_cap = 0;
  while (doublings_to_cap < 40 &&
         (rule.first_delay_seconds << doublings_to_cap) < rule.max_delay_seconds) {
    ++doublings_to_cap;
  }
  Prepared q(db,
             "SELECT count(*), max(at) FROM (SELECT at FROM rate_events WHERE key = ? AND at > ? "
             "ORDER BY at DESC LIMIT ?) AS recent");
  q.bind(1, key);
  q.bind(2, now - rule.window_seconds);
  q.bind(3, rule.free_failures + doublings_to_cap + 1);
  if (!q.executeStep()) return 0;
  const int failures = q.getColumn(0).getInt();
  if (failures < rule.free_failures) return 0;
  const int doublings = std::min(failures - rule.free_failures, doublings_to_cap);
  const int64_t delay = std::min(rule.first_delay_seconds << doublings, rule.max_delay_seconds);
  const int64_t wait = q.getColumn(1).getInt64() + delay - now;
  return wait > 0 ? wait : 0;
}

bool RateLimiter::reached(Db& db, const std::string& key, int count, int64_t since) {
  if (count <= 0) return true;
  Prepared q(db, "SELECT 1 FROM rate_events WHERE key = ? AND at > ? LIMIT 1 OFFSET ?");
  q.bind(1, key);
  q.bind(2, since);
  q.bind(3, count - 1);
  return q.executeStep();
}

void RateLimiter::record_failure(Db& db, const std::string& key, int64_t now) {
  Prepared q(db, "INSERT INTO rate_events(key, at) VALUES(?, ?)");
  q.bind(1, key);
  q.bind(2, now);
  q.exec();
}

void RateLimiter::forget_one(Db& db, const std::string& key, int64_t at) {
  const std::string row = dialect::row_key(db);
  Prepared q(db, "DELETE FROM rate_events WHERE " + row + " = (SELECT " + row +
                     " FROM rate_events WHERE key = ? AND at = ? LIMIT 1)");
  q.bind(1, key);
  q.bind(2, at);
  q.exec();
}

void RateLimiter::clear(Db& db, const std::string& key) {
  Prepared q(db, "DELETE FROM rate_events WHERE key = ?");
  q.bind(1, key);
  q.exec();
}

int RateLimiter::prune(Db& db, int64_t before) {
  Prepared q(db, "DELETE FROM rate_events WHERE at < ?");
  q.bind(1, before);
  return q.exec();
}

}  // namespace aduan

#include "rate_limiter.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "prepared.h"

namespace aduan {

int64_t RateLimiter::retry_after(SQLite::Database& db, const std::string& key, const RateRule& rule,
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

void RateLimiter::record_failure(SQLite::Database& db, const std::string& key, int64_t now) {
  Prepared q(db, "INSERT INTO rate_events(key, at) VALUES(?, ?)");
  q.bind(1, key);
  q.bind(2, now);
  q.exec();
}

void RateLimiter::clear(SQLite::Database& db, const std::string& key) {
  Prepared q(db, "DELETE FROM rate_events WHERE key = ?");
  q.bind(1, key);
  q.exec();
}

int RateLimiter::prune(SQLite::Database& db, int64_t before) {
  Prepared q(db, "DELETE FROM rate_events WHERE at < ?");
  q.bind(1, before);
  return q.exec();
}

}  // namespace aduan

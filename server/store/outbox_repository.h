// The notification outbox in SQL: rows written with the change they report, claimed by a
// sender with a short lease, marked sent or retried later.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/outbox_message.h"
#include "store/db.h"

namespace aduan {

// The text of a message that carries a secret, sealed with the server's `secret` (see
// NotifyConfig::seal_secret), and opened again; nullopt when the secret does not open it.
std::string seal_outbox_text(const std::string& secret, const std::string& text);
std::optional<std::string> open_outbox_text(const std::string& secret, const std::string& sealed);

class OutboxRepository {
 public:
  static void insert(Db& db, OutboxMessage* m);
  // Pending messages due by `now` that no other sender holds, leased for `lease_seconds`.
  static std::vector<OutboxMessage> claim_due(Db& db, int64_t now, int64_t lease_seconds,
                                              int limit);
  // Sent and failed-for-good messages lose their sealed text: the PIN is not kept readable
  // once there is nothing left to deliver.
  static void mark_sent(Db& db, int64_t id, int attempts, int64_t now);
  static void mark_retry(Db& db, int64_t id, int attempts, int64_t next_attempt_at,
                         const std::string& error);
  static void mark_failed(Db& db, int64_t id, int attempts, const std::string& error);
  // Failed (or any) messages, newest first.
  static std::vector<OutboxMessage> list(Db& db, const std::string& status, int limit);
  // Puts a failed message back in the queue; false when there is no failed message `id`.
  static bool retry_now(Db& db, int64_t id, int64_t now);
  static std::optional<int64_t> next_due_at(Db& db);
  // How many messages wait (pending) and were given up on (failed), and when the oldest
  // pending one was queued (nullopt when none waits).
  struct Backlog {
    int64_t pending = 0;
    int64_t failed = 0;
    std::optional<int64_t> oldest_pending_at;
  };
  static Backlog backlog(Db& db);
};

}  // namespace aduan

// The notification outbox in SQL: rows written with the change they report, claimed by a
// sender with a short lease, marked sent or retried later.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace aduan {

struct OutboxMessage {
  int64_t id = 0;
  std::string message_id;
  std::optional<int64_t> report_id;
  std::string event;
  std::string channel;  // email, sms, whatsapp
  std::string recipient;
  std::string subject;
  std::string body;
  std::string status = "pending";  // pending, sent, failed
  int attempts = 0;
  int64_t next_attempt_at = 0;
  std::string last_error;
  int64_t created_at = 0;
  std::optional<int64_t> sent_at;
};

class OutboxRepository {
 public:
  static void insert(SQLite::Database& db, OutboxMessage* m);
  // Pending messages due by `now` that no other sender holds, leased for `lease_seconds`.
  static std::vector<OutboxMessage> claim_due(SQLite::Database& db, int64_t now,
                                              int64_t lease_seconds, int limit);
  static void mark_sent(SQLite::Database& db, int64_t id, int attempts, int64_t now);
  static void mark_retry(SQLite::Database& db, int64_t id, int attempts, int64_t next_attempt_at,
                         const std::string& error);
  static void mark_failed(SQLite::Database& db, int64_t id, int attempts, const std::string& error);
  // Failed (or any) messages, newest first.
  static std::vector<OutboxMessage> list(SQLite::Database& db, const std::string& status,
                                         int limit);
  // Puts a failed message back in the queue; false when there is no failed message `id`.
  static bool retry_now(SQLite::Database& db, int64_t id, int64_t now);
  static std::optional<int64_t> next_due_at(SQLite::Database& db);
};

}  // namespace aduan

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
  std::string channel;  // email, sms, whatsapp; open311 (a post to an external agency)
  std::string recipient;
  std::string subject;
  // A message that carries the reporter's PIN shows it masked in `body`; the text with the
  // PIN is in `sealed_body` until the message is sent or has failed for good (else empty).
  std::string body;
  std::string sealed_body;
  // A citizen's contact (the system admin sees it masked), not a staff member's.
  bool to_citizen = true;
  std::string status = "pending";  // pending, sent, failed
  int attempts = 0;
  int64_t next_attempt_at = 0;
  std::string last_error;
  int64_t created_at = 0;
  std::optional<int64_t> sent_at;
};

// The text of a message that carries a secret, sealed with the server's `secret` (see
// NotifyConfig::seal_secret), and opened again; nullopt when the secret does not open it.
std::string seal_outbox_text(const std::string& secret, const std::string& text);
std::optional<std::string> open_outbox_text(const std::string& secret, const std::string& sealed);

class OutboxRepository {
 public:
  static void insert(SQLite::Database& db, OutboxMessage* m);
  // Pending messages due by `now` that no other sender holds, leased for `lease_seconds`.
  static std::vector<OutboxMessage> claim_due(SQLite::Database& db, int64_t now,
                                              int64_t lease_seconds, int limit);
  // Sent and failed-for-good messages lose their sealed text: the PIN is not kept readable
  // once there is nothing left to deliver.
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

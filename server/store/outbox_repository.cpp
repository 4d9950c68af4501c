#include "store/outbox_repository.h"

#include <algorithm>
#include <tuple>

#include "base/crypto.h"
#include "store/db.h"
#include "store/dialect.h"
#include "store/prepared.h"

namespace aduan {
namespace {

constexpr const char* kColumns =
    "id, message_id, report_id, event, channel, recipient, subject, body, status, attempts, "
    "next_attempt_at, last_error, created_at, sent_at, sealed_body, to_citizen";

// Sent or failed for good: the sealed text goes. Rows written before texts were sealed carry
// the PIN of a "received" message in the clear; their text goes too.
constexpr const char* kForgetSecrets =
    "sealed_body = NULL, body = CASE WHEN event = 'received' AND sealed_body IS NULL THEN '' "
    "ELSE body END";

// Texts sealed for the outbox use a key of their own, derived from the server's secret.
std::string outbox_secret(const std::string& secret) { return "outbox-text:" + secret; }

OutboxMessage read_message(Prepared& q) {
  OutboxMessage m;
  m.id = q.getColumn(0).getInt64();
  m.message_id = q.getColumn(1).getString();
  if (!q.getColumn(2).isNull()) m.report_id = q.getColumn(2).getInt64();
  m.event = q.getColumn(3).getString();
  m.channel = q.getColumn(4).getString();
  m.recipient = q.getColumn(5).getString();
  m.subject = q.getColumn(6).getString();
  m.body = q.getColumn(7).getString();
  m.status = q.getColumn(8).getString();
  m.attempts = q.getColumn(9).getInt();
  m.next_attempt_at = q.getColumn(10).getInt64();
  m.last_error = q.getColumn(11).getString();
  m.created_at = q.getColumn(12).getInt64();
  if (!q.getColumn(13).isNull()) m.sent_at = q.getColumn(13).getInt64();
  const Column sealed = q.getColumn(14);
  if (!sealed.isNull()) {
    m.sealed_body.assign(static_cast<const char*>(sealed.getBlob()), size_t(sealed.getBytes()));
  }
  m.to_citizen = q.getColumn(15).getInt() != 0;
  return m;
}

}  // namespace

std::string seal_outbox_text(const std::string& secret, const std::string& text) {
  return seal_with_secret(outbox_secret(secret), text);
}

std::optional<std::string> open_outbox_text(const std::string& secret, const std::string& sealed) {
  return open_with_secret(outbox_secret(secret), sealed);
}

void OutboxRepository::insert(Db& db, OutboxMessage* m) {
  Prepared q(db,
             "INSERT INTO notifications(message_id, report_id, event, channel, recipient, "
             "subject, body, status, attempts, next_attempt_at, created_at, sealed_body, "
             "to_citizen) VALUES(?,?,?,?,?,?,?,'pending',0,?,?,?,?) RETURNING id");
  q.bind(1, m->message_id);
  if (m->report_id) {
    q.bind(2, *m->report_id);
  } else {
    q.bind(2);
  }
  q.bind(3, m->event);
  q.bind(4, m->channel);
  q.bind(5, m->recipient);
  q.bind(6, m->subject);
  q.bind(7, m->body);
  q.bind(8, m->next_attempt_at);
  q.bind(9, m->created_at);
  if (m->sealed_body.empty()) {
    q.bind(10);
  } else {
    q.bind(10, m->sealed_body.data(), int(m->sealed_body.size()));
  }
  q.bind(11, m->to_citizen ? 1 : 0);
  q.executeStep();
  m->id = q.getColumn(0).getInt64();
}

std::vector<OutboxMessage> OutboxRepository::claim_due(Db& db, int64_t now, int64_t lease_seconds,
                                                       int limit) {
  Prepared q(db, std::string("UPDATE notifications SET lease_until = ?1 + ?2 WHERE id IN ("
                             "SELECT id FROM notifications WHERE status = 'pending' AND "
                             "next_attempt_at <= ?1 AND (lease_until IS NULL OR "
                             "lease_until < ?1) ORDER BY next_attempt_at, id LIMIT ?3") +
                     dialect::skip_locked(db) + ") RETURNING " + kColumns);
  q.bind(1, now);
  q.bind(2, lease_seconds);
  q.bind(3, limit);
  std::vector<OutboxMessage> out;
  while (q.executeStep()) out.push_back(read_message(q));
  // RETURNING gives the rows in no promised order (PostgreSQL's is not the subquery's).
  std::sort(out.begin(), out.end(), [](const OutboxMessage& a, const OutboxMessage& b) {
    return std::tie(a.next_attempt_at, a.id) < std::tie(b.next_attempt_at, b.id);
  });
  return out;
}

void OutboxRepository::mark_sent(Db& db, int64_t id, int attempts, int64_t now) {
  Prepared q(db, std::string("UPDATE notifications SET status = 'sent', attempts = ?, "
                             "sent_at = ?, lease_until = NULL, last_error = '', ") +
                     kForgetSecrets + " WHERE id = ?");
  q.bind(1, attempts);
  q.bind(2, now);
  q.bind(3, id);
  q.exec();
}

void OutboxRepository::mark_retry(Db& db, int64_t id, int attempts, int64_t next_attempt_at,
                                  const std::string& error) {
  Prepared q(db,
             "UPDATE notifications SET attempts = ?, next_attempt_at = ?, last_error = ?, "
             "lease_until = NULL WHERE id = ?");
  q.bind(1, attempts);
  q.bind(2, next_attempt_at);
  q.bind(3, error);
  q.bind(4, id);
  q.exec();
}

void OutboxRepository::mark_failed(Db& db, int64_t id, int attempts, const std::string& error) {
  Prepared q(db, std::string("UPDATE notifications SET status = 'failed', attempts = ?, "
                             "last_error = ?, lease_until = NULL, ") +
                     kForgetSecrets + " WHERE id = ?");
  q.bind(1, attempts);
  q.bind(2, error);
  q.bind(3, id);
  q.exec();
}

std::vector<OutboxMessage> OutboxRepository::list(Db& db, const std::string& status, int limit) {
  Prepared q(db, std::string("SELECT ") + kColumns +
                     " FROM notifications WHERE ?1 = '' OR status = ?1 "
                     "ORDER BY id DESC LIMIT ?2");
  q.bind(1, status);
  q.bind(2, limit);
  std::vector<OutboxMessage> out;
  while (q.executeStep()) out.push_back(read_message(q));
  return out;
}

bool OutboxRepository::retry_now(Db& db, int64_t id, int64_t now) {
  Prepared q(db,
             "UPDATE notifications SET status = 'pending', attempts = 0, "
             "next_attempt_at = ?, lease_until = NULL WHERE id = ? AND status = 'failed'");
  q.bind(1, now);
  q.bind(2, id);
  return q.exec() > 0;
}

std::optional<int64_t> OutboxRepository::next_due_at(Db& db) {
  Prepared q(db, "SELECT min(next_attempt_at) FROM notifications WHERE status = 'pending'");
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

OutboxRepository::Backlog OutboxRepository::backlog(Db& db) {
  Prepared q(db,
             "SELECT status, count(*), min(created_at) FROM notifications WHERE status IN "
             "('pending', 'failed') GROUP BY status");
  Backlog out;
  while (q.executeStep()) {
    if (q.getColumn(0).getString() == "pending") {
      out.pending = q.getColumn(1).getInt64();
      out.oldest_pending_at = q.getColumn(2).getInt64();
    } else {
      out.failed = q.getColumn(1).getInt64();
    }
  }
  return out;
}

}  // namespace aduan

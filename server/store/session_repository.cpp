#include "store/session_repository.h"

#include "store/db.h"
#include "store/prepared.h"

namespace aduan {

void SessionRepository::insert(Db& db, const SessionRecord& s) {
  Prepared q(db,
             "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, "
             "last_seen_at, expires_at) VALUES(?,?,?,?,?,?)");
  q.bind(1, s.token_hash);
  q.bind(2, s.user_id);
  q.bind(3, s.csrf_token);
  q.bind(4, s.created_at);
  q.bind(5, s.last_seen_at);
  q.bind(6, s.expires_at);
  q.exec();
}

std::optional<SessionRecord> SessionRepository::find(Db& db, const std::string& token_hash) {
  Prepared q(db,
             "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, "
             "expires_at FROM sessions WHERE token_hash = ?");
  q.bind(1, token_hash);
  if (!q.executeStep()) return std::nullopt;
  return SessionRecord{q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                       q.getColumn(2).getString(), q.getColumn(3).getInt64(),
                       q.getColumn(4).getInt64(),  q.getColumn(5).getInt64()};
}

void SessionRepository::touch(Db& db, const std::string& token_hash, int64_t now) {
  Prepared q(db, "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?");
  q.bind(1, now);
  q.bind(2, token_hash);
  q.exec();
}

void SessionRepository::remove(Db& db, const std::string& token_hash) {
  Prepared q(db, "DELETE FROM sessions WHERE token_hash = ?");
  q.bind(1, token_hash);
  q.exec();
}

void SessionRepository::remove_for_user(Db& db, int64_t user_id) {
  Prepared q(db, "DELETE FROM sessions WHERE user_id = ?");
  q.bind(1, user_id);
  q.exec();
}

void SessionRepository::remove_for_user_except(Db& db, int64_t user_id,
                                               const std::string& keep_token_hash) {
  Prepared q(db, "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");
  q.bind(1, user_id);
  q.bind(2, keep_token_hash);
  q.exec();
}

int SessionRepository::remove_expired(Db& db, int64_t now, int64_t idle_before) {
  Prepared q(db, "DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at < ?");
  q.bind(1, now);
  q.bind(2, idle_before);
  return q.exec();
}

}  // namespace aduan

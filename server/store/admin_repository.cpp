#include "store/admin_repository.h"

#include "store/db.h"
#include "store/prepared.h"

namespace aduan {

void AdminRepository::add_activation(Db& db, const std::string& token_hash, int64_t user_id,
                                     int64_t now, int64_t expires_at) {
  Prepared q(db,
             "INSERT INTO account_activations(token_hash, user_id, created_at, expires_at) "
             "VALUES(?,?,?,?)");
  q.bind(1, token_hash);
  q.bind(2, user_id);
  q.bind(3, now);
  q.bind(4, expires_at);
  q.exec();
}

std::optional<int64_t> AdminRepository::use_activation(Db& db, const std::string& token_hash,
                                                       int64_t now) {
  // One statement: two tabs opening the same link cannot both use it.
  Prepared q(db,
             "UPDATE account_activations SET used_at = ? WHERE token_hash = ? "
             "AND used_at IS NULL AND expires_at > ? RETURNING user_id");
  q.bind(1, now);
  q.bind(2, token_hash);
  q.bind(3, now);
  if (!q.executeStep()) return std::nullopt;
  const int64_t user = q.getColumn(0).getInt64();
  while (q.executeStep()) {
  }
  return user;
}

std::optional<int64_t> AdminRepository::activation_user(Db& db, const std::string& token_hash,
                                                        int64_t now) {
  Prepared q(db,
             "SELECT user_id FROM account_activations WHERE token_hash = ? AND used_at IS NULL "
             "AND expires_at > ?");
  q.bind(1, token_hash);
  q.bind(2, now);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

void AdminRepository::drop_activations(Db& db, int64_t user_id, int64_t now) {
  Prepared q(db,
             "UPDATE account_activations "
             "SET expires_at = CASE WHEN expires_at < ?1 THEN expires_at ELSE ?1 END "
             "WHERE user_id = ?2 AND used_at IS NULL");
  q.bind(1, now);
  q.bind(2, user_id);
  q.exec();
}

bool AdminRepository::activation_pending(Db& db, int64_t user_id, int64_t now) {
  Prepared q(db,
             "SELECT 1 FROM account_activations WHERE user_id = ? AND used_at IS NULL "
             "AND expires_at > ? LIMIT 1");
  q.bind(1, user_id);
  q.bind(2, now);
  return q.executeStep();
}

void AdminRepository::append_event(Db& db, const AdminEvent& e) {
  Prepared q(db,
             "INSERT INTO admin_events(at, actor, action, target_kind, target, before_json, "
             "after_json) VALUES(?,?,?,?,?,?,?)");
  q.bind(1, e.at);
  q.bind(2, e.actor);
  q.bind(3, e.action);
  q.bind(4, e.target_kind);
  q.bind(5, e.target);
  q.bind(6, e.before_json);
  q.bind(7, e.after_json);
  q.exec();
}

std::vector<AdminEvent> AdminRepository::events(Db& db, const std::string& target_kind,
                                                const std::string& target, int limit) {
  std::string sql =
      "SELECT id, at, actor, action, target_kind, target, before_json, after_json "
      "FROM admin_events ";
  if (!target_kind.empty())
    sql += target.empty() ? "WHERE target_kind = ? " : "WHERE target_kind = ? AND target = ? ";
  sql += "ORDER BY id DESC LIMIT ?";
  Prepared q(db, sql);
  int i = 1;
  if (!target_kind.empty()) {
    q.bind(i++, target_kind);
    if (!target.empty()) q.bind(i++, target);
  }
  q.bind(i, limit);
  std::vector<AdminEvent> out;
  while (q.executeStep()) {
    out.push_back(AdminEvent{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                             q.getColumn(2).getString(), q.getColumn(3).getString(),
                             q.getColumn(4).getString(), q.getColumn(5).getString(),
                             q.getColumn(6).getString(), q.getColumn(7).getString()});
  }
  return out;
}

std::vector<AgencyEntry> AdminRepository::agencies(Db& db) {
  Prepared q(db, "SELECT id, code, name, parent_id, active FROM agencies ORDER BY name");
  std::vector<AgencyEntry> out;
  while (q.executeStep()) {
    AgencyEntry a;
    a.id = q.getColumn(0).getInt64();
    a.code = q.getColumn(1).getString();
    a.name = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) a.parent_id = q.getColumn(3).getInt64();
    a.active = q.getColumn(4).getInt() != 0;
    out.push_back(a);
  }
  return out;
}

std::vector<CategoryEntry> AdminRepository::categories(Db& db) {
  Prepared q(db, "SELECT id, code, name, name_en, agency_id, active FROM categories ORDER BY name");
  std::vector<CategoryEntry> out;
  while (q.executeStep()) {
    CategoryEntry c;
    c.id = q.getColumn(0).getInt64();
    c.code = q.getColumn(1).getString();
    c.name = q.getColumn(2).getString();
    c.name_en = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) c.agency_id = q.getColumn(4).getInt64();
    c.active = q.getColumn(5).getInt() != 0;
    out.push_back(c);
  }
  return out;
}

}  // namespace aduan

#include "store/user_repository.h"

#include "store/db.h"
#include "store/prepared.h"
#include "store/status_sql.h"

namespace aduan {
namespace {

constexpr const char* kColumns =
    "SELECT id, username, display_name, role, agency_id, password_hash, disabled, email, phone, "
    "must_change_password, last_login_at FROM users ";

User read_user(Prepared& q) {
  User u;
  u.id = q.getColumn(0).getInt64();
  u.username = q.getColumn(1).getString();
  u.display_name = q.getColumn(2).getString();
  u.role = parse_role(q.getColumn(3).getString()).value_or(Role::kCitizen);
  if (!q.getColumn(4).isNull()) u.agency_id = q.getColumn(4).getInt64();
  u.password_hash = q.getColumn(5).getString();
  u.disabled = q.getColumn(6).getInt() != 0;
  u.email = q.getColumn(7).getString();
  u.phone = q.getColumn(8).getString();
  u.must_change_password = q.getColumn(9).getInt() != 0;
  if (!q.getColumn(10).isNull()) u.last_login_at = q.getColumn(10).getInt64();
  return u;
}

}  // namespace

int64_t UserRepository::insert(Db& db, const User& u, int64_t now) {
  Prepared q(db,
             "INSERT INTO users(username, display_name, role, agency_id, password_hash, "
             "disabled, created_at, email, phone, must_change_password) "
             "VALUES(?,?,?,?,?,?,?,?,?,?) RETURNING id");
  q.bind(1, u.username);
  q.bind(2, u.display_name);
  q.bind(3, std::string(to_string(u.role)));
  if (u.agency_id) {
    q.bind(4, *u.agency_id);
  } else {
    q.bind(4);
  }
  q.bind(5, u.password_hash);
  q.bind(6, u.disabled ? 1 : 0);
  q.bind(7, now);
  q.bind(8, u.email);
  q.bind(9, u.phone);
  q.bind(10, u.must_change_password ? 1 : 0);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::optional<User> UserRepository::find_by_username(Db& db, const std::string& username) {
  Prepared q(db, std::string(kColumns) + "WHERE username = ?");
  q.bind(1, username);
  if (!q.executeStep()) return std::nullopt;
  return read_user(q);
}

std::optional<User> UserRepository::find_by_id(Db& db, int64_t id) {
  Prepared q(db, std::string(kColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_user(q);
}

bool UserRepository::set_password_hash(Db& db, const std::string& username,
                                       const std::string& hash) {
  Prepared q(db, "UPDATE users SET password_hash = ? WHERE username = ?");
  q.bind(1, hash);
  q.bind(2, username);
  return q.exec() > 0;
}

bool UserRepository::set_disabled(Db& db, const std::string& username, bool disabled) {
  Prepared q(db, "UPDATE users SET disabled = ? WHERE username = ?");
  q.bind(1, disabled ? 1 : 0);
  q.bind(2, username);
  return q.exec() > 0;
}

std::vector<User> UserRepository::agency_staff(Db& db, const std::vector<int64_t>& agencies) {
  std::vector<User> out;
  if (agencies.empty()) return out;
  std::string in;
  for (size_t i = 0; i < agencies.size(); ++i) in += i ? ",?" : "?";
  Prepared q(db, std::string(kColumns) +
                     "WHERE disabled = 0 AND role IN ('agency_admin', 'agency_officer') "
                     "AND agency_id IN (" +
                     in + ") ORDER BY display_name");
  for (size_t i = 0; i < agencies.size(); ++i) q.bind(int(i + 1), agencies[i]);
  while (q.executeStep()) out.push_back(read_user(q));
  return out;
}

int64_t UserRepository::count(Db& db) { return query_int64(db, "SELECT count(*) FROM users"); }

std::vector<User> UserRepository::list_all(Db& db) {
  std::vector<User> out;
  Prepared q(db, std::string(kColumns) + "ORDER BY username");
  while (q.executeStep()) out.push_back(read_user(q));
  return out;
}

void UserRepository::set_password(Db& db, int64_t id, const std::string& hash, bool must_change) {
  Prepared q(db, "UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?");
  q.bind(1, hash);
  q.bind(2, must_change ? 1 : 0);
  q.bind(3, id);
  q.exec();
}

void UserRepository::set_disabled_by_id(Db& db, int64_t id, bool disabled) {
  Prepared q(db, "UPDATE users SET disabled = ? WHERE id = ?");
  q.bind(1, disabled ? 1 : 0);
  q.bind(2, id);
  q.exec();
}

void UserRepository::record_login(Db& db, int64_t id, int64_t now) {
  Prepared q(db, "UPDATE users SET last_login_at = ? WHERE id = ?");
  q.bind(1, now);
  q.bind(2, id);
  q.exec();
}

void UserRepository::update_profile(Db& db, const User& user) {
  Prepared q(db,
             "UPDATE users SET display_name = ?, role = ?, agency_id = ?, email = ? WHERE id = ?");
  q.bind(1, user.display_name);
  q.bind(2, std::string(to_string(user.role)));
  if (user.agency_id) {
    q.bind(3, *user.agency_id);
  } else {
    q.bind(3);
  }
  q.bind(4, user.email);
  q.bind(5, user.id);
  q.exec();
}

int64_t UserRepository::open_assigned(Db& db, int64_t id) {
  Prepared q(db, "SELECT count(*) FROM reports WHERE assigned_user_id = ? AND status IN " +
                     status_sql_list(is_open));
  q.bind(1, id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

int64_t UserRepository::active_with_role(Db& db, Role role) {
  Prepared q(db, "SELECT count(*) FROM users WHERE disabled = 0 AND role = ?");
  q.bind(1, std::string(to_string(role)));
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace aduan

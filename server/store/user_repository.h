// Staff accounts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/user.h"
#include "shared/workflow.h"

namespace SQLite {
class Database;
}

namespace aduan {

class UserRepository {
 public:
  // Returns the new id; throws SQLite::Exception on a duplicate username.
  static int64_t insert(SQLite::Database& db, const User& user, int64_t now);
  static std::optional<User> find_by_username(SQLite::Database& db, const std::string& username);
  static std::optional<User> find_by_id(SQLite::Database& db, int64_t id);
  static bool set_password_hash(SQLite::Database& db, const std::string& username,
                                const std::string& hash);
  static bool set_disabled(SQLite::Database& db, const std::string& username, bool disabled);
  // Active officers and admins of the given agencies, for assignment.
  static std::vector<User> agency_staff(SQLite::Database& db, const std::vector<int64_t>& agencies);
  static int64_t count(SQLite::Database& db);
  // Every account, in username order, for the administration.
  static std::vector<User> list_all(SQLite::Database& db);
  // A new password hash; `must_change` marks a temporary password.
  static void set_password(SQLite::Database& db, int64_t id, const std::string& hash,
                           bool must_change);
  static void set_disabled_by_id(SQLite::Database& db, int64_t id, bool disabled);
  static void record_login(SQLite::Database& db, int64_t id, int64_t now);
  static int64_t active_with_role(SQLite::Database& db, Role role);
  // Who the account is and where it works; the username, password and state stay.
  static void update_profile(SQLite::Database& db, const User& user);
  // How many reports still open (the core's is_open) are assigned to the account.
  static int64_t open_assigned(SQLite::Database& db, int64_t id);
};

}  // namespace aduan

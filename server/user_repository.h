// Staff accounts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workflow.h"

namespace SQLite {
class Database;
}

namespace aduan {

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kCoordinator;
  std::optional<int64_t> agency_id;
  std::string password_hash;
  bool disabled = false;
  std::string email;  // for notifications
  std::string phone;
};

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
};

}  // namespace aduan

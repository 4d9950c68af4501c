// Staff accounts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/user.h"
#include "shared/workflow.h"
#include "store/db.h"

namespace aduan {

class UserRepository {
 public:
  // Returns the new id; a duplicate username fails the write (a StorageError out of
  // Store::write), so callers look the name up first.
  static int64_t insert(Db& db, const User& user, int64_t now);
  static std::optional<User> find_by_username(Db& db, const std::string& username);
  static std::optional<User> find_by_id(Db& db, int64_t id);
  static bool set_password_hash(Db& db, const std::string& username, const std::string& hash);
  static bool set_disabled(Db& db, const std::string& username, bool disabled);
  // Active officers and admins of the given agencies, for assignment.
  static std::vector<User> agency_staff(Db& db, const std::vector<int64_t>& agencies);
  static int64_t count(Db& db);
  // Every account, in username order, for the administration.
  static std::vector<User> list_all(Db& db);
  // A new password hash; `must_change` marks a temporary password.
  static void set_password(Db& db, int64_t id, const std::string& hash, bool must_change);
  static void set_disabled_by_id(Db& db, int64_t id, bool disabled);
  static void record_login(Db& db, int64_t id, int64_t now);
  static int64_t active_with_role(Db& db, Role role);
  // Who the account is and where it works; the username, password and state stay.
  static void update_profile(Db& db, const User& user);
  // How many reports still open (the core's is_open) are assigned to the account.
  static int64_t open_assigned(Db& db, int64_t id);
};

}  // namespace aduan

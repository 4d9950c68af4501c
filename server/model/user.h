// A staff account as the services hold it (stored through store/user_repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "shared/workflow.h"

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
  bool must_change_password = false;     // a temporary password: change it before anything else
  std::optional<int64_t> last_login_at;  // unix seconds (migration 0029)
};

}  // namespace aduan

// The rules of the administration: what a staff account, an agency and a category must be,
// which role needs an agency, which passwords are accepted, and which changes would break
// the deployment (an agency under itself, no system admin left). Every problem comes back at
// once as (field, code); the server checks the store (taken names, known codes) and calls
// these with what it found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "shared/validation.h"
#include "shared/workflow.h"

namespace aduan {

struct AccountLimits {
  static constexpr size_t kUsernameMin = 3, kUsernameMax = 50;
  static constexpr size_t kNameMin = 2, kNameMax = 100;
  static constexpr size_t kPasswordMin = 10, kPasswordMax = 200;
  static constexpr size_t kCodeMin = 2, kCodeMax = 30;
  static constexpr size_t kCatalogueNameMin = 3, kCatalogueNameMax = 150;
};

// The roles an account may be given; the citizen and the background job are no accounts.
std::optional<Role> parse_account_role(std::string_view name);

// Whether an account of `role` works for one agency (and must name it).
bool role_needs_agency(Role role);

struct AccountInput {
  std::string username;
  std::string display_name;
  std::string role;
  std::string agency;  // an agency code, for agency roles only
  std::string email;   // optional, for notifications
  std::string phone;   // optional
};

// Normalises `in` (names on one line, the username in lower case) and returns every
// problem: username (required, 3..50 of a-z 0-9 . _ -: invalid_format), display_name,
// role (unknown_role), agency (required for agency roles, not_allowed for the others,
// unknown_agency when `agency_known` says so), email, phone. A username already taken is the
// server's to add (duplicate).
std::vector<FieldError> validate_account(AccountInput* in, bool agency_known);

// A new password: 10 to 200 characters, not blank, not the username.
std::vector<FieldError> validate_password(const std::string& password, const std::string& username);

struct AgencyInput {
  std::string code;  // A-Z 0-9 - _, stored in upper case
  std::string name;
  std::string parent;  // an agency code, or empty for a top-level agency
};
// `parent_known`: whether `in.parent` names an agency of the store.
std::vector<FieldError> validate_agency(AgencyInput* in, bool parent_known);

struct CategoryInput {
  std::string code;  // a-z 0-9 -, stored in lower case
  std::string name;
  std::string name_en;  // optional
  std::string agency;   // the agency its reports go to, or empty
};
std::vector<FieldError> validate_category(CategoryInput* in, bool agency_known);

// Whether placing agency `id` under `parent` would make it its own ancestor. `parents` holds
// (agency, its parent) for every agency that has one.
bool makes_cycle(int64_t id, int64_t parent,
                 const std::vector<std::pair<int64_t, int64_t>>& parents);

enum class AccountGuard {
  kAllowed,
  kSelf,       // an admin may not disable their own account
  kLastAdmin,  // the last active system admin may not be disabled or given another role
};
// Whether `actor_id` may disable (or demote) the account `target_id` of `target_role`, when
// `active_admins` active system admins exist.
AccountGuard may_disable(int64_t actor_id, int64_t target_id, Role target_role,
                         int64_t active_admins);

}  // namespace aduan

// The system admin's administration of staff accounts, agencies and categories.
//
// Each change runs in one transaction with its line in the append-only admin log
// (store/admin_repository.h): who, when, what, on which account, agency or category, and the
// values before and after, never a password, a hash or a token. The rules themselves (what
// a valid account is, which role needs an agency, which passwords are accepted, cycles, the
// last admin) are the core's (shared/accounts.h); this service reads the store for them.
//
// A new account (or a reset one) gets its password in one of two ways: a one-time
// activation link (a random token, only its digest kept, valid kActivationSeconds, used
// once) with which the person chooses the password, or a temporary password shown once to
// the admin, which must be changed at the first login before anything else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/admin_records.h"
#include "model/user.h"
#include "services/caller.h"
#include "shared/accounts.h"
#include "shared/validation.h"

namespace aduan {

class Store;
class Clock;

inline constexpr int64_t kActivationSeconds = 72 * 3600;

// How an account gets its password. The panel offers the link and the temporary password;
// kChosenPassword is the command line's (`aduan user add`, `user passwd`), where the operator
// at the server types the password, checked by the core's validate_password.
enum class Credential { kActivationLink, kTemporaryPassword, kChosenPassword };

enum class AdminError {
  kNone,
  kInvalid,         // see fields
  kNotFound,        // no such account, agency or category
  kSelf,            // an admin disabling their own account
  kLastAdmin,       // the last active system admin
  kLinkInvalid,     // an activation link unknown, used or expired
  kWrongPassword,   // the current password given to change it is wrong
  kHasOpenReports,  // a role or agency change while open reports are assigned to the account
};

struct AccountView {
  User user;
  std::string agency_code, agency_name;
  bool activation_pending = false;
};

struct AccountOutcome {
  AdminError error = AdminError::kNone;
  std::vector<FieldError> fields;
  std::optional<AccountView> account;
  // Shown once, never stored: the activation link's token or the temporary password.
  std::string activation_token;
  int64_t activation_expires_at = 0;
  std::string temporary_password;
};

struct CatalogueOutcome {
  AdminError error = AdminError::kNone;
  std::vector<FieldError> fields;
};

// What a change to an account asks for: absent fields stay as they are. The username and
// the password are not changed here.
struct AccountChange {
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<std::string> agency;  // an agency code; "" for the roles without one
  std::optional<std::string> email;
};

// What a change to an agency or a category asks for: absent fields stay as they are.
struct AgencyChange {
  std::optional<std::string> name;
  std::optional<std::string> parent;  // "" moves it to the top level
};
struct CategoryChange {
  std::optional<std::string> name;
  std::optional<std::string> name_en;
  std::optional<std::string> agency;  // "" routes it to no agency
};

class AccountService {
 public:
  AccountService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  std::vector<AccountView> accounts();
  // `chosen_password` with kChosenPassword only.
  AccountOutcome create(const Caller& admin, AccountInput in, Credential credential,
                        const std::string& chosen_password = "");
  // Disabling ends the account's sessions and activation links at once.
  AccountOutcome set_disabled(const Caller& admin, int64_t id, bool disabled);
  // A new activation link or temporary password; the old password stops working and the
  // account's sessions end.
  AccountOutcome reset(const Caller& admin, int64_t id, Credential credential,
                       const std::string& chosen_password = "");
  // The account's id by its username (any case), if there is one.
  std::optional<int64_t> account_id(const std::string& username);
  // A new name, e-mail, role or agency. A role or agency change is refused while open
  // reports are assigned to the account (kHasOpenReports: their agency's admin reassigns
  // them first), never leaves no active system admin (kLastAdmin; kSelf for one's own
  // role), and ends the account's sessions so that the next login carries the new rights.
  AccountOutcome change(const Caller& admin, int64_t id, const AccountChange& change);

  // The new user chooses a password with their link; kLinkInvalid when it is unknown, used
  // or expired (a refused password leaves the link unused).
  AccountOutcome activate(const std::string& token, const std::string& password);
  // A logged-in user changes their password; the other sessions of the account end.
  AccountOutcome change_password(const StaffSession& p, const std::string& current,
                                 const std::string& password);

  std::vector<AgencyEntry> agencies();
  CatalogueOutcome create_agency(const Caller& admin, AgencyInput in);
  CatalogueOutcome change_agency(const Caller& admin, const std::string& code,
                                 const AgencyChange& change);

  std::vector<CategoryEntry> categories();
  CatalogueOutcome create_category(const Caller& admin, CategoryInput in);
  CatalogueOutcome change_category(const Caller& admin, const std::string& code,
                                   const CategoryChange& change);

  std::vector<AdminEvent> events(const std::string& target_kind, const std::string& target,
                                 int limit);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace aduan

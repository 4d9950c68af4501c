#include "services/account_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/clock.h"
#include "base/crypto.h"
#include "store/admin_repository.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/session_repository.h"
#include "store/store.h"
#include "store/user_repository.h"

namespace aduan {
namespace {

using nlohmann::json;

// Letters and digits that cannot be misread when printed or read aloud (no 0/O, 1/l/I).
constexpr std::string_view kPrintable = "abcdefghjkmnpqrstuvwxyz23456789";

std::string temporary_password() {
  std::string out;
  for (int i = 0; i < 14; ++i) out += kPrintable[random_below(uint32_t(kPrintable.size()))];
  return out;
}

std::optional<AgencyEntry> agency_by_code(Db& db, const std::string& code) {
  for (const AgencyEntry& a : AdminRepository::agencies(db)) {
    if (a.code == code) return a;
  }
  return std::nullopt;
}

std::optional<AgencyEntry> agency_by_id(Db& db, std::optional<int64_t> id) {
  if (!id) return std::nullopt;
  for (const AgencyEntry& a : AdminRepository::agencies(db)) {
    if (a.id == *id) return a;
  }
  return std::nullopt;
}

std::string code_of(Db& db, std::optional<int64_t> agency_id) {
  const auto a = agency_by_id(db, agency_id);
  return a ? a->code : std::string();
}

// `agencies`: every agency, read once for a whole listing.
AccountView view_of(Db& db, const User& u, int64_t now, const std::vector<AgencyEntry>& agencies) {
  AccountView v{u};
  v.user.password_hash.clear();  // never leaves the service
  for (const AgencyEntry& a : agencies) {
    if (u.agency_id && a.id == *u.agency_id) {
      v.agency_code = a.code;
      v.agency_name = a.name;
    }
  }
  v.activation_pending = AdminRepository::activation_pending(db, u.id, now);
  return v;
}

AccountView view_of(Db& db, const User& u, int64_t now) {
  return view_of(db, u, now, AdminRepository::agencies(db));
}

// An account as the log records it: what an admin sets, never a password or a token.
// Whether `admin` may take `user` out of service (disable it, or change its role or agency):
// not their own account, never the last active system admin. The command line acts with no
// account of its own (0 is no account's id).
AdminError guard(Db& db, const Caller& admin, const User& user) {
  switch (may_disable(admin.user_id.value_or(0), user.id, user.role,
                      UserRepository::active_with_role(db, Role::kSystemAdmin))) {
    case AccountGuard::kSelf:
      return AdminError::kSelf;
    case AccountGuard::kLastAdmin:
      return AdminError::kLastAdmin;
    case AccountGuard::kAllowed:
      break;
  }
  return AdminError::kNone;
}

json account_state(Db& db, const User& u) {
  return json{{"username", u.username},    {"display_name", u.display_name},
              {"role", to_string(u.role)}, {"agency", code_of(db, u.agency_id)},
              {"email", u.email},          {"phone", u.phone},
              {"disabled", u.disabled}};
}

void log(Db& db, const Caller& admin, int64_t now, const std::string& action,
         const std::string& kind, const std::string& target, const json& before,
         const json& after) {
  AdminEvent e;
  e.at = now;
  e.actor = admin.username;
  e.action = action;
  e.target_kind = kind;
  e.target = target;
  e.before_json = before.dump();
  e.after_json = after.dump();
  AdminRepository::append_event(db, e);
}

// Gives the account a way in: a new link or a temporary password. The old password stops
// working either way (a link leaves an unusable hash until it is used).
void issue_credential(Db& db, int64_t user_id, Credential credential,
                      const std::string& chosen_hash, int64_t now, AccountOutcome* out) {
  AdminRepository::drop_activations(db, user_id, now);
  if (credential == Credential::kChosenPassword) {
    UserRepository::set_password(db, user_id, chosen_hash, false);
  } else if (credential == Credential::kActivationLink) {
    out->activation_token = random_hex(32);
    out->activation_expires_at = now + kActivationSeconds;
    AdminRepository::add_activation(db, digest_hex(out->activation_token), user_id, now,
                                    out->activation_expires_at);
    // No password hash verifies against this: the account cannot log in until activated.
    UserRepository::set_password(db, user_id, "!activation", false);
  } else {
    out->temporary_password = temporary_password();
    UserRepository::set_password(db, user_id, hash_password(out->temporary_password), true);
  }
}

const char* credential_name(Credential c) {
  switch (c) {
    case Credential::kActivationLink:
      return "activation_link";
    case Credential::kTemporaryPassword:
      return "temporary_password";
    case Credential::kChosenPassword:
      break;
  }
  return "chosen_password";
}

// The hash of a chosen password, made before the write (hashing is slow on purpose and
// would hold the writer); empty for the other credentials.
std::string chosen_hash(Credential credential, const std::string& password) {
  return credential == Credential::kChosenPassword ? hash_password(password) : std::string();
}

}  // namespace

std::vector<AccountView> AccountService::accounts() {
  std::vector<AccountView> out;
  const int64_t now = clock_.now_unix();
  store_.read([&](Db& db) {
    const auto agencies = AdminRepository::agencies(db);
    for (const User& u : UserRepository::list_all(db)) {
      out.push_back(view_of(db, u, now, agencies));
    }
  });
  return out;
}

AccountOutcome AccountService::create(const Caller& admin, AccountInput in, Credential credential,
                                      const std::string& chosen_password) {
  AccountOutcome out;
  const int64_t now = clock_.now_unix();
  const std::string hash = chosen_hash(credential, chosen_password);
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto agency = agency_by_code(db, in.agency);
    out.fields = validate_account(&in, agency && agency->active);
    if (credential == Credential::kChosenPassword) {
      for (const FieldError& e : validate_password(chosen_password, in.username)) {
        out.fields.push_back(e);
      }
    }
    if (UserRepository::find_by_username(db, in.username)) {
      out.fields.push_back({"username", FieldCode::kDuplicate});
    }
    if (!out.fields.empty()) {
      out.error = AdminError::kInvalid;
      return;
    }
    User u;
    u.username = in.username;
    u.display_name = in.display_name;
    u.role = *parse_account_role(in.role);
    if (role_needs_agency(u.role)) u.agency_id = agency->id;
    u.email = in.email;
    u.phone = in.phone;
    u.password_hash = "!activation";
    u.id = UserRepository::insert(db, u, now);
    issue_credential(db, u.id, credential, hash, now, &out);
    json after = account_state(db, u);
    after["credential"] = credential_name(credential);
    log(db, admin, now, "account_created", "account", u.username, json::object(), after);
    out.account = view_of(db, *UserRepository::find_by_id(db, u.id), now);
    tx.commit();
  });
  return out;
}

AccountOutcome AccountService::set_disabled(const Caller& admin, int64_t id, bool disabled) {
  AccountOutcome out;
  const int64_t now = clock_.now_unix();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto user = UserRepository::find_by_id(db, id);
    if (!user) {
      out.error = AdminError::kNotFound;
      return;
    }
    if (disabled && !user->disabled) {
      out.error = guard(db, admin, *user);
      if (out.error != AdminError::kNone) return;
    }
    if (user->disabled != disabled) {
      UserRepository::set_disabled_by_id(db, id, disabled);
      if (disabled) {
        // Its sessions end now, not at their next timeout.
        SessionRepository::remove_for_user(db, id);
        AdminRepository::drop_activations(db, id, now);
      }
      log(db, admin, now, disabled ? "account_disabled" : "account_enabled", "account",
          user->username, json{{"disabled", user->disabled}}, json{{"disabled", disabled}});
    }
    out.account = view_of(db, *UserRepository::find_by_id(db, id), now);
    tx.commit();
  });
  return out;
}

AccountOutcome AccountService::change(const Caller& admin, int64_t id,
                                      const AccountChange& change) {
  AccountOutcome out;
  const int64_t now = clock_.now_unix();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto user = UserRepository::find_by_id(db, id);
    if (!user) {
      out.error = AdminError::kNotFound;
      return;
    }
    AccountInput in{user->username,
                    change.display_name.value_or(user->display_name),
                    change.role.value_or(std::string(to_string(user->role))),
                    change.agency.value_or(code_of(db, user->agency_id)),
                    change.email.value_or(user->email),
                    user->phone};
    const auto agency = agency_by_code(db, in.agency);
    // An agency that was closed since stays acceptable for an account that already works there.
    const bool agency_known =
        agency && (agency->active || (user->agency_id && *user->agency_id == agency->id));
    out.fields = validate_account(&in, agency_known);
    if (!out.fields.empty()) {
      out.error = AdminError::kInvalid;
      return;
    }
    User after = *user;
    after.display_name = in.display_name;
    after.role = *parse_account_role(in.role);
    after.agency_id =
        role_needs_agency(after.role) ? std::optional<int64_t>(agency->id) : std::nullopt;
    after.email = in.email;
    const bool rights_change = after.role != user->role || after.agency_id != user->agency_id;
    if (rights_change && user->role == Role::kSystemAdmin && !user->disabled) {
      out.error = guard(db, admin, *user);
      if (out.error != AdminError::kNone) return;
    }
    if (rights_change && UserRepository::open_assigned(db, id) > 0) {
      out.error = AdminError::kHasOpenReports;
      return;
    }
    const json before = account_state(db, *user);
    const json changed = account_state(db, after);
    if (before != changed) {
      UserRepository::update_profile(db, after);
      // Its open pages were drawn for the old rights: the next login draws the new ones.
      if (rights_change) SessionRepository::remove_for_user(db, id);
      log(db, admin, now, "account_changed", "account", user->username, before, changed);
    }
    out.account = view_of(db, *UserRepository::find_by_id(db, id), now);
    tx.commit();
  });
  return out;
}

AccountOutcome AccountService::reset(const Caller& admin, int64_t id, Credential credential,
                                     const std::string& chosen_password) {
  AccountOutcome out;
  const int64_t now = clock_.now_unix();
  const std::string hash = chosen_hash(credential, chosen_password);
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto user = UserRepository::find_by_id(db, id);
    if (!user) {
      out.error = AdminError::kNotFound;
      return;
    }
    if (credential == Credential::kChosenPassword) {
      out.fields = validate_password(chosen_password, user->username);
      if (!out.fields.empty()) {
        out.error = AdminError::kInvalid;
        return;
      }
    }
    issue_credential(db, id, credential, hash, now, &out);
    SessionRepository::remove_for_user(db, id);
    log(db, admin, now, "password_reset", "account", user->username, json::object(),
        json{{"credential", credential_name(credential)}});
    out.account = view_of(db, *UserRepository::find_by_id(db, id), now);
    tx.commit();
  });
  return out;
}

std::optional<int64_t> AccountService::account_id(const std::string& username) {
  std::optional<int64_t> id;
  store_.read([&](Db& db) {
    if (const auto u = UserRepository::find_by_username(db, username)) id = u->id;
  });
  return id;
}

AccountOutcome AccountService::activate(const std::string& token, const std::string& password) {
  AccountOutcome out;
  const int64_t now = clock_.now_unix();
  const std::string token_hash = digest_hex(token);
  // An unknown or spent link costs no password hash (the slow part); anyone may call this.
  bool live = false;
  store_.read(
      [&](Db& db) { live = AdminRepository::activation_user(db, token_hash, now).has_value(); });
  if (!live) {
    out.error = AdminError::kLinkInvalid;
    return out;
  }
  // Hashed before the writer is taken; the link is used in the write, once.
  const std::string hash = password.size() <= 1024 ? hash_password(password) : std::string();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto user_id = AdminRepository::use_activation(db, token_hash, now);
    const auto user = user_id ? UserRepository::find_by_id(db, *user_id) : std::nullopt;
    if (!user || user->disabled) {
      out.error = AdminError::kLinkInvalid;
      return;
    }
    out.fields = validate_password(password, user->username);
    if (!out.fields.empty()) {
      out.error = AdminError::kInvalid;
      return;  // rolled back: the link stays unused
    }
    UserRepository::set_password(db, user->id, hash, false);
    AdminEvent e{0, now, user->username, "account_activated", "account", user->username};
    AdminRepository::append_event(db, e);
    out.account = view_of(db, *UserRepository::find_by_id(db, user->id), now);
    tx.commit();
  });
  return out;
}

AccountOutcome AccountService::change_password(const StaffSession& p, const std::string& current,
                                               const std::string& password) {
  AccountOutcome out;
  const int64_t now = clock_.now_unix();
  std::optional<User> user;
  store_.read([&](Db& db) { user = UserRepository::find_by_id(db, p.account()); });
  if (!user) {
    out.error = AdminError::kNotFound;
    return out;
  }
  out.fields = validate_password(password, user->username);
  if (current.empty()) {
    out.fields.insert(out.fields.begin(), {"current_password", FieldCode::kRequired});
    out.error = AdminError::kInvalid;
    return out;
  }
  if (!verify_password(user->password_hash, current)) {
    out.error = AdminError::kWrongPassword;
    return out;
  }
  if (password == current) out.fields.push_back({"password", FieldCode::kUnchanged});
  if (!out.fields.empty()) {
    out.error = AdminError::kInvalid;
    return out;
  }
  const std::string hash = hash_password(password);
  store_.write([&](Db& db) {
    Transaction tx(db);
    UserRepository::set_password(db, p.account(), hash, false);
    // Whoever else held a session of the account (with the temporary password) is out.
    SessionRepository::remove_for_user_except(db, p.account(), p.token_hash);
    AdminEvent e{0, now, p.username, "password_changed", "account", p.username};
    AdminRepository::append_event(db, e);
    tx.commit();
  });
  return out;
}

std::vector<AgencyEntry> AccountService::agencies() {
  std::vector<AgencyEntry> out;
  store_.read([&](Db& db) { out = AdminRepository::agencies(db); });
  return out;
}

CatalogueOutcome AccountService::create_agency(const Caller& admin, AgencyInput in) {
  CatalogueOutcome out;
  const int64_t now = clock_.now_unix();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto parent = agency_by_code(db, in.parent);
    out.fields = validate_agency(&in, parent.has_value());
    if (agency_by_code(db, in.code)) {
      out.fields.push_back({"code", FieldCode::kDuplicate});
    }
    if (!out.fields.empty()) {
      out.error = AdminError::kInvalid;
      return;
    }
    // The catalogue's version moves with the insert (migration 0013's triggers), so every
    // server's cached catalogue is read again.
    CatalogRepository::upsert_agency(db, in.code, in.name,
                                     parent ? std::optional<int64_t>(parent->id) : std::nullopt);
    log(db, admin, now, "agency_created", "agency", in.code, json::object(),
        json{{"code", in.code}, {"name", in.name}, {"parent", in.parent}});
    tx.commit();
  });
  return out;
}

CatalogueOutcome AccountService::change_agency(const Caller& admin, const std::string& code,
                                               const AgencyChange& change) {
  CatalogueOutcome out;
  const int64_t now = clock_.now_unix();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto agency = agency_by_code(db, code);
    if (!agency) {
      out.error = AdminError::kNotFound;
      return;
    }
    const std::string old_parent = code_of(db, agency->parent_id);
    AgencyInput in{agency->code, change.name.value_or(agency->name),
                   change.parent.value_or(old_parent)};
    const auto parent = agency_by_code(db, in.parent);
    out.fields = validate_agency(&in, parent.has_value());
    if (out.fields.empty() && parent) {
      std::vector<std::pair<int64_t, int64_t>> parents;
      for (const AgencyEntry& a : AdminRepository::agencies(db)) {
        if (a.parent_id) parents.emplace_back(a.id, *a.parent_id);
      }
      if (makes_cycle(agency->id, parent->id, parents)) {
        out.fields.push_back({"parent", FieldCode::kCycle});
      }
    }
    if (!out.fields.empty()) {
      out.error = AdminError::kInvalid;
      return;
    }
    json before = json::object(), after = json::object();
    if (in.name != agency->name) {
      before["name"] = agency->name;
      after["name"] = in.name;
    }
    if (in.parent != old_parent) {
      before["parent"] = old_parent;
      after["parent"] = in.parent;
    }
    if (after.empty()) return;  // nothing changes, nothing to log
    CatalogRepository::upsert_agency(db, agency->code, in.name,
                                     parent ? std::optional<int64_t>(parent->id) : std::nullopt);
    const char* action = !after.contains("parent") ? "agency_renamed"
                         : !after.contains("name") ? "agency_moved"
                                                   : "agency_changed";
    log(db, admin, now, action, "agency", agency->code, before, after);
    tx.commit();
  });
  return out;
}

std::vector<CategoryEntry> AccountService::categories() {
  std::vector<CategoryEntry> out;
  store_.read([&](Db& db) { out = AdminRepository::categories(db); });
  return out;
}

namespace {

std::optional<CategoryEntry> category_by_code(Db& db, const std::string& code) {
  for (const CategoryEntry& c : AdminRepository::categories(db)) {
    if (c.code == code) return c;
  }
  return std::nullopt;
}

}  // namespace

CatalogueOutcome AccountService::create_category(const Caller& admin, CategoryInput in) {
  CatalogueOutcome out;
  const int64_t now = clock_.now_unix();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto agency = agency_by_code(db, in.agency);
    out.fields = validate_category(&in, agency && agency->active);
    if (category_by_code(db, in.code)) {
      out.fields.push_back({"code", FieldCode::kDuplicate});
    }
    if (!out.fields.empty()) {
      out.error = AdminError::kInvalid;
      return;
    }
    CatalogRepository::upsert_category(db, in.code, in.name, in.name_en,
                                       agency ? std::optional<int64_t>(agency->id) : std::nullopt);
    log(db, admin, now, "category_created", "category", in.code, json::object(),
        json{{"code", in.code}, {"name", in.name}, {"name_en", in.name_en}, {"agency", in.agency}});
    tx.commit();
  });
  return out;
}

CatalogueOutcome AccountService::change_category(const Caller& admin, const std::string& code,
                                                 const CategoryChange& change) {
  CatalogueOutcome out;
  const int64_t now = clock_.now_unix();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto category = category_by_code(db, code);
    if (!category) {
      out.error = AdminError::kNotFound;
      return;
    }
    const std::string old_agency = code_of(db, category->agency_id);
    CategoryInput in{category->code, change.name.value_or(category->name),
                     change.name_en.value_or(category->name_en),
                     change.agency.value_or(old_agency)};
    const auto agency = agency_by_code(db, in.agency);
    out.fields = validate_category(&in, agency && (agency->active || in.agency == old_agency));
    if (!out.fields.empty()) {
      out.error = AdminError::kInvalid;
      return;
    }
    json before = json::object(), after = json::object();
    const auto note = [&](const char* key, const std::string& was, const std::string& now_is) {
      if (was == now_is) return;
      before[key] = was;
      after[key] = now_is;
    };
    note("name", category->name, in.name);
    note("name_en", category->name_en, in.name_en);
    note("agency", old_agency, in.agency);
    if (after.empty()) return;
    CatalogRepository::upsert_category(db, category->code, in.name, in.name_en,
                                       agency ? std::optional<int64_t>(agency->id) : std::nullopt);
    log(db, admin, now, after.contains("agency") ? "category_routed" : "category_renamed",
        "category", category->code, before, after);
    tx.commit();
  });
  return out;
}

std::vector<AdminEvent> AccountService::events(const std::string& target_kind,
                                               const std::string& target, int limit) {
  std::vector<AdminEvent> out;
  store_.read([&](Db& db) { out = AdminRepository::events(db, target_kind, target, limit); });
  return out;
}

}  // namespace aduan

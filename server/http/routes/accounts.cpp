// The system admin's administration under /api/v1/admin/: staff accounts
// (/accounts, with disable, enable and reset), agencies (/agencies), categories
// (/categories) and the log of every change (/admin-events); and for every staff member
// the choice of a password: with an activation link (POST /api/v1/session/activation,
// no session) or in a session (POST /api/v1/session/password). See services/account_service.h.
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "http/admin_http.h"
#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/account_service.h"
#include "services/report_service.h"
#include "shared/date.h"

namespace aduan {
namespace {

using nlohmann::json;

const uint8_t kSystemAdmin = role_mask({Role::kSystemAdmin});
constexpr const char* kAccount = R"(/api/v1/admin/accounts/(\d{1,18}))";
// Agency codes are upper case, category codes lower case (shared/accounts.h); either is
// matched here and refused by the service when unknown.
constexpr const char* kAgency = R"(/api/v1/admin/agencies/([A-Za-z0-9_-]{1,30}))";
constexpr const char* kCategory = R"(/api/v1/admin/categories/([A-Za-z0-9_-]{1,30}))";

std::string when(int64_t at, int offset) { return format_iso_datetime(at, offset); }

json account_json(const AccountView& v, int offset) {
  const User& u = v.user;
  json out{{"id", u.id},
           {"username", u.username},
           {"display_name", u.display_name},
           {"role", to_string(u.role)},
           {"email", u.email},
           {"phone", u.phone},
           {"disabled", u.disabled},
           {"activation_pending", v.activation_pending},
           {"password_change_required", u.must_change_password},
           {"last_login_at", u.last_login_at ? when(*u.last_login_at, offset) : std::string()}};
  out["agency"] = v.agency_code.empty() ? json(nullptr)
                                        : json{{"code", v.agency_code}, {"name", v.agency_name}};
  return out;
}

// The answer of a create or a reset: the account, and the way in, shown once.
json credential_json(const AccountOutcome& out, int offset) {
  json body{{"account", account_json(*out.account, offset)}};
  if (!out.activation_token.empty()) {
    body["activation"] = {{"path", "/staff/activate.html?token=" + out.activation_token},
                          {"token", out.activation_token},
                          {"expires_at", when(out.activation_expires_at, offset)}};
  }
  if (!out.temporary_password.empty()) body["temporary_password"] = out.temporary_password;
  return body;
}

// "activation_link" (the default) or "temporary_password".
std::optional<Credential> credential_of(const json& doc, std::vector<FieldError>* errors) {
  const std::string c = json_support::read_string(doc, "credential", "credential", errors);
  if (c.empty() || c == "activation_link") return Credential::kActivationLink;
  if (c == "temporary_password") return Credential::kTemporaryPassword;
  errors->push_back({"credential", FieldCode::kInvalidFormat});
  return std::nullopt;
}

// A field given as a string, or nullopt when absent (a change leaves it as it is).
std::optional<std::string> optional_string(const json& doc, const char* key,
                                           std::vector<FieldError>* errors) {
  if (!doc.contains(key) || doc[key].is_null()) return std::nullopt;
  return json_support::read_string(doc, key, key, errors);
}

json events_json(const std::vector<AdminEvent>& events, int offset) {
  json out = json::array();
  for (const AdminEvent& e : events) {
    out.push_back({{"id", e.id},
                   {"at", when(e.at, offset)},
                   {"actor", e.actor},
                   {"action", e.action},
                   {"target_kind", e.target_kind},
                   {"target", e.target},
                   {"before", json::parse(e.before_json, nullptr, false)},
                   {"after", json::parse(e.after_json, nullptr, false)}});
  }
  return out;
}

// Long as a table is long: one short handler per route of the surface, side by side so that
// their roles and paths read together.
void register_account_routes_inner(Router& router, const Services& s, AccountService* service) {
  const auto offset = [&s] { return s.reports.settings().utc_offset_minutes; };
  router.staff("GET", "/api/v1/admin/accounts", kSystemAdmin,
               [service, offset](const httplib::Request&, httplib::Response& res, const Caller&) {
                 json out = json::array();
                 for (const AccountView& v : service->accounts())
                   out.push_back(account_json(v, offset()));
                 send_json(res, 200, json_support::dump(out));
               });
  router.staff(
      "POST", "/api/v1/admin/accounts", kSystemAdmin,
      [service, offset](const httplib::Request& req, httplib::Response& res, const Caller& p) {
        const auto doc = body_of(req, res);
        if (!doc) return;
        std::vector<FieldError> typed;
        AccountInput in;
        in.username = json_support::read_string(*doc, "username", "username", &typed);
        in.display_name = json_support::read_string(*doc, "display_name", "display_name", &typed);
        in.role = json_support::read_string(*doc, "role", "role", &typed);
        in.agency = json_support::read_string(*doc, "agency", "agency", &typed);
        in.email = json_support::read_string(*doc, "email", "email", &typed);
        in.phone = json_support::read_string(*doc, "phone", "phone", &typed);
        const auto credential = credential_of(*doc, &typed);
        if (!typed.empty()) return send_admin_error(res, AdminError::kInvalid, typed);
        const AccountOutcome out = service->create(p, in, *credential);
        if (out.error != AdminError::kNone) return send_admin_error(res, out.error, out.fields);
        res.set_header("Cache-Control", "no-store");
        send_json(res, 201, json_support::dump(credential_json(out, offset())));
      });
  for (const bool disable : {true, false}) {
    router.staff("POST", std::string(kAccount) + (disable ? "/disable" : "/enable"), kSystemAdmin,
                 [service, offset, disable](const httplib::Request& req, httplib::Response& res,
                                            const Caller& p) {
                   const AccountOutcome out =
                       service->set_disabled(p, std::stoll(req.matches[1].str()), disable);
                   if (out.error != AdminError::kNone) return send_admin_error(res, out.error);
                   send_json(res, 200, json_support::dump(account_json(*out.account, offset())));
                 });
  }
  router.staff(
      "PUT", kAccount, kSystemAdmin,
      [service, offset](const httplib::Request& req, httplib::Response& res, const Caller& p) {
        const auto doc = body_of(req, res);
        if (!doc) return;
        std::vector<FieldError> typed;
        AccountChange change;
        const auto optional = [&](const char* name) -> std::optional<std::string> {
          if (!doc->contains(name)) return std::nullopt;
          return json_support::read_string(*doc, name, name, &typed);
        };
        change.display_name = optional("display_name");
        change.role = optional("role");
        change.agency = optional("agency");
        change.email = optional("email");
        if (!typed.empty()) return send_admin_error(res, AdminError::kInvalid, typed);
        const AccountOutcome out = service->change(p, std::stoll(req.matches[1].str()), change);
        if (out.error != AdminError::kNone) return send_admin_error(res, out.error, out.fields);
        send_json(res, 200, json_support::dump(account_json(*out.account, offset())));
      });
  router.staff(
      "POST", std::string(kAccount) + "/reset", kSystemAdmin,
      [service, offset](const httplib::Request& req, httplib::Response& res, const Caller& p) {
        const auto doc = body_of(req, res);
        if (!doc) return;
        std::vector<FieldError> typed;
        const auto credential = credential_of(*doc, &typed);
        if (!typed.empty()) return send_admin_error(res, AdminError::kInvalid, typed);
        const AccountOutcome out = service->reset(p, std::stoll(req.matches[1].str()), *credential);
        if (out.error != AdminError::kNone) return send_admin_error(res, out.error);
        res.set_header("Cache-Control", "no-store");
        send_json(res, 200, json_support::dump(credential_json(out, offset())));
      });

  router.staff(
      "GET", "/api/v1/admin/agencies", kSystemAdmin,
      [service](const httplib::Request&, httplib::Response& res, const Caller&) {
        const auto rows = service->agencies();
        json out = json::array();
        for (const AgencyEntry& a : rows) {
          json parent = nullptr;
          for (const AgencyEntry& b : rows) {
            if (a.parent_id && b.id == *a.parent_id) parent = b.code;
          }
          out.push_back(
              {{"code", a.code}, {"name", a.name}, {"parent", parent}, {"active", a.active}});
        }
        send_json(res, 200, json_support::dump(out));
      });
  router.staff("POST", "/api/v1/admin/agencies", kSystemAdmin,
               [service](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 const auto doc = body_of(req, res);
                 if (!doc) return;
                 std::vector<FieldError> typed;
                 AgencyInput in;
                 in.code = json_support::read_string(*doc, "code", "code", &typed);
                 in.name = json_support::read_string(*doc, "name", "name", &typed);
                 in.parent = json_support::read_string(*doc, "parent", "parent", &typed);
                 if (!typed.empty()) return send_admin_error(res, AdminError::kInvalid, typed);
                 const CatalogueOutcome out = service->create_agency(p, in);
                 if (out.error != AdminError::kNone)
                   return send_admin_error(res, out.error, out.fields);
                 send_json(res, 201, json_support::dump(json{{"code", in.code}}));
               });
  router.staff("PUT", kAgency, kSystemAdmin,
               [service](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 const auto doc = body_of(req, res);
                 if (!doc) return;
                 std::vector<FieldError> typed;
                 AgencyChange change;
                 change.name = optional_string(*doc, "name", &typed);
                 change.parent = optional_string(*doc, "parent", &typed);
                 if (!typed.empty()) return send_admin_error(res, AdminError::kInvalid, typed);
                 const CatalogueOutcome out =
                     service->change_agency(p, req.matches[1].str(), change);
                 if (out.error != AdminError::kNone)
                   return send_admin_error(res, out.error, out.fields);
                 send_json(res, 200, json_support::dump(json{{"code", req.matches[1].str()}}));
               });

  router.staff("GET", "/api/v1/admin/categories", kSystemAdmin,
               [service](const httplib::Request&, httplib::Response& res, const Caller&) {
                 const auto agencies = service->agencies();
                 json out = json::array();
                 for (const CategoryEntry& c : service->categories()) {
                   json agency = nullptr;
                   for (const AgencyEntry& a : agencies) {
                     if (c.agency_id && a.id == *c.agency_id) agency = a.code;
                   }
                   out.push_back({{"code", c.code},
                                  {"name", c.name},
                                  {"name_en", c.name_en},
                                  {"agency", agency},
                                  {"active", c.active}});
                 }
                 send_json(res, 200, json_support::dump(out));
               });
  router.staff("POST", "/api/v1/admin/categories", kSystemAdmin,
               [service](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 const auto doc = body_of(req, res);
                 if (!doc) return;
                 std::vector<FieldError> typed;
                 CategoryInput in;
                 in.code = json_support::read_string(*doc, "code", "code", &typed);
                 in.name = json_support::read_string(*doc, "name", "name", &typed);
                 in.name_en = json_support::read_string(*doc, "name_en", "name_en", &typed);
                 in.agency = json_support::read_string(*doc, "agency", "agency", &typed);
                 if (!typed.empty()) return send_admin_error(res, AdminError::kInvalid, typed);
                 const CatalogueOutcome out = service->create_category(p, in);
                 if (out.error != AdminError::kNone)
                   return send_admin_error(res, out.error, out.fields);
                 send_json(res, 201, json_support::dump(json{{"code", in.code}}));
               });
  router.staff("PUT", kCategory, kSystemAdmin,
               [service](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 const auto doc = body_of(req, res);
                 if (!doc) return;
                 std::vector<FieldError> typed;
                 CategoryChange change;
                 change.name = optional_string(*doc, "name", &typed);
                 change.name_en = optional_string(*doc, "name_en", &typed);
                 change.agency = optional_string(*doc, "agency", &typed);
                 if (!typed.empty()) return send_admin_error(res, AdminError::kInvalid, typed);
                 const CatalogueOutcome out =
                     service->change_category(p, req.matches[1].str(), change);
                 if (out.error != AdminError::kNone)
                   return send_admin_error(res, out.error, out.fields);
                 send_json(res, 200, json_support::dump(json{{"code", req.matches[1].str()}}));
               });

  // "riwayat perubahan": the newest first, of one kind of target (and one target) if asked.
  router.staff(
      "GET", "/api/v1/admin/admin-events", kSystemAdmin,
      [service, offset](const httplib::Request& req, httplib::Response& res, const Caller&) {
        const std::string kind = req.get_param_value("kind");
        if (!kind.empty() && kind != "account" && kind != "agency" && kind != "category") {
          return send_error(res, "bad_kind", "kind is account, agency or category.");
        }
        const int limit = int_param(req, "limit", 50, 1, 200);
        send_json(res, 200,
                  json_support::dump(events_json(
                      service->events(kind, req.get_param_value("target"), limit), offset())));
      });
}

}  // namespace

void register_account_routes(Router& router, const Services& s) {
  AccountService* service = &s.accounts;
  register_account_routes_inner(router, s, service);

  // The activation link's page sends the token with the chosen password; no session yet.
  router.open(
      "POST", "/api/v1/session/activation",
      [service](const httplib::Request& req, httplib::Response& res) {
        const auto doc = body_of(req, res);
        if (!doc) return;
        std::vector<FieldError> typed;
        const std::string token = json_support::read_string(*doc, "token", "token", &typed);
        const std::string password =
            json_support::read_string(*doc, "password", "password", &typed);
        if (!typed.empty()) return send_admin_error(res, AdminError::kInvalid, typed);
        if (token.size() != 64) return send_admin_error(res, AdminError::kLinkInvalid);
        const AccountOutcome out = service->activate(token, password);
        if (out.error != AdminError::kNone) return send_admin_error(res, out.error, out.fields);
        res.set_header("Cache-Control", "no-store");
        send_json(res, 200, json_support::dump(json{{"username", out.account->user.username}}));
      });
  router.staff(
      "POST", "/api/v1/session/password", kAllStaff,
      [service](const httplib::Request& req, httplib::Response& res, const StaffSession& p) {
        const auto doc = body_of(req, res);
        if (!doc) return;
        std::vector<FieldError> typed;
        const std::string current =
            json_support::read_string(*doc, "current_password", "current_password", &typed);
        const std::string password =
            json_support::read_string(*doc, "password", "password", &typed);
        if (!typed.empty()) return send_admin_error(res, AdminError::kInvalid, typed);
        if (current.size() > 1024) return send_admin_error(res, AdminError::kWrongPassword);
        const AccountOutcome out = service->change_password(p, current, password);
        if (out.error != AdminError::kNone) return send_admin_error(res, out.error, out.fields);
        res.status = 204;
      });
}

}  // namespace aduan

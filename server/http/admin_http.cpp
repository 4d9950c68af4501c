#include "http/admin_http.h"

#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/route_helpers.h"

namespace aduan {

using nlohmann::json;

void send_admin_error(httplib::Response& res, AdminError error,
                      const std::vector<FieldError>& fields) {
  switch (error) {
    case AdminError::kInvalid:
      return send_error(res, "validation_failed", "Some fields are not valid.", fields);
    case AdminError::kNotFound:
      return send_error(res, "admin_target_not_found", "No account, agency or category matches.");
    case AdminError::kSelf:
      return send_error(res, "cannot_disable_self",
                        "You cannot disable your own account or change its role.");
    case AdminError::kLastAdmin:
      return send_error(res, "last_system_admin",
                        "This is the last active system admin; create another one first.");
    case AdminError::kLinkInvalid:
      return send_error(res, "activation_link_invalid",
                        "This activation link is unknown, already used or expired.");
    case AdminError::kWrongPassword:
      return send_error(res, "wrong_password", "The current password is wrong.");
    case AdminError::kHasOpenReports:
      return send_error(res, "account_has_open_reports",
                        "Open reports are assigned to this account; have them reassigned first.");
    case AdminError::kNone:
      return;
  }
}

std::optional<json> body_of(const httplib::Request& req, httplib::Response& res) {
  if (!require_json(req, res)) return std::nullopt;
  std::string problem;
  auto doc = json_support::parse_object(req.body, &problem);
  if (!doc) send_error(res, "malformed_json", problem);
  return doc;
}

}  // namespace aduan

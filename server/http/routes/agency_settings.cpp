// An agency's own settings under /api/v1/staff/agency-settings
// (server/services/agency_settings_service.h): the agencies the caller may set, and a change of
// one. An agency the caller may not set answers 404 like one that does not exist.
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/agency_settings_service.h"
#include "services/report_service.h"
#include "shared/date.h"

namespace aduan {
namespace {

using nlohmann::json;

const uint8_t kSetters = role_mask({Role::kAgencyAdmin, Role::kSystemAdmin});
constexpr const char* kPath = "/api/v1/staff/agency-settings";
constexpr const char* kItemPath = R"(/api/v1/staff/agency-settings/([A-Za-z0-9_-]{1,32}))";

json settings_json(const AgencySettings& a, int offset) {
  json changes = json::array();
  for (const AgencySettingChange& c : a.changes) {
    changes.push_back(json{{"setting", c.setting},
                           {"value", c.value == "1"},
                           {"changed_by", c.changed_by_name},
                           {"changed_at", format_iso_datetime(c.changed_at, offset)}});
  }
  return json{{"code", a.code},
              {"name", a.name},
              {"officers_resolve", a.officers_resolve},
              {"changes", std::move(changes)}};
}

}  // namespace

void register_agency_settings_routes(Router& router, const Services& s) {
  AgencySettingsService* service = &s.agency_settings;
  router.staff("GET", kPath, kSetters,
               [&s, service](const httplib::Request&, httplib::Response& res, const Caller& p) {
                 const int offset = s.reports.settings().utc_offset_minutes;
                 json items = json::array();
                 for (const AgencySettings& a : service->list(p)) {
                   items.push_back(settings_json(a, offset));
                 }
                 res.set_header("Cache-Control", "no-store");
                 send_json(res, 200, json{{"items", std::move(items)}}.dump());
               });
  router.staff(
      "PUT", kItemPath, kSetters,
      [&s, service](const httplib::Request& req, httplib::Response& res, const Caller& p) {
        if (!require_json(req, res)) return;
        std::string problem;
        const auto doc = json_support::parse_object(req.body, &problem);
        if (!doc) return send_error(res, "malformed_json", problem);
        std::vector<FieldError> errors;
        const auto value = json_support::read_bool(*doc, "officers_resolve", &errors);
        if (!value && errors.empty()) errors.push_back({"officers_resolve", FieldCode::kRequired});
        if (!errors.empty()) {
          return send_error(res, "validation_failed", "Some fields are not valid.", errors);
        }
        const auto done = service->set_officers_resolve(p, req.matches[1].str(), *value);
        if (!done) {
          return send_error(res, "agency_not_found", "No agency you may set has this code.");
        }
        send_json(res, 200, settings_json(*done, s.reports.settings().utc_offset_minutes).dump());
      });
}

}  // namespace aduan

// The system admin's agencies that work in another system (aduan as an Open311 client,
// services/external_agency_service.h): GET /api/v1/admin/external-agencies lists them with how
// their reports are followed; PUT and DELETE /api/v1/admin/agencies/{code}/external set or end it.
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "http/admin_http.h"
#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/external_agency_service.h"
#include "services/report_service.h"
#include "shared/date.h"

namespace aduan {
namespace {

using nlohmann::json;

const uint8_t kSystemAdmin = role_mask({Role::kSystemAdmin});
constexpr const char* kExternal = R"(/api/v1/admin/agencies/([A-Za-z0-9_-]{1,30})/external)";

// Never the key: only that one is set.
json external_json(const ExternalAgencyView& v, int offset) {
  const ExternalAgency& a = v.settings;
  return json{
      {"agency", {{"code", v.agency_code}, {"name", v.agency_name}}},
      {"endpoint", a.endpoint},
      {"jurisdiction_id", a.jurisdiction_id},
      {"default_service_code", a.default_service_code},
      {"share_identity", a.share_identity},
      {"keeps_private", a.keeps_private},
      {"api_key_set", !a.sealed_key.empty()},
      {"service_codes", v.service_codes},
      {"polled_at", a.polled_at ? json(format_iso_datetime(*a.polled_at, offset)) : json(nullptr)},
      {"poll_error", a.poll_error},
      {"open_requests", v.open_requests}};
}

ExternalAgencyInput input_of(const json& doc, std::vector<FieldError>* typed) {
  ExternalAgencyInput in;
  in.endpoint = json_support::read_string(doc, "endpoint", "endpoint", typed);
  // A trailing slash is how many copy an address; the paths are added after one.
  while (!in.endpoint.empty() && in.endpoint.back() == '/') in.endpoint.pop_back();
  in.api_key = json_support::read_string(doc, "api_key", "api_key", typed);
  in.jurisdiction_id = json_support::read_string(doc, "jurisdiction_id", "jurisdiction_id", typed);
  in.default_service_code =
      json_support::read_string(doc, "default_service_code", "default_service_code", typed);
  in.share_identity = json_support::read_bool(doc, "share_identity", typed).value_or(false);
  in.keeps_private = json_support::read_bool(doc, "keeps_private", typed).value_or(false);
  const json& codes = json_support::read_object(doc, "service_codes", typed);
  if (codes.is_object()) {
    for (const auto& [category, code] : codes.items()) {
      if (!code.is_string()) {
        typed->push_back({"service_codes." + category, FieldCode::kWrongType});
      } else if (!code.get<std::string>().empty()) {
        in.service_codes[category] = code.get<std::string>();
      }
    }
  }
  return in;
}

}  // namespace

void register_external_routes(Router& router, const Services& s) {
  ExternalAgencyService* service = &s.external_agencies;
  const auto offset = [&s] { return s.reports.settings().utc_offset_minutes; };
  router.staff("GET", "/api/v1/admin/external-agencies", kSystemAdmin,
               [service, offset](const httplib::Request&, httplib::Response& res, const Caller&) {
                 json out = json::array();
                 for (const ExternalAgencyView& v : service->list()) {
                   out.push_back(external_json(v, offset()));
                 }
                 send_json(res, 200, json_support::dump(out));
               });
  router.staff(
      "PUT", kExternal, kSystemAdmin,
      [service, offset](const httplib::Request& req, httplib::Response& res, const Caller& p) {
        const auto doc = body_of(req, res);
        if (!doc) return;
        std::vector<FieldError> typed;
        const auto in = input_of(*doc, &typed);
        if (!typed.empty()) return send_admin_error(res, AdminError::kInvalid, typed);
        const ExternalAgencyOutcome out = service->save(p, req.matches[1].str(), in);
        if (out.error != AdminError::kNone) {
          return send_admin_error(res, out.error, out.fields);
        }
        send_json(res, 200, json_support::dump(external_json(*out.view, offset())));
      });
  router.staff("DELETE", kExternal, kSystemAdmin,
               [service](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 const AdminError error = service->remove(p, req.matches[1].str());
                 if (error != AdminError::kNone) return send_admin_error(res, error);
                 res.status = 204;
               });
}

}  // namespace aduan

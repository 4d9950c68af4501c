// "My reports on any phone" over HTTP (services/device_link_service.h has the protocol). A phone
// signs in with a one-time code and then sends its token as "Authorization: Bearer <token>": no
// cookie, so another site's page cannot act with it, and staff routes never see it.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "http/http_errors.h"
#include "http/json/codec.h"
#include "http/json/support.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "http/services.h"
#include "services/device_link_service.h"
#include "services/report_service.h"
#include "shared/tracking_id.h"

namespace aduan {
namespace {

using json_support::json;

constexpr const char* kLinkedPath = R"(/api/v1/me/reports/([^/]{1,64}))";

std::string text_field(const json& doc, const char* name) {
  const auto it = doc.find(name);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The JSON object of a request body; nullopt (and a 400 written) when it is not one.
std::optional<json> body_object(const httplib::Request& req, httplib::Response& res) {
  if (!require_json(req, res)) return std::nullopt;
  std::string problem;
  auto doc = json_support::parse_object(req.body, &problem);
  if (!doc) send_error(res, "malformed_json", problem);
  return doc;
}

json linked_json(const LinkedReport& r, int utc_offset_minutes) {
  return json{{"tracking_id", format_tracking_id(r.tracking_id)},
              {"title", r.title},
              {"status", std::string(to_string(r.status))},
              {"anonymous", r.anonymous},
              {"created_at", format_iso_datetime(r.created_at, utc_offset_minutes)}};
}

// Writes the answer of a failed outcome; false for kOk and kCodeSent.
bool send_device_error(httplib::Response& res, const DeviceOutcome& o) {
  using R = DeviceOutcome::Result;
  switch (o.result) {
    case R::kOk:
    case R::kCodeSent:
      return false;
    case R::kInvalid:
      send_error(res, "validation_failed", "Some fields are not valid.", o.errors);
      break;
    case R::kUnreachable:
      send_error(res, "contact_unreachable",
                 "Codes cannot be sent to this kind of contact here; use the other kind.");
      break;
    case R::kLimited:
      send_rate_limited(res, o.retry_after);
      break;
    case R::kWrongCode:
      send_error(res, "wrong_code", "This is not the code that was sent, or it has expired.");
      break;
    case R::kSignedOut:
      send_error(res, "device_signed_out",
                 "This phone is not signed in to My reports; sign in with a code.");
      break;
    case R::kNeedsConsent:
      send_error(res, "anonymous_needs_consent",
                 "This report is anonymous; link it only if you mean to (anonymous_consent).");
      break;
    case R::kCitizen:
      send_citizen_error(res, o.citizen);
      break;
  }
  return true;
}

}  // namespace

// Long as a table is long: one short handler per route of the surface, side by side.
void register_my_reports_routes(Router& router, const Services& s) {
  const int offset = s.reports.settings().utc_offset_minutes;
  // Every route here counts against the address's lookup limit, as the PIN routes do.
  router.open("POST", "/api/v1/me/code", [&s](const httplib::Request& req, httplib::Response& res) {
    if (!within(s.track_limit, s, req, res)) return;
    const auto doc = body_object(req, res);
    if (!doc) return;
    const DeviceOutcome out = s.device_links.send_code(
        text_field(*doc, "contact"), text_field(*doc, "language"), req.remote_addr);
    if (send_device_error(res, out)) return;
    // The same answer for every contact, with reports or without.
    send_json(
        res, 202,
        json_support::dump(json{{"confirmation", "code_sent"}, {"expires_in", kLinkCodeSeconds}}));
  });
  router.open("POST", "/api/v1/me/session",
              [&s, offset](const httplib::Request& req, httplib::Response& res) {
                if (!within(s.track_limit, s, req, res)) return;
                const auto doc = body_object(req, res);
                if (!doc) return;
                const DeviceOutcome out = s.device_links.sign_in(
                    text_field(*doc, "contact"), text_field(*doc, "code"), req.remote_addr);
                if (send_device_error(res, out)) return;
                res.set_header("Cache-Control", "no-store");  // the token
                send_json(res, 201,
                          json_support::dump(
                              json{{"token", out.token},
                                   {"expires_at", format_iso_datetime(out.expires_at, offset)}}));
              });
  const auto sign_out = [&s](bool everywhere) {
    return [&s, everywhere](const httplib::Request& req, httplib::Response& res) {
      if (!within(s.track_limit, s, req, res)) return;
      if (send_device_error(res, s.device_links.sign_out(bearer_token(req), everywhere))) return;
      res.status = 204;
    };
  };
  router.open("DELETE", "/api/v1/me/session", sign_out(false));
  router.open("DELETE", "/api/v1/me/sessions", sign_out(true));
  router.open("GET", "/api/v1/me/reports",
              [&s, offset](const httplib::Request& req, httplib::Response& res) {
                if (!within(s.track_limit, s, req, res)) return;
                const DeviceOutcome out = s.device_links.reports(bearer_token(req));
                if (send_device_error(res, out)) return;
                json items = json::array();
                for (const LinkedReport& r : out.reports) items.push_back(linked_json(r, offset));
                res.set_header("Cache-Control", "no-store");
                send_json(res, 200, json_support::dump(json{{"items", std::move(items)}}));
              });
  router.open("POST", "/api/v1/me/reports",
              [&s, offset](const httplib::Request& req, httplib::Response& res) {
                if (!within(s.track_limit, s, req, res)) return;
                const auto doc = body_object(req, res);
                if (!doc) return;
                const auto consent = doc->find("anonymous_consent");
                if (consent != doc->end() && !consent->is_boolean()) {
                  return send_error(res, "validation_failed", "Some fields are not valid.",
                                    {{"anonymous_consent", FieldCode::kWrongType}});
                }
                const DeviceOutcome out = s.device_links.link(
                    bearer_token(req), text_field(*doc, "tracking_id"), text_field(*doc, "pin"),
                    consent != doc->end() && consent->get<bool>(), req.remote_addr);
                if (send_device_error(res, out)) return;
                res.set_header("Cache-Control", "no-store");
                send_json(res, 200, json_support::dump(linked_json(out.reports.front(), offset)));
              });
  router.open("DELETE", kLinkedPath, [&s](const httplib::Request& req, httplib::Response& res) {
    if (!within(s.track_limit, s, req, res)) return;
    if (send_device_error(res, s.device_links.unlink(bearer_token(req), req.matches[1].str())))
      return;
    res.status = 204;
  });
}

}  // namespace aduan

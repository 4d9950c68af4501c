#include <httplib.h>

#include <nlohmann/json.hpp>

#include "base/clock.h"
#include "base/crypto.h"
#include "base/embedded.h"
#include "formats/json_parse.h"
#include "http/address_limiter.h"
#include "http/device_limits.h"
#include "http/http_errors.h"
#include "http/json/codec.h"
#include "http/json/staff.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/catalogue_service.h"
#include "services/citizen_service.h"
#include "services/report_service.h"

namespace aduan {
namespace {

constexpr const char* kTrackingPath = R"(/api/v1/reports/([^/]{1,64}))";

// What an Idempotency-Key is bound to: the body as parsed, written back in one canonical form
// (keys sorted, no spacing, escapes resolved), so that a retry spelled differently is still
// the same submission, while any field that differs, one added later to the form included,
// makes it another. A body that cannot be written back (invalid UTF-8) counts byte for byte.
std::string submission_digest(const std::string& body) {
  const nlohmann::json doc = parse_request_json(body);
  if (!doc.is_discarded()) {
    try {
      return digest_hex(doc.dump());
    } catch (const nlohmann::json::exception&) {
    }
  }
  return digest_hex(body);
}

void submit_report(ReportService& reports, const httplib::Request& req, httplib::Response& res) {
  if (!require_json(req, res)) return;
  DecodedReport decoded = decode_report_json(req.body);
  if (decoded.malformed) return send_error(res, "malformed_json", decoded.problem);
  const std::string key = req.get_header_value("Idempotency-Key");
  if (!key.empty() && !valid_idempotency_key(key)) {
    return send_error(res, "bad_idempotency_key",
                      "Idempotency-Key: 16 to 64 letters, digits, '-' or '_'.");
  }
  const SubmitOutcome outcome = reports.submit(decoded.input, std::move(decoded.errors), key,
                                               key.empty() ? "" : submission_digest(req.body));
  if (outcome.key_reused) {
    return send_error(res, "idempotency_key_reused",
                      "This Idempotency-Key came with another report; use a new key for a new "
                      "report.");
  }
  if (!outcome.errors.empty()) {
    return send_error(res, "validation_failed", "Some fields are not valid.", outcome.errors);
  }
  res.set_header("Location", "/api/v1/reports/" + outcome.tracking_id);
  res.set_header("Cache-Control", "no-store");  // the answer holds the PIN
  if (outcome.replayed) res.set_header("Idempotent-Replayed", "true");
  send_json(res, 201, submit_response_json(outcome, reports.settings().utc_offset_minutes));
}

void track_report(ReportService& reports, const httplib::Request& req, httplib::Response& res) {
  const TrackOutcome outcome = reports.track(req.matches[1].str());
  if (outcome.id_error != TrackingIdError::kNone) {
    return send_tracking_id_error(res, outcome.id_error);
  }
  if (!outcome.view) {
    return send_error(res, "report_not_found", "No report has this tracking ID.");
  }
  // Tracking answers change with every action on the report.
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, report_view_json(*outcome.view, reports.settings().utc_offset_minutes));
}

// POST .../access {pin} and POST .../actions {pin, action, ...}: the reporter's own view.
void citizen_request(const Services& s, bool act, const httplib::Request& req,
                     httplib::Response& res) {
  if (!require_json(req, res)) return;
  DecodedAction decoded = decode_action_json(req.body);
  if (decoded.malformed) return send_error(res, "malformed_json", decoded.problem);
  if (!decoded.errors.empty()) {
    return send_error(res, "validation_failed", "Some fields are not valid.", decoded.errors);
  }
  CitizenOutcome outcome;
  if (act) {
    const auto action = parse_action(decoded.action);
    if (!action) return send_error(res, "unknown_action", "There is no such action.");
    outcome = s.citizens.act(req.matches[1].str(), citizen_key(req, decoded.pin), req.remote_addr,
                             *action, decoded.input, decoded.version);
  } else {
    outcome = s.citizens.open(req.matches[1].str(), citizen_key(req, decoded.pin), req.remote_addr);
  }
  if (send_citizen_error(res, outcome)) return;
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, reporter_view_json(*outcome.view, s.reports.settings().utc_offset_minutes));
}

}  // namespace

// Long as a table is long: one short handler per public route, side by side.
void register_public_routes(Router& router, const Services& s) {
  router.open("POST", "/api/v1/reports", [&s](const httplib::Request& req, httplib::Response& res) {
    const int64_t wait =
        s.devices.take(req.get_header_value("Device-Key"), req.remote_addr, s.clock.now_unix());
    if (wait > 0) return send_rate_limited(res, wait);
    submit_report(s.reports, req, res);
  });
  // A device key for the submissions of one browser (http/device_limits.h). No body: nothing
  // about the device is asked or kept.
  router.open("POST", "/api/v1/device-keys",
              [&s](const httplib::Request& req, httplib::Response& res) {
                int64_t wait = 0;
                const std::string key = s.devices.issue(req.remote_addr, s.clock.now_unix(), &wait);
                if (key.empty()) return send_rate_limited(res, wait);
                res.set_header("Cache-Control", "no-store");
                send_json(res, 201, nlohmann::json{{"device_key", key}}.dump());
              });
  router.open("GET", kTrackingPath, [&s](const httplib::Request& req, httplib::Response& res) {
    if (within(s.track_limit, s, req, res)) track_report(s.reports, req, res);
  });
  router.open("POST", std::string(kTrackingPath) + "/access",
              [&s](const httplib::Request& req, httplib::Response& res) {
                if (within(s.track_limit, s, req, res)) citizen_request(s, false, req, res);
              });
  // Every route that checks a PIN shares the lookup limit of the address.
  router.open("POST", std::string(kTrackingPath) + "/actions",
              [&s](const httplib::Request& req, httplib::Response& res) {
                if (within(s.track_limit, s, req, res)) citizen_request(s, true, req, res);
              });
  router.open("POST", std::string(kTrackingPath) + "/notifications",
              [&s](const httplib::Request& req, httplib::Response& res) {
                if (!within(s.track_limit, s, req, res) || !require_json(req, res)) return;
                const auto doc = parse_request_json(req.body);
                // The PIN may be left out by a phone signed in to My reports (citizen_key).
                if (!doc.is_object() || !doc.value("pin", nlohmann::json("")).is_string() ||
                    !doc.value("enabled", nlohmann::json()).is_boolean()) {
                  return send_error(res, "malformed_json",
                                    "Send {\"pin\": \"...\", \"enabled\": true|false}.");
                }
                const CitizenOutcome out = s.citizens.set_notifications(
                    req.matches[1].str(), citizen_key(req, doc.value("pin", std::string())),
                    req.remote_addr, doc["enabled"].get<bool>());
                if (send_citizen_error(res, out)) return;
                res.set_header("Cache-Control", "no-store");
                send_json(res, 200,
                          reporter_view_json(*out.view, s.reports.settings().utc_offset_minutes));
              });
  router.open("GET", "/api/v1/categories", [&s](const httplib::Request&, httplib::Response& res) {
    const auto catalogue = s.catalogue.catalogue();
    send_json(res, 200, categories_json(catalogue->categories, catalogue->agencies));
  });
  router.open("GET", "/api/v1/agencies", [&s](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, agencies_json(s.catalogue.catalogue()->agencies));
  });
  router.open("GET", "/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(embedded_data_file("openapi.json")), "application/json");
  });
  // Alive, nothing more: no store, no work; tools/bench measures the HTTP stack with it.
  router.open("GET", "/livez", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content("ok\n", "text/plain");
  });
  router.open("GET", "/healthz", [&s](const httplib::Request&, httplib::Response& res) {
    const int version = s.catalogue.schema_version();
    res.set_header("Cache-Control", "no-store");
    send_json(res, 200, R"({"status":"ok","schema_version":)" + std::to_string(version) + "}");
  });
}

}  // namespace aduan

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "formats/json_parse.h"
#include "http/http_errors.h"
#include "http/json/codec.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/inbound_service.h"

namespace aduan {
namespace {

void inbound(const Services& s, const httplib::Request& req, httplib::Response& res) {
  if (!s.inbound.enabled()) return send_status_error(res, 404);
  // Authenticity first, before the body is even read as JSON.
  const InboundAuth auth = s.inbound.authenticate(
      req.get_header_value("X-Aduan-Timestamp"), req.get_header_value("X-Aduan-Nonce"),
      req.get_header_value("X-Aduan-Signature"), req.body);
  switch (auth) {
    case InboundAuth::kOk:
      break;
    case InboundAuth::kBadSignature:
      return send_error(res, "bad_signature", "The request signature does not match.");
    case InboundAuth::kStaleTimestamp:
      return send_error(res, "stale_timestamp", "The request is too old or from the future.");
    case InboundAuth::kReplayed:
      return send_error(res, "replayed_request", "This request was received before.");
  }
  if (!require_json(req, res)) return;
  const auto doc = parse_request_json(req.body);
  if (!doc.is_object() || !doc.value("from", nlohmann::json()).is_string() ||
      !doc.value("text", nlohmann::json()).is_string()) {
    return send_error(res, "malformed_json", "Send {\"from\": \"...\", \"text\": \"...\"}.");
  }
  InboundMessage m;
  m.channel = req.matches[1].str();
  m.from = doc["from"].get<std::string>();
  m.text = doc["text"].get<std::string>();
  if (doc.contains("subject") && doc["subject"].is_string()) m.subject = doc["subject"];
  if (doc.contains("language") && doc["language"] == "en") m.language = "en";
  const InboundOutcome out = s.inbound.receive(m);
  switch (out.result) {
    case InboundOutcome::Result::kCreated:
      return send_json(
          res, 201, nlohmann::json{{"status", "created"}, {"tracking_id", out.tracking_id}}.dump());
    case InboundOutcome::Result::kReplied:
      return send_json(
          res, 200, nlohmann::json{{"status", "replied"}, {"tracking_id", out.tracking_id}}.dump());
    case InboundOutcome::Result::kRejected:
      return send_error(res, "validation_failed",
                        "The message cannot become a report; the sender was told why.", out.errors);
  }
}

}  // namespace

void register_inbound_routes(Router& router, const Services& s) {
  router.open("POST", R"(/api/v1/inbound/(sms|whatsapp|email))",
              [&s](const httplib::Request& req, httplib::Response& res) { inbound(s, req, res); });
}

}  // namespace aduan

// Repeated reports over HTTP: the reports a citizen is offered while writing, following one
// of them instead of filing again, and the likely duplicates the staff see beside a report.
#include <httplib.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/follow_service.h"
#include "services/report_service.h"
#include "services/similar_service.h"
#include "services/staff_service.h"
#include "shared/similarity.h"
#include "shared/text.h"
#include "shared/tracking_id.h"
#include "shared/validation.h"

namespace aduan {
namespace {

using json_support::json;

constexpr const char* kFollowPath = R"(/api/v1/reports/([^/]{1,64})/follow)";
constexpr const char* kStaffSimilarPath = R"(/api/v1/staff/reports/([^/]{1,64})/similar)";
// The text looked at: enough for a title and a paragraph; the rest adds little.
constexpr size_t kMaxSearchBytes = 4000;

std::string text_field(const json& doc, const char* name) {
  const auto it = doc.find(name);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// What a citizen is offered: the report's public face and how many have the same problem.
json offer_json(const Services& s, const SimilarOffer& o) {
  json item = json_support::public_report_json(o.view, s.reports.settings().utc_offset_minutes,
                                               json_support::Content::kPublic);
  item.erase("body");
  item.erase("location");
  item["score"] = std::round(o.score * 100) / 100;
  return item;
}

// POST /api/v1/reports/similar {title, body, category, agency?, region?}: up to five open,
// non-confidential reports with the same substance in that category (or at that agency).
void suggest(const Services& s, const httplib::Request& req, httplib::Response& res) {
  if (!require_json(req, res)) return;
  std::string problem;
  const auto doc = json_support::parse_object(req.body, &problem);
  if (!doc) return send_error(res, "malformed_json", problem);
  SimilarText q;
  q.text = text_field(*doc, "title") + "\n" + text_field(*doc, "body");
  if (const TextProblem bad = check_text(q.text, true); bad != TextProblem::kNone) {
    return send_error(res, "validation_failed", "The text is not valid.",
                      {{"body", bad == TextProblem::kInvalidUtf8 ? FieldCode::kInvalidUtf8
                                                                 : FieldCode::kControlCharacter}});
  }
  if (q.text.size() > kMaxSearchBytes) q.text.resize(kMaxSearchBytes);
  q.region = text_field(*doc, "region");
  q.category = text_field(*doc, "category");
  q.agency = text_field(*doc, "agency");
  json items = json::array();
  for (const SimilarOffer& o : s.similar.offers(q)) items.push_back(offer_json(s, o));
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, json_support::dump(json{{"items", std::move(items)}}));
}

// The follower's contact from a follow or confirm body, checked and normalised; false (and
// the answer written) when it is not valid.
bool read_follower(const json& doc, Follower* f, httplib::Response& res) {
  f->phone = text_field(doc, "phone");
  f->email = text_field(doc, "email");
  f->language = text_field(doc, "language") == "en" ? "en" : "id";
  std::vector<FieldError> errors;
  if (!f->phone.empty()) {
    if (const auto code = check_phone(f->phone)) errors.push_back({"phone", *code});
    f->phone = normalize_phone(f->phone);
  }
  if (!f->email.empty()) {
    if (const auto code = check_email(f->email)) errors.push_back({"email", *code});
  }
  if (!errors.empty()) {
    send_error(res, "validation_failed", "Some fields are not valid.", errors);
    return false;
  }
  return true;
}

// The answer to a follow or a confirmation.
void send_follow(const std::string& canonical, const FollowOutcome& out, httplib::Response& res) {
  using R = FollowOutcome::Result;
  switch (out.result) {
    case R::kLimited:
      return send_rate_limited(res, out.retry_after);
    case R::kNotFound:
      return send_error(res, "report_not_found", "No report has this tracking ID.");
    case R::kFinished:
      return send_error(res, "report_finished",
                        "This report is finished; file a new report if the problem is back.");
    case R::kUnreachable:
      return send_error(res, "contact_unreachable",
                        "Updates cannot be sent to this kind of contact here; leave it out.");
    case R::kWrongCode:
      return send_error(res, "wrong_code",
                        "This is not the code that was sent, or it has expired.");
    case R::kCodeSent:
    case R::kFollowed:
    case R::kConfirmed:
      break;
  }
  json body{{"tracking_id", format_tracking_id(canonical)}, {"followers", out.followers}};
  if (out.result == R::kCodeSent) body["confirmation"] = "code_sent";
  send_json(res, out.result == R::kCodeSent ? 202 : 200, json_support::dump(body));
}

// POST /api/v1/reports/{id}/follow {phone?, email?, language?}: "I have this problem too".
// With a contact the answer is 202: a code went there, and .../follow/confirm takes it.
void follow(const Services& s, bool confirm, const httplib::Request& req, httplib::Response& res) {
  if (!require_json(req, res)) return;
  std::string problem;
  const auto doc = json_support::parse_object(req.body, &problem);
  if (!doc) return send_error(res, "malformed_json", problem);
  const ParsedTrackingId id = parse_tracking_id(req.matches[1].str());
  if (!id.ok()) return send_tracking_id_error(res, id.error);
  Follower f;
  if (!read_follower(*doc, &f, res)) return;
  if (!confirm)
    return send_follow(id.canonical, s.follows.follow(id.canonical, f, req.remote_addr), res);
  const std::string code = text_field(*doc, "code");
  if (f.phone.empty() && f.email.empty()) {
    return send_error(res, "validation_failed", "Give the contact the code was sent to.",
                      {{"phone", FieldCode::kContactRequired}});
  }
  send_follow(id.canonical, s.follows.confirm(id.canonical, f, code, req.remote_addr), res);
}

// GET /api/v1/staff/reports/{id}/similar: the reports with the same substance as this one,
// each with its score and whether it is a likely duplicate.
void staff_similar(const Services& s, const httplib::Request& req, httplib::Response& res,
                   const Caller& p) {
  const auto view = s.staff.report(p, req.matches[1].str());
  if (!view) return send_error(res, "report_not_found", "No report has this tracking ID.");
  json items = json::array();
  for (const SimilarOffer& o : s.similar.like(p, view->view.report)) {
    json item = offer_json(s, o);
    // Judged on the score as the answer gives it, so that a report shown at the mark's
    // percentage is marked, and the quality test measures what staff see.
    item["likely_duplicate"] = item["score"].get<double>() >= kSameSubstance;
    items.push_back(std::move(item));
  }
  send_json(res, 200, json_support::dump(json{{"items", std::move(items)}}));
}

}  // namespace

void register_similar_routes(Router& router, const Services& s) {
  router.open("POST", "/api/v1/reports/similar",
              [&s](const httplib::Request& req, httplib::Response& res) { suggest(s, req, res); });
  router.open("POST", kFollowPath, [&s](const httplib::Request& req, httplib::Response& res) {
    follow(s, false, req, res);
  });
  router.open(
      "POST", std::string(kFollowPath) + "/confirm",
      [&s](const httplib::Request& req, httplib::Response& res) { follow(s, true, req, res); });
  router.staff(
      "GET", kStaffSimilarPath,
      role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer, Role::kSupervisor}),
      [&s](const httplib::Request& req, httplib::Response& res, const Caller& p) {
        staff_similar(s, req, res, p);
      });
}

}  // namespace aduan

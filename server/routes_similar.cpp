// Repeated reports over HTTP: the reports a citizen is offered while writing, following one
// of them instead of filing again, and the likely duplicates the staff see beside a report.
#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "auth_service.h"
#include "catalog_repository.h"
#include "follower_repository.h"
#include "http_errors.h"
#include "json_support.h"
#include "rate_limiter.h"
#include "report_service.h"
#include "route_helpers.h"
#include "router.h"
#include "routes.h"
#include "similar_reports.h"
#include "similarity.h"
#include "staff_service.h"
#include "store.h"
#include "text.h"
#include "tracking_id.h"
#include "validation.h"

namespace aduan {
namespace {

using json_support::json;

constexpr const char* kFollowPath = R"(/api/v1/reports/([^/]{1,64})/follow)";
constexpr const char* kStaffSimilarPath = R"(/api/v1/staff/reports/([^/]{1,64})/similar)";
// A citizen follows a handful of reports, not hundreds: per address and hour.
constexpr RateRule kFollowRule{20, 3600};
// The text looked at: enough for a title and a paragraph; the rest adds little.
constexpr size_t kMaxSearchBytes = 4000;

std::string text_field(const json& doc, const char* name) {
  const auto it = doc.find(name);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// What a citizen is offered: the report's public face and how many have the same problem.
json offer_json(const Services& s, const SimilarMatch& m, const std::vector<Agency>& agencies,
                const std::vector<Category>& categories, const WorkingCalendar& calendar) {
  ReportRecord r = m.report;
  if (!r.agency_id) r.suggested_agency_id.reset();  // as on the public list
  const ReportView v =
      summary_view(std::move(r), agencies, categories, calendar,
                   local_date(s.clock.now_unix(), s.reports.settings().utc_offset_minutes));
  json item = json_support::report_json(v, s.reports.settings().utc_offset_minutes, true);
  item.erase("body");
  item.erase("location");
  item["score"] = std::round(m.score * 100) / 100;
  return item;
}

// POST /api/v1/reports/similar {title, body, category, agency?}: up to five open,
// non-confidential reports with the same substance in that category (or at that agency).
void suggest(const Services& s, const httplib::Request& req, httplib::Response& res) {
  if (!require_json(req, res)) return;
  std::string problem;
  const auto doc = json_support::parse_object(req.body, &problem);
  if (!doc) return send_error(res, 400, "malformed_json", problem);
  SimilarQuery q;
  q.text = text_field(*doc, "title") + "\n" + text_field(*doc, "body");
  if (const TextProblem bad = check_text(q.text, true); bad != TextProblem::kNone) {
    return send_error(res, 422, "validation_failed", "The text is not valid.",
                      {{"body", bad == TextProblem::kInvalidUtf8 ? FieldCode::kInvalidUtf8
                                                                 : FieldCode::kControlCharacter}});
  }
  if (q.text.size() > kMaxSearchBytes) q.text.resize(kMaxSearchBytes);
  json items = json::array();
  s.store.read([&](SQLite::Database& db) {
    const auto catalogue = CatalogRepository::catalogue(db);
    const auto& categories = catalogue->categories;
    const auto& agencies = catalogue->agencies;
    const std::string category = text_field(*doc, "category");
    const std::string agency = text_field(*doc, "agency");
    if (const Category* c = find_code(categories, category)) q.category_id = c->id;
    if (const Agency* a = find_code(agencies, agency)) q.agencies = agency_subtree(db, a->id);
    if (!q.category_id && !q.agencies) return;  // nothing chosen yet: nothing to compare
    const WorkingCalendar& calendar = catalogue->calendar;
    for (const SimilarMatch& m : SimilarReports::find(db, q)) {
      items.push_back(offer_json(s, m, agencies, categories, calendar));
    }
  });
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, json_support::dump(json{{"items", items}}));
}

// POST /api/v1/reports/{id}/follow {phone?, email?, language?}: "I have this problem too".
void follow(const Services& s, const httplib::Request& req, httplib::Response& res) {
  if (!require_json(req, res)) return;
  std::string problem;
  const auto doc = json_support::parse_object(req.body, &problem);
  if (!doc) return send_error(res, 400, "malformed_json", problem);
  const ParsedTrackingId id = parse_tracking_id(req.matches[1].str());
  if (!id.ok()) return send_tracking_id_error(res, id.error);
  Follower f;
  f.phone = text_field(*doc, "phone");
  f.email = text_field(*doc, "email");
  f.language = text_field(*doc, "language") == "en" ? "en" : "id";
  std::vector<FieldError> errors;
  if (!f.phone.empty()) {
    if (const auto code = check_phone(f.phone)) errors.push_back({"phone", *code});
    f.phone = normalize_phone(f.phone);
  }
  if (!f.email.empty()) {
    if (const auto code = check_email(f.email)) errors.push_back({"email", *code});
  }
  if (!errors.empty()) {
    return send_error(res, 422, "validation_failed", "Some fields are not valid.", errors);
  }
  const int64_t now = s.clock.now_unix();
  const std::string key = "follow:" + req.remote_addr;
  enum class Result { kFollowed, kLimited, kNotFound, kFinished } result = Result::kNotFound;
  int64_t wait = 0, followers = 0;
  s.store.write([&](SQLite::Database& db) {
    SQLite::Transaction tx(db);
    wait = RateLimiter::retry_after(db, key, kFollowRule, now);
    if (wait > 0) {
      result = Result::kLimited;
      return;
    }
    const auto r = ReportRepository::find_by_tracking_id(db, id.canonical);
    if (!r || r->confidential) return;  // a confidential report is not there to follow
    if (r->status == Status::kClosed || r->status == Status::kArchived) {
      result = Result::kFinished;
      return;
    }
    RateLimiter::record_failure(db, key, now);
    followers = FollowerRepository::add(db, r->id, f, now);
    tx.commit();
    result = Result::kFollowed;
  });
  if (result == Result::kLimited) return send_rate_limited(res, wait);
  if (result == Result::kNotFound) {
    return send_error(res, 404, "report_not_found", "No report has this tracking ID.");
  }
  if (result == Result::kFinished) {
    return send_error(res, 409, "report_finished",
                      "This report is finished; file a new report if the problem is back.");
  }
  send_json(res, 200,
            json_support::dump(
                json{{"tracking_id", format_tracking_id(id.canonical)}, {"followers", followers}}));
}

// GET /api/v1/staff/reports/{id}/similar: the reports with the same substance as this one,
// each with its score and whether it is a likely duplicate.
void staff_similar(const Services& s, const httplib::Request& req, httplib::Response& res,
                   const Principal& p) {
  const auto view = s.staff.report(p, req.matches[1].str());
  if (!view) return send_error(res, 404, "report_not_found", "No report has this tracking ID.");
  const ReportRecord& r = view->view.report;
  SimilarQuery q;
  q.text = r.title + "\n" + r.body;
  q.category_id = r.category_id;
  q.exclude_id = r.id;
  q.limit = 10;
  json items = json::array();
  s.store.read([&](SQLite::Database& db) {
    if (p.role == Role::kAgencyAdmin || p.role == Role::kAgencyOfficer) q.agencies = p.agency_scope;
    const auto catalogue = CatalogRepository::catalogue(db);
    const auto& categories = catalogue->categories;
    const auto& agencies = catalogue->agencies;
    const WorkingCalendar& calendar = catalogue->calendar;
    for (const SimilarMatch& m : SimilarReports::find(db, q)) {
      json item = offer_json(s, m, agencies, categories, calendar);
      item["likely_duplicate"] = m.score >= kSameSubstance;
      items.push_back(std::move(item));
    }
  });
  send_json(res, 200, json_support::dump(json{{"items", items}}));
}

}  // namespace

void register_similar_routes(Router& router, const Services& s) {
  router.open("POST", "/api/v1/reports/similar",
              [&s](const httplib::Request& req, httplib::Response& res) { suggest(s, req, res); });
  router.open("POST", kFollowPath,
              [&s](const httplib::Request& req, httplib::Response& res) { follow(s, req, res); });
  router.staff(
      "GET", kStaffSimilarPath,
      role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer, Role::kSupervisor}),
      [&s](const httplib::Request& req, httplib::Response& res, const Principal& p) {
        staff_similar(s, req, res, p);
      });
}

}  // namespace aduan

// The queue's tools: each staff member's saved views, and one action on several reports.
#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>

#include "clock.h"
#include "http_errors.h"
#include "json_queue.h"
#include "report_search.h"
#include "route_helpers.h"
#include "router.h"
#include "routes.h"
#include "saved_view_repository.h"
#include "staff_service.h"
#include "store.h"

namespace aduan {
namespace {

// The actions that make sense for many reports with the same input; answering, resolving
// or returning is written for one report at a time.
bool bulk_action(Action a) {
  return a == Action::kForward || a == Action::kAssign || a == Action::kArchive;
}

void save_view(const Services& s, const httplib::Request& req, httplib::Response& res,
               const Principal& p) {
  if (!require_json(req, res)) return;
  const DecodedSavedView in = decode_saved_view_json(req.body);
  if (in.malformed) return send_error(res, 400, "malformed_json", in.problem);
  if (!in.errors.empty()) {
    return send_error(res, 422, "validation_failed",
                      "Name the view (at most 60 bytes) and give the queue's query.", in.errors);
  }
  // A view is kept without end: it does not keep a reporter's phone number or e-mail address
  // typed as a search.
  httplib::Params params;
  httplib::detail::parse_query_text(in.query, params);
  if (const auto q = params.find("q"); q != params.end()) {
    const QueueSearch::Kind kind = ReportSearch::parse(q->second).kind;
    if (kind == QueueSearch::Kind::kPhone || kind == QueueSearch::Kind::kEmail) {
      return send_error(res, 422, "validation_failed",
                        "A saved view does not keep a reporter's phone number or e-mail address.",
                        {{"query", FieldCode::kInvalidFormat}});
    }
  }
  std::optional<SavedView> saved;
  s.store.write([&](SQLite::Database& db) {
    saved = SavedViewRepository::save(db, p.user_id, in.name, in.query, s.clock.now_unix());
  });
  if (!saved) {
    return send_error(
        res, 422, "validation_failed",
        "At most " + std::to_string(kMaxSavedViews) + " views; delete one before saving another.",
        {{"name", FieldCode::kTooMany}});
  }
  send_json(res, 200, saved_view_json(*saved));
}

void act_on_each(const Services& s, const httplib::Request& req, httplib::Response& res,
                 const Principal& p) {
  if (!require_json(req, res)) return;
  const DecodedBulk in = decode_bulk_json(req.body);
  if (in.action.malformed) return send_error(res, 400, "malformed_json", in.action.problem);
  if (!in.action.errors.empty()) {
    return send_error(res, 422, "validation_failed", "Some fields are not valid.",
                      in.action.errors);
  }
  const auto action = parse_action(in.action.action);
  if (!action) return send_error(res, 400, "unknown_action", "There is no such action.");
  if (!bulk_action(*action)) {
    return send_error(res, 400, "not_a_bulk_action",
                      "Only forward, assign and archive can be done on several reports at once.");
  }
  // Each report goes through the one workflow entry point on its own, with the version the
  // page showed: one refusal (a report someone else moved meanwhile) leaves the others done.
  std::vector<BulkResult> results;
  for (const BulkTarget& target : in.reports) {
    BulkResult r;
    r.tracking_id = target.tracking_id;
    const ActOutcome out =
        s.staff.act(p, target.tracking_id, *action, in.action.input, target.version);
    r.ok = out.result == ActOutcome::Result::kOk;
    if (r.ok) {
      r.status = to_string(out.report.status);
      r.version = out.report.version;
    } else {
      const ActError e = act_error(out.result);
      r.code = e.code;
      r.message = e.message;
      r.errors = out.errors;
    }
    results.push_back(std::move(r));
  }
  send_json(res, 200, bulk_results_json(results));
}

}  // namespace

void register_queue_tool_routes(Router& router, const Services& s) {
  router.staff("GET", "/api/v1/staff/views", kCaseWorkers,
               [&s](const httplib::Request&, httplib::Response& res, const Principal& p) {
                 std::vector<SavedView> views;
                 s.store.read([&](SQLite::Database& db) {
                   views = SavedViewRepository::list(db, p.user_id);
                 });
                 send_json(res, 200, saved_views_json(views));
               });
  router.staff("POST", "/api/v1/staff/views", kCaseWorkers,
               [&s](const httplib::Request& req, httplib::Response& res, const Principal& p) {
                 save_view(s, req, res, p);
               });
  router.staff("DELETE", R"(/api/v1/staff/views/(\d{1,18}))", kCaseWorkers,
               [&s](const httplib::Request& req, httplib::Response& res, const Principal& p) {
                 bool removed = false;
                 s.store.write([&](SQLite::Database& db) {
                   removed =
                       SavedViewRepository::remove(db, p.user_id, std::stoll(req.matches[1].str()));
                 });
                 if (!removed) {
                   return send_error(res, 404, "view_not_found", "You have no view with this id.");
                 }
                 res.status = 204;
               });
  router.staff("POST", "/api/v1/staff/bulk-actions", kCaseWorkers,
               [&s](const httplib::Request& req, httplib::Response& res, const Principal& p) {
                 act_on_each(s, req, res, p);
               });
}

}  // namespace aduan

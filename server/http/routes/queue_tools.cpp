// The queue's tools: each staff member's saved views, and one action on several reports.
#include <httplib.h>

#include "base/clock.h"
#include "http/http_errors.h"
#include "http/json/queue.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/saved_view_service.h"
#include "services/staff_service.h"

namespace aduan {
namespace {

// The actions that make sense for many reports with the same input; answering, resolving
// or returning is written for one report at a time.
bool bulk_action(Action a) {
  return a == Action::kForward || a == Action::kAssign || a == Action::kArchive;
}

void save_view(SavedViewService& views, const httplib::Request& req, httplib::Response& res,
               const Caller& p) {
  if (!require_json(req, res)) return;
  const DecodedSavedView in = decode_saved_view_json(req.body);
  if (in.malformed) return send_error(res, "malformed_json", in.problem);
  if (!in.errors.empty()) {
    return send_error(res, "validation_failed",
                      "Name the view (at most 60 bytes) and give the queue's query.", in.errors);
  }
  httplib::Params params;
  httplib::detail::parse_query_text(in.query, params);
  const auto q = params.find("q");
  const SaveViewOutcome out =
      views.save(p.account(), in.name, in.query, q == params.end() ? "" : q->second);
  switch (out.result) {
    case SaveViewOutcome::Result::kSaved:
      return send_json(res, 200, saved_view_json(*out.view));
    case SaveViewOutcome::Result::kKeepsContact:
      return send_error(res, "validation_failed",
                        "A saved view does not keep a reporter's phone number or e-mail address.",
                        {{"query", FieldCode::kInvalidFormat}});
    case SaveViewOutcome::Result::kFull:
      return send_error(
          res, "validation_failed",
          "At most " + std::to_string(kMaxSavedViews) + " views; delete one before saving another.",
          {{"name", FieldCode::kTooMany}});
  }
}

void act_on_each(const Services& s, const httplib::Request& req, httplib::Response& res,
                 const Caller& p) {
  if (!require_json(req, res)) return;
  const DecodedBulk in = decode_bulk_json(req.body);
  if (in.action.malformed) return send_error(res, "malformed_json", in.action.problem);
  if (!in.action.errors.empty()) {
    return send_error(res, "validation_failed", "Some fields are not valid.", in.action.errors);
  }
  const auto action = parse_action(in.action.action);
  if (!action) return send_error(res, "unknown_action", "There is no such action.");
  if (!bulk_action(*action)) {
    return send_error(res, "not_a_bulk_action",
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
      r.code = std::string(e.code.code());
      r.message = e.message;
      r.errors = out.errors;
    }
    results.push_back(std::move(r));
  }
  send_json(res, 200, bulk_results_json(results));
}

}  // namespace

void register_queue_tool_routes(Router& router, const Services& s) {
  SavedViewService* views = &s.saved_views;
  router.staff("GET", "/api/v1/staff/views", kCaseWorkers,
               [views](const httplib::Request&, httplib::Response& res, const Caller& p) {
                 send_json(res, 200, saved_views_json(views->list(p.account())));
               });
  router.staff("POST", "/api/v1/staff/views", kCaseWorkers,
               [views](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 save_view(*views, req, res, p);
               });
  router.staff("DELETE", R"(/api/v1/staff/views/(\d{1,18}))", kCaseWorkers,
               [views](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 if (!views->remove(p.account(), std::stoll(req.matches[1].str()))) {
                   return send_error(res, "view_not_found", "You have no view with this id.");
                 }
                 res.status = 204;
               });
  router.staff("POST", "/api/v1/staff/bulk-actions", kCaseWorkers,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 act_on_each(s, req, res, p);
               });
}

}  // namespace aduan

#include "http/json/staff.h"

#include <httplib.h>

#include "base/csv.h"
#include "http/http_errors.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/auth_service.h"
#include "services/catalogue_service.h"
#include "services/staff_service.h"

namespace aduan {
namespace {

constexpr const char* kStaffReportPath = R"(/api/v1/staff/reports/([^/]{1,64}))";

std::string cookie(const std::string& value, int64_t max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

std::optional<Agency> agency_of(const CatalogueService& catalogue, const Caller& p) {
  if (!p.agency_id) return std::nullopt;
  return catalogue.agency(*p.agency_id);
}

void login(Router& router, const Services& s, const httplib::Request& req, httplib::Response& res) {
  if (!require_json(req, res)) return;
  const DecodedLogin in = decode_login_json(req.body);
  if (in.malformed) return send_error(res, "malformed_json", in.problem);
  if (in.username.empty() || in.password.empty() || in.username.size() > 100 ||
      in.password.size() > 1024) {
    return send_error(res, "invalid_credentials", "Wrong username or password.");
  }
  const LoginOutcome out = s.auth.login(in.username, in.password, req.remote_addr);
  switch (out.result) {
    case LoginOutcome::Result::kRateLimited:
      return send_rate_limited(res, out.retry_after);
    case LoginOutcome::Result::kInvalid:
      return send_error(res, "invalid_credentials", "Wrong username or password.");
    case LoginOutcome::Result::kOk:
      break;
  }
  res.set_header("Set-Cookie", cookie(out.token, s.auth.settings().absolute_timeout_seconds,
                                      router.secure_cookies()));
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, session_json(out.session, agency_of(s.catalogue, out.session)));
}

QueueQuery queue_query(const httplib::Request& req) {
  QueueQuery q;
  const std::string statuses = req.get_param_value("status");
  for (size_t start = 0; start < statuses.size();) {
    const size_t comma = statuses.find(',', start);
    const std::string name =
        statuses.substr(start, comma == std::string::npos ? comma : comma - start);
    if (const auto s = parse_status(name)) q.statuses.push_back(*s);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  q.agency = req.get_param_value("agency");
  q.category = req.get_param_value("category");
  q.overdue = req.get_param_value("overdue") == "1";
  q.mine = req.get_param_value("mine") == "1";
  q.returned = req.get_param_value("returned") == "1";
  // An unknown order is the default one, as an unknown status is no filter.
  const std::string sort = req.get_param_value("sort");
  if (sort == "oldest") q.order = QueueOrder::kOldest;
  if (sort == "newest") q.order = QueueOrder::kNewest;
  if (sort == "updated") q.order = QueueOrder::kUpdated;
  if (sort == "followers") q.order = QueueOrder::kFollowers;
  // Longer than any useful search; a longer text is cut, not refused.
  q.search = req.get_param_value("q").substr(0, 200);
  q.page = int_param(req, "page", 1, 1, kMaxQueuePage);
  q.per_page = int_param(req, "per_page", q.per_page, 1, kMaxQueuePerPage);
  return q;
}

void act(const Services& s, const httplib::Request& req, httplib::Response& res, const Caller& p) {
  if (!require_json(req, res)) return;
  DecodedAction decoded = decode_action_json(req.body);
  if (decoded.malformed) return send_error(res, "malformed_json", decoded.problem);
  if (!decoded.errors.empty()) {
    return send_error(res, "validation_failed", "Some fields are not valid.", decoded.errors);
  }
  const auto action = parse_action(decoded.action);
  if (!action) return send_error(res, "unknown_action", "There is no such action.");
  // Staff always say which version they acted on: a stale page must not act twice.
  if (!decoded.version) {
    return send_error(res, "validation_failed", "Send the report version you acted on.",
                      {{"version", FieldCode::kRequired}});
  }
  const ActOutcome out =
      s.staff.act(p, req.matches[1].str(), *action, decoded.input, decoded.version);
  if (out.result != ActOutcome::Result::kOk) return send_act_error(res, out);
  const auto view = s.staff.report(p, req.matches[1].str());
  if (!view) {
    // Acting can move a report out of the actor's reach (an agency returning it).
    return send_json(res, 200,
                     R"({"status":")" + std::string(to_string(out.report.status)) +
                         R"(","version":)" + std::to_string(out.report.version) + "}");
  }
  send_json(res, 200, staff_report_json(*view, s.reports.settings().utc_offset_minutes));
}

std::vector<std::string> csv_cells(const ReportView& v, int offset) {
  const ReportRecord& r = v.report;
  return {format_tracking_id(r.tracking_id),
          format_iso_datetime(r.created_at, offset),
          r.classification,
          std::string(to_string(r.status)),
          v.category ? v.category->name : "",
          v.agency ? v.agency->name : "",
          r.title,
          r.location.text,
          r.incident_date,
          r.channel,
          v.deadline ? std::string(to_string(v.deadline->deadline.stage)) : "",
          v.deadline ? format_iso_date(v.deadline->deadline.due) : "",
          v.deadline ? std::string(to_string(v.deadline->colour)) : "",
          r.anonymous ? "1" : "0",
          r.confidential ? "1" : "0",
          r.rating ? std::to_string(*r.rating) : ""};
}

// Streams the selection in batches by id: memory stays flat however many rows there are.
void export_reports(const Services& s, const httplib::Request& req, httplib::Response& res,
                    const Caller& p) {
  struct Cursor {
    int64_t after_id = 0;
    bool header_sent = false;
    bool done = false;
  };
  auto cursor = std::make_shared<Cursor>();
  const QueueQuery q = queue_query(req);
  const int offset = s.reports.settings().utc_offset_minutes;
  StaffService& staff = s.staff;
  res.set_header("Content-Disposition", "attachment; filename=\"aduan-reports.csv\"");
  res.set_chunked_content_provider(
      "text/csv; charset=utf-8", [cursor, q, p, offset, &staff](size_t, httplib::DataSink& sink) {
        if (!cursor->header_sent) {
          const std::string head =
              std::string(kCsvBom) +
              csv_line({"tracking_id", "created_at", "classification", "status", "category",
                        "agency", "title", "location", "incident_date", "channel", "stage", "due",
                        "colour", "anonymous", "confidential", "rating"});
          sink.write(head.data(), head.size());
          cursor->header_sent = true;
        }
        const auto batch = staff.export_batch(p, q, cursor->after_id, 500);
        std::string chunk;
        for (const ReportView& v : batch) chunk += csv_line(csv_cells(v, offset));
        if (!chunk.empty()) sink.write(chunk.data(), chunk.size());
        if (batch.size() < 500) {
          sink.done();
        } else {
          cursor->after_id = batch.back().report.id;
        }
        return true;
      });
}

}  // namespace

void register_staff_routes(Router& router, const Services& s) {
  router.open("POST", "/api/v1/session",
              [&router, &s](const httplib::Request& req, httplib::Response& res) {
                login(router, s, req, res);
              });
  router.staff("GET", "/api/v1/session", kAllStaff,
               [&s](const httplib::Request&, httplib::Response& res, const StaffSession& p) {
                 send_json(res, 200, session_json(p, agency_of(s.catalogue, p)));
               });
  router.staff(
      "DELETE", "/api/v1/session", kAllStaff,
      [&router, &s](const httplib::Request&, httplib::Response& res, const StaffSession& p) {
        s.auth.logout(p);
        res.set_header("Set-Cookie", cookie("", 0, router.secure_cookies()));
        res.status = 204;
      });
  router.staff("GET", "/api/v1/staff/reports", kCaseWorkers,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 send_json(res, 200,
                           queue_json(s.staff.queue(p, queue_query(req)),
                                      s.reports.settings().utc_offset_minutes));
               });
  router.staff("GET", kStaffReportPath, kCaseWorkers,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 const auto view = s.staff.report(p, req.matches[1].str());
                 if (!view) {
                   return send_error(res, "report_not_found", "No report you can see has this ID.");
                 }
                 send_json(res, 200,
                           staff_report_json(*view, s.reports.settings().utc_offset_minutes));
               });
  router.staff("POST", std::string(kStaffReportPath) + "/actions", kCaseWorkers,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 act(s, req, res, p);
               });
  router.staff("GET", "/api/v1/staff/export/reports.csv", kCaseWorkers,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 export_reports(s, req, res, p);
               });
  router.staff("GET", "/api/v1/staff/officers", role_mask({Role::kAgencyAdmin}),
               [&s](const httplib::Request&, httplib::Response& res, const Caller& p) {
                 send_json(res, 200, officers_json(s.staff.assignable_officers(p)));
               });
}

}  // namespace aduan

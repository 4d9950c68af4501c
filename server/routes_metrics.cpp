// GET /metrics in Prometheus text format: requests by route and status with their latency,
// reports by status, the notification outbox, the deadline job, and wrong PINs and passwords
// with their alarms. For a scraper with an API key of scope "metrics" (Authorization:
// Bearer ...) or a signed-in system admin.
#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>

#include <map>

#include "address_limiter.h"
#include "api_key_repository.h"
#include "auth_service.h"
#include "citizen_service.h"
#include "clock.h"
#include "deadline_job.h"
#include "device_limits.h"
#include "http_errors.h"
#include "metrics.h"
#include "prepared.h"
#include "report_service.h"
#include "router.h"
#include "routes.h"
#include "store.h"

namespace aduan {
namespace {

bool may_scrape(Router& router, const Services& s, const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  const std::string bearer = "Bearer ";
  if (header.rfind(bearer, 0) == 0) {
    bool ok = false;
    s.store.write([&](SQLite::Database& db) {
      ok = ApiKeyRepository::authenticate(db, header.substr(bearer.size()), "metrics",
                                          s.clock.now_unix())
               .has_value();
    });
    return ok;
  }
  const auto principal = router.auth().authenticate(session_cookie(req));
  return principal && principal->role == Role::kSystemAdmin;
}

std::string gauge(const std::string& name, const std::string& help) {
  return "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n";
}

std::string store_metrics(const Services& s) {
  const int64_t now = s.clock.now_unix();
  const Date today = local_date(now, s.reports.settings().utc_offset_minutes);
  std::string out = gauge("aduan_reports", "Reports in the store by their current status.");
  s.store.read([&](SQLite::Database& db) {
    // From the monitoring's month counters: a few hundred rows, not a million reports.
    Prepared by_status(db,
                       "SELECT value, sum(n) FROM report_tallies WHERE grain = 1 AND "
                       "dimension = 'status' GROUP BY value");
    // Every status has its series, 0 when no report has it: a rate or an alert on a status
    // no report has reached yet still finds its series.
    std::map<std::string, int64_t> counts;
    for (int i = 0; i < kStatusCount; ++i) counts[std::string(to_string(static_cast<Status>(i)))];
    while (by_status.executeStep()) {
      counts[by_status.getColumn(0).getString()] = by_status.getColumn(1).getInt64();
    }
    for (const auto& [status, n] : counts) {
      out +=
          "aduan_reports{status=\"" + prometheus_label(status) + "\"} " + std::to_string(n) + "\n";
    }
    out += gauge("aduan_outbox_messages",
                 "Notifications waiting to be sent (pending) or given up on (failed).");
    Prepared outbox(db,
                    "SELECT status, count(*), min(created_at) FROM notifications WHERE status IN "
                    "('pending', 'failed') GROUP BY status");
    int64_t pending = 0, oldest = now;
    int64_t failed = 0;
    while (outbox.executeStep()) {
      const std::string status = outbox.getColumn(0).getString();
      (status == "pending" ? pending : failed) = outbox.getColumn(1).getInt64();
      if (status == "pending") oldest = outbox.getColumn(2).getInt64();
    }
    out += "aduan_outbox_messages{status=\"pending\"} " + std::to_string(pending) + "\n";
    out += "aduan_outbox_messages{status=\"failed\"} " + std::to_string(failed) + "\n";
    out += gauge("aduan_outbox_oldest_pending_age_seconds",
                 "How long the oldest pending notification has waited.");
    out += "aduan_outbox_oldest_pending_age_seconds " + std::to_string(now - oldest) + "\n";
    out += gauge("aduan_deadline_job_backlog",
                 "Reports due for auto-closing or escalation that the job has not handled yet "
                 "(counted up to 10000).");
    out += "aduan_deadline_job_backlog " +
           std::to_string(ReportRepository::due_for_jobs(db, today, 10000).size()) + "\n";
  });
  const int64_t last = s.job.last_success();
  out += gauge("aduan_deadline_job_last_success_timestamp_seconds",
               "When the deadline job last finished a pass (0: not since start).");
  out += "aduan_deadline_job_last_success_timestamp_seconds " + std::to_string(last) + "\n";
  out += gauge("aduan_deadline_job_lag_seconds",
               "Seconds since the deadline job last finished a pass (-1: not since start).");
  out += "aduan_deadline_job_lag_seconds " + std::to_string(last ? now - last : -1) + "\n";
  return out;
}

std::string counter(const std::string& name, const std::string& help) {
  return "# HELP " + name + " " + help + "\n# TYPE " + name + " counter\n";
}

// Counted by this server since it started; the alarms themselves are shared through the
// store, so each is counted by the one server that raised it.
// The per-address limiters' tables: bounded, the oldest address forgotten past the cap.
std::string limiter_metrics(const Services& s) {
  std::string out =
      gauge("aduan_address_limiter_entries", "Client addresses a limiter remembers now.") +
      "aduan_address_limiter_entries{limit=\"submit\"} " + std::to_string(s.submit_limit.size()) +
      "\naduan_address_limiter_entries{limit=\"track\"} " + std::to_string(s.track_limit.size()) +
      "\naduan_address_limiter_entries{limit=\"device\"} " +
      std::to_string(s.devices.devices().size()) + "\n";
  out += gauge("aduan_address_limiter_capacity", "Client addresses a limiter may remember.") +
         "aduan_address_limiter_capacity " + std::to_string(s.track_limit.capacity()) + "\n";
  out += counter("aduan_address_limiter_evictions_total",
                 "Addresses a full limiter forgot (the least recently seen) to take a new one.") +
         "aduan_address_limiter_evictions_total{limit=\"submit\"} " +
         std::to_string(s.submit_limit.evictions()) +
         "\naduan_address_limiter_evictions_total{limit=\"track\"} " +
         std::to_string(s.track_limit.evictions()) +
         "\naduan_address_limiter_evictions_total{limit=\"device\"} " +
         std::to_string(s.devices.devices().evictions()) + "\n";
  return out;
}

std::string guessing_metrics(const Services& s) {
  const GuessGuard& pins = s.citizens.guesses();
  const GuessGuard& passwords = s.auth.guesses();
  return counter("aduan_pin_failures_total",
                 "Wrong report PINs (or unknown tracking IDs) typed at PIN-protected routes.") +
         "aduan_pin_failures_total " + std::to_string(pins.failures()) + "\n" +
         counter("aduan_password_failures_total", "Failed staff logins.") +
         "aduan_password_failures_total " + std::to_string(passwords.failures()) + "\n" +
         counter("aduan_guessing_alarms_total",
                 "Times the wrong guesses at one report or account, or at all of them, passed "
                 "the alarm threshold in its window.") +
         "aduan_guessing_alarms_total{kind=\"pin\"} " + std::to_string(pins.alarms()) + "\n" +
         "aduan_guessing_alarms_total{kind=\"password\"} " + std::to_string(passwords.alarms()) +
         "\n";
}

}  // namespace

void register_metrics_routes(Router& router, const Services& s) {
  router.open(
      "GET", "/metrics", [&router, &s](const httplib::Request& req, httplib::Response& res) {
        if (!may_scrape(router, s, req)) {
          return send_error(res, 401, "unauthenticated",
                            "Send an API key with the metrics scope as a Bearer token.");
        }
        res.set_header("Cache-Control", "no-store");
        res.set_content(
            s.metrics.render() + store_metrics(s) + guessing_metrics(s) + limiter_metrics(s),
            "text/plain; version=0.0.4; charset=utf-8");
      });
}

}  // namespace aduan

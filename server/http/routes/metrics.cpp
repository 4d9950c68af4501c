// GET /metrics in Prometheus text format: requests by route and status with their latency,
// reports by status, the notification outbox, the deadline job, and wrong PINs and passwords
// with their alarms. For a scraper with an API key of scope "metrics" (Authorization:
// Bearer ...) or a signed-in system admin.
#include "http/metrics.h"

#include <httplib.h>

#include "base/clock.h"
#include "http/address_limiter.h"
#include "http/device_limits.h"
#include "http/http_errors.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/api_key_service.h"
#include "services/auth_service.h"
#include "services/citizen_service.h"
#include "services/deadline_job.h"
#include "services/monitoring_service.h"
#include "services/report_service.h"

namespace aduan {
namespace {

bool may_scrape(Router& router, const Services& s, const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  const std::string bearer = "Bearer ";
  if (header.rfind(bearer, 0) == 0) {
    return s.api_keys.authenticate(header.substr(bearer.size()), "metrics").has_value();
  }
  const auto session = router.auth().authenticate(session_cookie(req));
  return session && session->role == Role::kSystemAdmin;
}

std::string gauge(const std::string& name, const std::string& help) {
  return "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n";
}

std::string store_metrics(const Services& s) {
  const int64_t now = s.clock.now_unix();
  std::string out = gauge("aduan_reports", "Reports in the store by their current status.");
  const StoreGauges g = s.monitoring.gauges();
  for (const auto& [status, n] : g.reports_by_status) {
    out += "aduan_reports{status=\"" + prometheus_label(status) + "\"} " + std::to_string(n) + "\n";
  }
  out += gauge("aduan_outbox_messages",
               "Notifications waiting to be sent (pending) or given up on (failed).");
  out += "aduan_outbox_messages{status=\"pending\"} " + std::to_string(g.outbox_pending) + "\n";
  out += "aduan_outbox_messages{status=\"failed\"} " + std::to_string(g.outbox_failed) + "\n";
  out += gauge("aduan_outbox_oldest_pending_age_seconds",
               "How long the oldest pending notification has waited.");
  out += "aduan_outbox_oldest_pending_age_seconds " + std::to_string(g.oldest_pending_age_seconds) +
         "\n";
  out += gauge("aduan_deadline_job_backlog",
               "Reports due for auto-closing or escalation that the job has not handled yet "
               "(counted up to " +
                   std::to_string(MonitoringService::kBacklogLimit) + ").");
  out += "aduan_deadline_job_backlog " + std::to_string(g.deadline_backlog) + "\n";
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
          return send_error(res, "unauthenticated",
                            "Send an API key with the metrics scope as a Bearer token.");
        }
        res.set_header("Cache-Control", "no-store");
        res.set_content(
            s.metrics.render() + store_metrics(s) + guessing_metrics(s) + limiter_metrics(s),
            "text/plain; version=0.0.4; charset=utf-8");
      });
}

}  // namespace aduan

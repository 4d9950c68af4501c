#include <httplib.h>

#include <nlohmann/json.hpp>

#include "base/clock.h"
#include "formats/holiday_csv.h"
#include "http/http_errors.h"
#include "http/json/staff.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/api_key_service.h"
#include "services/holiday_service.h"
#include "services/outbox_service.h"
#include "services/report_service.h"

namespace aduan {
namespace {

const uint8_t kSystemAdmin = role_mask({Role::kSystemAdmin});

void send_holidays(const Services& s, httplib::Response& res, int status) {
  const HolidayCalendar calendar = s.holidays.calendar();
  send_json(res, status, holidays_json(calendar.holidays, calendar.confirmed_years));
}

void send_holiday_years(const Services& s, httplib::Response& res) {
  send_json(res, 200,
            holiday_years_json(s.holidays.years(), s.reports.settings().utc_offset_minutes));
}

// For the system admin, who may read no complaint: what went where and what failed, never a
// subject (it holds the tracking ID and the title), and a citizen's contact only masked, also
// where a transport's error repeats it. Staff contacts are shown whole.
std::string notifications_json(const std::vector<OutboxMessage>& list, int offset) {
  nlohmann::json out = nlohmann::json::array();
  for (const OutboxMessage& m : list) {
    out.push_back({{"id", m.id},
                   {"message_id", m.message_id},
                   {"event", m.event},
                   {"channel", m.channel},
                   {"recipient", m.recipient},
                   {"to_citizen", m.to_citizen},
                   {"status", m.status},
                   {"attempts", m.attempts},
                   {"last_error", m.last_error},
                   {"created_at", format_iso_datetime(m.created_at, offset)}});
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json api_key_json(const ApiKey& k, int offset) {
  return nlohmann::json{
      {"id", k.id},
      {"name", k.name},
      {"prefix", k.prefix},
      {"scopes", k.scopes},
      {"created_at", format_iso_datetime(k.created_at, offset)},
      {"revoked", k.revoked_at.has_value()},
      {"last_used_at",
       k.last_used_at ? format_iso_datetime(*k.last_used_at, offset) : std::string()}};
}

}  // namespace

// Long as a table is long: one short handler per route of the surface, side by side so that
// their roles and paths read together.
void register_admin_routes(Router& router, const Services& s) {
  // Every staff member may read the calendar their deadlines are counted on.
  router.staff("GET", "/api/v1/admin/holidays",
               role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer,
                          Role::kSupervisor, Role::kSystemAdmin}),
               [&s](const httplib::Request&, httplib::Response& res, const Caller&) {
                 send_holidays(s, res, 200);
               });
  // Which years' holidays are confirmed; deadlines in the others may still move.
  router.staff("GET", "/api/v1/admin/holiday-years",
               role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer,
                          Role::kSupervisor, Role::kSystemAdmin}),
               [&s](const httplib::Request&, httplib::Response& res, const Caller&) {
                 send_holiday_years(s, res);
               });
  router.staff("POST", R"(/api/v1/admin/holiday-years/(\d{4})/confirm)", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 const int year = std::stoi(req.matches[1].str());
                 if (!s.holidays.confirm(year, p.username)) {
                   return send_error(res, "holiday_year_empty",
                                     "There are no holidays in that year to confirm.");
                 }
                 send_holiday_years(s, res);
               });
  router.staff("POST", "/api/v1/admin/holidays", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller&) {
                 if (!require_json(req, res)) return;
                 const DecodedHoliday in = decode_holiday_json(req.body);
                 if (in.malformed) return send_error(res, "malformed_json", in.problem);
                 if (!in.errors.empty()) {
                   return send_error(res, "validation_failed", "Some fields are not valid.",
                                     in.errors);
                 }
                 s.holidays.put(in.holiday);
                 send_holidays(s, res, 201);
               });
  router.staff("DELETE", R"(/api/v1/admin/holidays/(\d{4}-\d{2}-\d{2}))", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller&) {
                 const auto date = parse_iso_date(req.matches[1].str());
                 if (!date || !s.holidays.remove(*date)) {
                   return send_error(res, "holiday_not_found", "No holiday on that date.");
                 }
                 send_holidays(s, res, 200);
               });
  router.staff("GET", "/api/v1/admin/notifications", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller&) {
                 const std::string status =
                     req.has_param("status") ? req.get_param_value("status") : "failed";
                 if (status != "failed" && status != "pending" && status != "sent") {
                   return send_error(res, "bad_status", "status is failed, pending or sent.");
                 }
                 send_json(res, 200,
                           notifications_json(s.outbox.list(status),
                                              s.reports.settings().utc_offset_minutes));
               });
  router.staff("POST", R"(/api/v1/admin/notifications/(\d{1,18})/retry)", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller&) {
                 if (!s.outbox.retry(std::stoll(req.matches[1].str()))) {
                   return send_error(res, "notification_not_found",
                                     "No failed notification has this id.");
                 }
                 send_json(res, 200, R"({"status":"pending"})");
               });
  router.staff("GET", "/api/v1/admin/api-keys", kSystemAdmin,
               [&s](const httplib::Request&, httplib::Response& res, const Caller&) {
                 nlohmann::json out = nlohmann::json::array();
                 for (const ApiKey& k : s.api_keys.list())
                   out.push_back(api_key_json(k, s.reports.settings().utc_offset_minutes));
                 send_json(res, 200, out.dump());
               });
  router.staff(
      "POST", "/api/v1/admin/api-keys", kSystemAdmin,
      [&s](const httplib::Request& req, httplib::Response& res, const Caller&) {
        if (!require_json(req, res)) return;
        const DecodedApiKey in = decode_api_key_json(req.body);
        if (in.malformed) return send_error(res, "malformed_json", in.problem);
        if (!in.errors.empty()) {
          return send_error(res, "validation_failed",
                            "Name the key (at most 100 characters) and give its scopes: a list "
                            "of open311 and metrics.",
                            in.errors);
        }
        ApiKey created;
        const std::string key = s.api_keys.create(in.name, in.scopes, &created);
        nlohmann::json out = api_key_json(created, s.reports.settings().utc_offset_minutes);
        out["key"] = key;  // shown once: only its digest is stored
        res.set_header("Cache-Control", "no-store");
        send_json(res, 201, out.dump());
      });
  router.staff("DELETE", R"(/api/v1/admin/api-keys/(\d{1,18}))", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller&) {
                 if (!s.api_keys.revoke(std::stoll(req.matches[1].str())))
                   return send_error(res, "api_key_not_found", "No active key has this id.");
                 res.status = 204;
               });
  router.staff("POST", "/api/v1/admin/holidays/import", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 if (req.get_header_value("Content-Type").rfind("text/csv", 0) != 0) {
                   return send_error(res, "unsupported_media_type",
                                     "Send the holiday list as text/csv.");
                 }
                 const HolidayCsv csv = parse_holiday_csv(req.body);
                 if (!csv.errors.empty()) {
                   return send_error(res, "validation_failed",
                                     "Some lines are not valid; nothing was imported.", csv.errors);
                 }
                 s.holidays.import(csv.holidays, p.username);
                 send_holidays(s, res, 200);
               });
}

}  // namespace aduan

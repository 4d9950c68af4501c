#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "api_key_repository.h"
#include "catalog_repository.h"
#include "clock.h"
#include "holiday_csv.h"
#include "http_errors.h"
#include "json_staff.h"
#include "notification_sender.h"
#include "outbox_repository.h"
#include "report_service.h"
#include "route_helpers.h"
#include "router.h"
#include "routes.h"
#include "store.h"

namespace aduan {
namespace {

const uint8_t kSystemAdmin = role_mask({Role::kSystemAdmin});

void send_holidays(Store& store, httplib::Response& res, int status) {
  std::vector<Holiday> holidays;
  std::vector<int> confirmed;
  store.read([&](SQLite::Database& db) {
    holidays = CatalogRepository::holidays(db);
    confirmed = CatalogRepository::catalogue(db)->confirmed_holiday_years;
  });
  send_json(res, status, holidays_json(holidays, confirmed));
}

void send_holiday_years(const Services& s, httplib::Response& res) {
  std::vector<HolidayYear> years;
  s.store.read([&](SQLite::Database& db) { years = CatalogRepository::holiday_years(db); });
  send_json(res, 200, holiday_years_json(years, s.reports.settings().utc_offset_minutes));
}

constexpr const char* kDot = "\u2022";

// A citizen's contact as the system admin sees it: enough to tell a mistyped domain or a
// number of the wrong length, not enough to know who it is. "budi.s@gmail.com" reads
// "b•••@g••••.com", "+6281234564321" reads "+62••••••••••21".
std::string mask_contact(const std::string& contact) {
  std::string out;
  const size_t at = contact.find('@');
  if (at != std::string::npos) {
    const std::string domain = contact.substr(at + 1);
    const size_t dot = domain.rfind('.');
    out = contact.substr(0, std::min<size_t>(at, 1)) + kDot + kDot + kDot + "@";
    if (dot == std::string::npos || dot == 0) return out + kDot + kDot + kDot;
    return out + domain.substr(0, 1) + kDot + kDot + kDot + kDot + domain.substr(dot);
  }
  size_t digits = 0;
  for (char c : contact) digits += (c >= '0' && c <= '9') ? 1 : 0;
  if (digits < 6) return std::string(kDot) + kDot + kDot;
  const bool plus = contact[0] == '+';
  // "+62" (or the leading "0" of a national number) and the last two digits.
  const size_t head = plus ? 3 : 1;
  size_t seen = 0;
  for (char c : contact) {
    if (c < '0' || c > '9') continue;
    ++seen;
    out += (seen + (plus ? 1 : 0) <= head || seen > digits - 2) ? std::string(1, c) : kDot;
  }
  return plus ? "+" + out : out;
}

// For the system admin, who may read no complaint: what went where and what failed, never a
// subject (it holds the tracking ID and the title), and a citizen's contact only masked, also
// where a transport's error repeats it. Staff contacts are shown whole.
std::string notifications_json(const std::vector<OutboxMessage>& list, int offset) {
  nlohmann::json out = nlohmann::json::array();
  for (const OutboxMessage& m : list) {
    std::string recipient = m.recipient, error = m.last_error;
    if (m.to_citizen) {
      recipient = mask_contact(m.recipient);
      size_t at = m.recipient.empty() ? std::string::npos : error.find(m.recipient);
      while (at != std::string::npos) {
        error.replace(at, m.recipient.size(), recipient);
        at = error.find(m.recipient, at + recipient.size());
      }
    }
    out.push_back({{"id", m.id},
                   {"message_id", m.message_id},
                   {"event", m.event},
                   {"channel", m.channel},
                   {"recipient", recipient},
                   {"to_citizen", m.to_citizen},
                   {"status", m.status},
                   {"attempts", m.attempts},
                   {"last_error", error},
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

void register_admin_routes(Router& router, const Services& s) {
  // Every staff member may read the calendar their deadlines are counted on.
  router.staff("GET", "/api/v1/admin/holidays",
               role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer,
                          Role::kSupervisor, Role::kSystemAdmin}),
               [&s](const httplib::Request&, httplib::Response& res, const Principal&) {
                 send_holidays(s.store, res, 200);
               });
  // Which years' holidays are confirmed; deadlines in the others may still move.
  router.staff("GET", "/api/v1/admin/holiday-years",
               role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer,
                          Role::kSupervisor, Role::kSystemAdmin}),
               [&s](const httplib::Request&, httplib::Response& res, const Principal&) {
                 send_holiday_years(s, res);
               });
  router.staff("POST", R"(/api/v1/admin/holiday-years/(\d{4})/confirm)", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Principal& p) {
                 const int year = std::stoi(req.matches[1].str());
                 bool confirmed = false;
                 s.store.write([&](SQLite::Database& db) {
                   confirmed = CatalogRepository::confirm_holiday_year(db, year, p.username,
                                                                       s.clock.now_unix());
                 });
                 if (!confirmed) {
                   return send_error(res, 404, "holiday_year_empty",
                                     "There are no holidays in that year to confirm.");
                 }
                 send_holiday_years(s, res);
               });
  router.staff(
      "POST", "/api/v1/admin/holidays", kSystemAdmin,
      [&s](const httplib::Request& req, httplib::Response& res, const Principal&) {
        if (!require_json(req, res)) return;
        const DecodedHoliday in = decode_holiday_json(req.body);
        if (in.malformed) return send_error(res, 400, "malformed_json", in.problem);
        if (!in.errors.empty()) {
          return send_error(res, 422, "validation_failed", "Some fields are not valid.", in.errors);
        }
        s.store.write(
            [&](SQLite::Database& db) { CatalogRepository::upsert_holiday(db, in.holiday); });
        send_holidays(s.store, res, 201);
      });
  router.staff("DELETE", R"(/api/v1/admin/holidays/(\d{4}-\d{2}-\d{2}))", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Principal&) {
                 const auto date = parse_iso_date(req.matches[1].str());
                 bool removed = false;
                 if (date) {
                   s.store.write([&](SQLite::Database& db) {
                     removed = CatalogRepository::remove_holiday(db, *date);
                   });
                 }
                 if (!removed) {
                   return send_error(res, 404, "holiday_not_found", "No holiday on that date.");
                 }
                 send_holidays(s.store, res, 200);
               });
  router.staff(
      "GET", "/api/v1/admin/notifications", kSystemAdmin,
      [&s](const httplib::Request& req, httplib::Response& res, const Principal&) {
        const std::string status =
            req.has_param("status") ? req.get_param_value("status") : "failed";
        if (status != "failed" && status != "pending" && status != "sent") {
          return send_error(res, 400, "bad_status", "status is failed, pending or sent.");
        }
        std::vector<OutboxMessage> list;
        s.store.read([&](SQLite::Database& db) { list = OutboxRepository::list(db, status, 200); });
        send_json(res, 200, notifications_json(list, s.reports.settings().utc_offset_minutes));
      });
  router.staff("POST", R"(/api/v1/admin/notifications/(\d{1,18})/retry)", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Principal&) {
                 bool queued = false;
                 s.store.write([&](SQLite::Database& db) {
                   queued = OutboxRepository::retry_now(db, std::stoll(req.matches[1].str()),
                                                        s.clock.now_unix());
                 });
                 if (!queued) {
                   return send_error(res, 404, "notification_not_found",
                                     "No failed notification has this id.");
                 }
                 s.sender.wake();
                 send_json(res, 200, R"({"status":"pending"})");
               });
  router.staff("GET", "/api/v1/admin/api-keys", kSystemAdmin,
               [&s](const httplib::Request&, httplib::Response& res, const Principal&) {
                 std::vector<ApiKey> keys;
                 s.store.read([&](SQLite::Database& db) { keys = ApiKeyRepository::list(db); });
                 nlohmann::json out = nlohmann::json::array();
                 for (const ApiKey& k : keys)
                   out.push_back(api_key_json(k, s.reports.settings().utc_offset_minutes));
                 send_json(res, 200, out.dump());
               });
  router.staff(
      "POST", "/api/v1/admin/api-keys", kSystemAdmin,
      [&s](const httplib::Request& req, httplib::Response& res, const Principal&) {
        if (!require_json(req, res)) return;
        const DecodedApiKey in = decode_api_key_json(req.body);
        if (in.malformed) return send_error(res, 400, "malformed_json", in.problem);
        if (!in.errors.empty()) {
          return send_error(res, 422, "validation_failed",
                            "Name the key (at most 100 characters) and give its scopes: a list "
                            "of open311 and metrics.",
                            in.errors);
        }
        ApiKey created;
        std::string key;
        s.store.write([&](SQLite::Database& db) {
          key = ApiKeyRepository::create(db, in.name, in.scopes, s.clock.now_unix(), &created);
        });
        nlohmann::json out = api_key_json(created, s.reports.settings().utc_offset_minutes);
        out["key"] = key;  // shown once: only its digest is stored
        res.set_header("Cache-Control", "no-store");
        send_json(res, 201, out.dump());
      });
  router.staff("DELETE", R"(/api/v1/admin/api-keys/(\d{1,18}))", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Principal&) {
                 bool revoked = false;
                 s.store.write([&](SQLite::Database& db) {
                   revoked = ApiKeyRepository::revoke(db, std::stoll(req.matches[1].str()),
                                                      s.clock.now_unix());
                 });
                 if (!revoked)
                   return send_error(res, 404, "api_key_not_found", "No active key has this id.");
                 res.status = 204;
               });
  router.staff("POST", "/api/v1/admin/holidays/import", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Principal& p) {
                 if (req.get_header_value("Content-Type").rfind("text/csv", 0) != 0) {
                   return send_error(res, 415, "unsupported_media_type",
                                     "Send the holiday list as text/csv.");
                 }
                 const HolidayCsv csv = parse_holiday_csv(req.body);
                 if (!csv.errors.empty()) {
                   return send_error(res, 422, "validation_failed",
                                     "Some lines are not valid; nothing was imported.", csv.errors);
                 }
                 // All or nothing: a half-imported calendar would move deadlines silently.
                 s.store.write([&](SQLite::Database& db) {
                   SQLite::Transaction tx(db);
                   for (const Holiday& h : csv.holidays) CatalogRepository::upsert_holiday(db, h);
                   // An admin's own list of a year is that year confirmed.
                   for (int year : holiday_csv_years(csv.holidays)) {
                     CatalogRepository::confirm_holiday_year(db, year, p.username,
                                                             s.clock.now_unix());
                   }
                   tx.commit();
                 });
                 send_holidays(s.store, res, 200);
               });
}

}  // namespace aduan

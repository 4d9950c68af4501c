#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>

#include "catalog_repository.h"
#include "holiday_csv.h"
#include "http_errors.h"
#include "json_staff.h"
#include "route_helpers.h"
#include "router.h"
#include "routes.h"
#include "store.h"

namespace aduan {
namespace {

const uint8_t kSystemAdmin = role_mask({Role::kSystemAdmin});

void send_holidays(Store& store, httplib::Response& res, int status) {
  std::vector<Holiday> holidays;
  store.read([&](SQLite::Database& db) { holidays = CatalogRepository::holidays(db); });
  send_json(res, status, holidays_json(holidays));
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
  router.staff("POST", "/api/v1/admin/holidays/import", kSystemAdmin,
               [&s](const httplib::Request& req, httplib::Response& res, const Principal&) {
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
                   tx.commit();
                 });
                 send_holidays(s.store, res, 200);
               });
}

}  // namespace aduan

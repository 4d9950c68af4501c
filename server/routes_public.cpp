#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>

#include "catalog_repository.h"
#include "http_errors.h"
#include "json_codec.h"
#include "report_service.h"
#include "routes.h"
#include "store.h"

namespace aduan {
namespace {

bool is_json_request(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  return type.rfind("application/json", 0) == 0;
}

void submit_report(ReportService& reports, const httplib::Request& req, httplib::Response& res) {
  // Requiring the JSON type also keeps other sites' plain HTML forms from posting here.
  if (!is_json_request(req)) {
    return send_error(res, 415, "unsupported_media_type", "Send the report as application/json.");
  }
  DecodedReport decoded = decode_report_json(req.body);
  if (decoded.malformed) return send_error(res, 400, "malformed_json", decoded.problem);
  const SubmitOutcome outcome = reports.submit(decoded.input, std::move(decoded.errors));
  if (!outcome.errors.empty()) {
    return send_error(res, 422, "validation_failed", "Some fields are not valid.", outcome.errors);
  }
  res.set_header("Location", "/api/v1/reports/" + outcome.tracking_id);
  send_json(res, 201, submit_response_json(outcome, reports.settings().utc_offset_minutes));
}

void track_report(ReportService& reports, const httplib::Request& req, httplib::Response& res) {
  const TrackOutcome outcome = reports.track(req.matches[1].str());
  switch (outcome.id_error) {
    case TrackingIdError::kNone:
      break;
    case TrackingIdError::kBadCheckCharacter:
      return send_error(res, 400, "bad_check_character",
                        "This tracking ID has a typing error; check each character.");
    default:
      return send_error(res, 400, "invalid_tracking_id",
                        "A tracking ID has nine letters and digits, like K7M-2QX-9PA.");
  }
  if (!outcome.view) {
    return send_error(res, 404, "report_not_found", "No report has this tracking ID.");
  }
  // Tracking answers change with every action on the report.
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, report_view_json(*outcome.view, reports.settings().utc_offset_minutes));
}

}  // namespace

void register_public_routes(httplib::Server& server, ReportService& reports, Store& store) {
  server.Post("/api/v1/reports", [&reports](const httplib::Request& req, httplib::Response& res) {
    submit_report(reports, req, res);
  });
  server.Get(R"(/api/v1/reports/([^/]{1,64}))",
             [&reports](const httplib::Request& req, httplib::Response& res) {
               track_report(reports, req, res);
             });
  server.Get("/api/v1/categories", [&store](const httplib::Request&, httplib::Response& res) {
    std::vector<Category> categories;
    std::vector<Agency> agencies;
    store.read([&](SQLite::Database& db) {
      categories = CatalogRepository::active_categories(db);
      agencies = CatalogRepository::active_agencies(db);
    });
    send_json(res, 200, categories_json(categories, agencies));
  });
  server.Get("/api/v1/agencies", [&store](const httplib::Request&, httplib::Response& res) {
    std::vector<Agency> agencies;
    store.read([&](SQLite::Database& db) { agencies = CatalogRepository::active_agencies(db); });
    send_json(res, 200, agencies_json(agencies));
  });
  server.Get("/healthz", [&store](const httplib::Request&, httplib::Response& res) {
    const int version = store.schema_version();
    res.set_header("Cache-Control", "no-store");
    send_json(res, 200, R"({"status":"ok","schema_version":)" + std::to_string(version) + "}");
  });
}

}  // namespace aduan

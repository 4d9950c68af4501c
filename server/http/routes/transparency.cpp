#include <httplib.h>

#include "base/csv.h"
#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/catalogue_service.h"
#include "services/dashboard_service.h"
#include "services/report_service.h"
#include "services/transparency_service.h"

namespace aduan {
namespace {

using json_support::json;

// The JSON of one page of the public list (the status, if any, is known to be valid).
std::string public_reports_json(const Services& s, const httplib::Request& req) {
  PublicListQuery q;
  q.words = req.get_param_value("q").substr(0, 200);
  if (req.has_param("status")) q.status = parse_status(req.get_param_value("status"));
  if (req.has_param("category")) q.category = req.get_param_value("category");
  if (req.has_param("agency")) q.agency = req.get_param_value("agency");
  const int per_page = int_param(req, "per_page", 20, 1, 100);
  const int page = int_param(req, "page", 1, 1, 100000);
  q.limit = per_page;
  q.offset = (page - 1) * per_page;
  const PublicListPage found = s.transparency.list(q);
  const int64_t total = found.total;
  json items = json::array();
  for (const ReportView& v : found.items) {
    json item = json_support::public_report_json(v, s.reports.settings().utc_offset_minutes,
                                                 json_support::Content::kPublic);
    item.erase("body");  // the list shows titles; the whole text is on the report's page
    items.push_back(std::move(item));
  }
  return json_support::dump(json{{"items", std::move(items)},
                                 {"total", total},
                                 {"total_exceeds_limit", total > kCountLimit},
                                 {"page", page},
                                 {"per_page", per_page}});
}

// Public, the same for everyone: an answer a few seconds old (--monitoring-cache) is served
// again rather than listing and counting the public reports anew for every visitor.
void public_reports(const Services& s, const httplib::Request& req, httplib::Response& res) {
  std::string key;
  for (const char* name : {"q", "status", "category", "agency", "page", "per_page"}) {
    key += std::string(name) + "=" + req.get_param_value(name).substr(0, 200) + "&";
  }
  // Checked before the cache, so that only good answers are kept.
  if (req.has_param("status") && !parse_status(req.get_param_value("status"))) {
    return send_error(res, "unknown_status", "There is no such status.");
  }
  send_json(res, 200, s.dashboard.public_list(key, [&] { return public_reports_json(s, req); }));
}

// The statistics of the period the request asks for, or nullopt (and a 400 written).
std::optional<json> collect_stats(const Services& s, const httplib::Request& req,
                                  httplib::Response& res) {
  const int offset = s.reports.settings().utc_offset_minutes;
  // The period in the deployment's dates: [from, to], both days included.
  const auto period = read_period(req, res, Date{0}, local_date(s.clock.now_unix(), offset));
  if (!period) return std::nullopt;
  const Date* from = &period->first;
  const Date* to = &period->second;
  const auto catalogue = s.catalogue.catalogue();
  const PublicStats st = s.dashboard.public_stats(*from, *to);
  json categories = json::array();
  for (const Category& c : catalogue->categories) {
    const auto it = st.by_category.find(c.id);
    categories.push_back({{"code", c.code},
                          {"name", c.name},
                          {"count", it == st.by_category.end() ? 0 : it->second}});
  }
  json agencies = json::array();
  for (const Agency& a : catalogue->agencies) {
    const auto it = st.by_agency.find(a.id);
    if (it != st.by_agency.end())
      agencies.push_back({{"code", a.code}, {"name", a.name}, {"count", it->second}});
  }
  return json{{"from", format_iso_date(*from)},
              {"to", format_iso_date(*to)},
              {"total", st.total},
              {"closed", st.finished},
              {"by_status", st.by_status},
              {"by_classification", st.by_classification},
              {"by_channel", st.by_channel},
              {"by_category", std::move(categories)},
              {"by_agency", std::move(agencies)},
              {"rating", {{"count", st.ratings}, {"average", st.rating_average}}}};
}

void public_stats(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const auto stats = collect_stats(s, req, res);
  if (!stats) return;
  res.set_header("Cache-Control", "public, max-age=60");
  send_json(res, 200, json_support::dump(*stats));
}

// The same numbers as rows of (dimension, code, name, count), for spreadsheets.
void public_stats_csv(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const auto stats = collect_stats(s, req, res);
  if (!stats) return;
  std::string out = std::string(kCsvBom) + csv_line({"dimension", "code", "name", "count"});
  out += csv_line({"total", "", "", std::to_string((*stats)["total"].get<int64_t>())});
  for (const char* dimension : {"by_status", "by_classification", "by_channel"}) {
    for (const auto& [code, count] : (*stats)[dimension].items()) {
      out += csv_line({dimension, code, "", std::to_string(count.get<int64_t>())});
    }
  }
  for (const char* dimension : {"by_category", "by_agency"}) {
    for (const json& row : (*stats)[dimension]) {
      out += csv_line(
          {dimension, row["code"], row["name"], std::to_string(row["count"].get<int64_t>())});
    }
  }
  res.set_header("Content-Disposition", "attachment; filename=\"aduan-statistics.csv\"");
  res.set_content(out, "text/csv; charset=utf-8");
}

}  // namespace

void register_transparency_routes(Router& router, const Services& s) {
  router.open(
      "GET", "/api/v1/public/reports",
      [&s](const httplib::Request& req, httplib::Response& res) { public_reports(s, req, res); });
  router.open(
      "GET", "/api/v1/public/stats",
      [&s](const httplib::Request& req, httplib::Response& res) { public_stats(s, req, res); });
  router.open(
      "GET", "/api/v1/public/stats.csv",
      [&s](const httplib::Request& req, httplib::Response& res) { public_stats_csv(s, req, res); });
}

}  // namespace aduan

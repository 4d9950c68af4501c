#include <httplib.h>

#include <nlohmann/json.hpp>

#include "dashboard_service.h"
#include "http_errors.h"
#include "json_support.h"
#include "route_helpers.h"
#include "router.h"
#include "routes.h"

namespace aduan {
namespace {

using nlohmann::json;

json dashboard_json(const Dashboard& d, const DashboardQuery& q) {
  json stages = json::array();
  for (const StageMetric& m : d.stages) {
    stages.push_back({{"stage", m.stage},
                      {"ended", m.ended},
                      {"on_time", m.on_time},
                      {"on_time_share", m.ended ? double(m.on_time) / double(m.ended) : 0.0},
                      {"median_working_days", m.median_days},
                      {"p90_working_days", m.p90_days}});
  }
  json agencies = json::array();
  for (const AgencyRow& a : d.agencies) {
    agencies.push_back({{"code", a.agency.code},
                        {"name", a.agency.name},
                        {"stages_ended", a.stages_ended},
                        {"stages_on_time", a.stages_on_time},
                        {"open", a.open},
                        {"overdue", a.overdue},
                        {"colour", a.colour}});
  }
  json overdue = json::array();
  for (const OverdueRow& o : d.overdue) {
    overdue.push_back({{"tracking_id", o.tracking_id},
                       {"title", o.title},
                       {"agency", o.agency},
                       {"status", o.status},
                       {"stage", o.stage},
                       {"due", format_iso_date(o.due)}});
  }
  auto trend = [](const std::vector<TrendPoint>& points) {
    json out = json::array();
    for (const TrendPoint& p : points) {
      out.push_back({{"period", p.period}, {"submitted", p.submitted}, {"closed", p.closed}});
    }
    return out;
  };
  json repeated = json::array();
  for (const RepeatCluster& c : d.repeated) {
    repeated.push_back({{"tracking_id", c.tracking_id},
                        {"title", c.title},
                        {"agency", c.agency},
                        {"category", c.category},
                        {"status", c.status},
                        {"size", c.size}});
  }
  json groups = json::array();
  for (const RepeatGroup& g : d.repeated_groups) {
    groups.push_back({{"agency", g.agency},
                      {"category", g.category},
                      {"clusters", g.clusters},
                      {"reports", g.reports}});
  }
  json spread = json::object();
  for (const auto& [score, n] : d.rating_spread) spread[std::to_string(score)] = n;
  return json{
      {"from", format_iso_date(q.from)},
      {"to", format_iso_date(q.to)},
      {"total", d.total},
      {"by_status", d.by_status},
      {"by_classification", d.by_classification},
      {"by_channel", d.by_channel},
      {"by_category", d.by_category},
      {"by_agency", d.by_agency},
      {"stages", stages},
      {"agencies", agencies},
      {"overdue", {{"total", d.overdue_total}, {"items", overdue}}},
      {"satisfaction", {{"count", d.ratings}, {"average", d.rating_average}, {"spread", spread}}},
      {"trend", {{"weeks", trend(d.weeks)}, {"months", trend(d.months)}}},
      {"repeated", {{"clusters", repeated}, {"by_agency_and_category", groups}}}};
}

}  // namespace

void register_dashboard_routes(Router& router, const Services& s) {
  router.staff(
      "GET", "/api/v1/staff/dashboard",
      role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer, Role::kSupervisor}),
      [&s](const httplib::Request& req, httplib::Response& res, const Principal& p) {
        DashboardQuery q;
        const Date today = s.dashboard.today();
        const auto period = read_period(req, res, Date{today.days - 29}, today);
        if (!period) return;
        q.from = period->first;
        q.to = period->second;
        q.agency = req.get_param_value("agency");
        q.category = req.get_param_value("category");
        send_json(res, 200, json_support::dump(dashboard_json(s.dashboard.build(p, q), q)));
      });
}

}  // namespace aduan

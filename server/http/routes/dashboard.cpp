#include <httplib.h>

#include <nlohmann/json.hpp>

#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/caller.h"
#include "services/dashboard_service.h"

namespace aduan {
namespace {

using nlohmann::json;

// What each figure counts and over which days, so that a page can say it beside the figure:
// "filed" figures are of the reports filed from `from` to `to` (in the state they are in
// today); "ended" of the stages that ended on those days; "today" figures are of every report
// in scope as it stands today, whenever it was filed; "any" whenever filed or ended.
json figures_json() {
  auto figure = [](const char* counts, const char* period) {
    return json{{"counts", counts}, {"period", period}};
  };
  return json{{"total", figure("filed", "range")},
              {"by_status", figure("filed_by_status_today", "range")},
              {"by_category", figure("filed", "range")},
              {"satisfaction", figure("rated_of_filed", "range")},
              {"stages", figure("stages_ended", "range")},
              {"compliance", figure("agency_stages_ended", "range")},
              {"open", figure("open", "today")},
              {"overdue", figure("overdue", "today")},
              {"trend", figure("filed_and_closed", "range")},
              {"repeated", figure("followed", "any")}};
}

// Long because the dashboard has many figures: each is written out with what it counts, in
// the order the page shows them.
json dashboard_json(const Dashboard& d, const DashboardQuery& q, const Caller& p, Date today) {
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
                        {"escalated", a.escalated},
                        {"colour", a.colour}});
  }
  auto date_or_null = [](const std::optional<Date>& day) {
    return day ? json(format_iso_date(*day)) : json(nullptr);
  };
  auto late = [&](const std::vector<OverdueRow>& rows) {
    json out = json::array();
    for (const OverdueRow& o : rows) {
      out.push_back({{"tracking_id", o.tracking_id},
                     {"title", o.title},
                     {"agency", o.agency},
                     {"status", o.status},
                     {"stage", o.stage},
                     {"due", date_or_null(o.due)},
                     {"filed", format_iso_date(o.filed)},
                     {"escalated", date_or_null(o.escalated)}});
    }
    return out;
  };
  auto trend = [](const std::vector<TrendPoint>& points) {
    json out = json::array();
    for (const TrendPoint& p : points) {
      out.push_back({{"period", p.period},
                     {"from", format_iso_date(p.from)},
                     {"to", format_iso_date(p.to)},
                     {"submitted", p.submitted},
                     {"closed", p.closed}});
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
  const ReportScope reach = report_scope(p);
  const bool own_agency = reach.agencies && !reach.none;
  return json{
      {"from", format_iso_date(q.from)},
      {"to", format_iso_date(q.to)},
      // Which reports the figures are of: the agency asked for (with its units), within the
      // viewer's own agency and units for the agency roles; the category asked for.
      {"scope",
       {{"from", format_iso_date(q.from)},
        {"to", format_iso_date(q.to)},
        {"today", format_iso_date(today)},
        {"agency", q.agency},
        {"own_agency_only", own_agency},
        {"category", q.category}}},
      {"figures", figures_json()},
      // An agency's compliance: of its first response and resolution stages that ended in
      // the period, the share that ended on or before the due day (the core's working days
      // and holidays); stages still running are not in it (their lateness is in `overdue`).
      {"compliance",
       {{"stages", {"first_response", "resolution"}},
        {"on_time", "ended_on_or_before_due"},
        {"green_from", kComplianceGreen},
        {"amber_from", kComplianceAmber}}},
      {"total", d.total},
      {"open", d.open_now},
      {"by_status", d.by_status},
      {"by_classification", d.by_classification},
      {"by_channel", d.by_channel},
      {"by_category", d.by_category},
      {"by_agency", d.by_agency},
      {"stages", std::move(stages)},
      {"agencies", std::move(agencies)},
      {"overdue",
       {{"total", d.overdue_total},
        {"past_due", d.overdue_past_due},
        {"escalated", d.escalated},
        {"items", late(d.overdue)},
        {"escalated_items", late(d.escalated_rows)}}},
      {"satisfaction", {{"count", d.ratings}, {"average", d.rating_average}, {"spread", spread}}},
      {"trend", {{"weeks", trend(d.weeks)}, {"months", trend(d.months)}}},
      {"repeated",
       {{"clusters", std::move(repeated)}, {"by_agency_and_category", std::move(groups)}}}};
}

}  // namespace

void register_dashboard_routes(Router& router, const Services& s) {
  router.staff(
      "GET", "/api/v1/staff/dashboard",
      role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer, Role::kSupervisor}),
      [&s](const httplib::Request& req, httplib::Response& res, const Caller& p) {
        DashboardQuery q;
        const Date today = s.dashboard.today();
        const auto period = read_period(req, res, Date{today.days - 29}, today);
        if (!period) return;
        q.from = period->first;
        q.to = period->second;
        q.agency = req.get_param_value("agency");
        q.category = req.get_param_value("category");
        send_json(res, 200,
                  json_support::dump(dashboard_json(s.dashboard.build(p, q), q, p, today)));
      });
}

}  // namespace aduan

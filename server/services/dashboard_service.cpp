#include "services/dashboard_service.h"

#include <algorithm>

#include "services/auth_service.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/prepared.h"
#include "store/tallies.h"

namespace aduan {
namespace {

// The statuses whose stage can be overdue; the partial index reports_late is on these.
constexpr const char* kLate = "('submitted', 'forwarded', 'in_progress', 'escalated')";
// Those of them whose lateness is their stage's due day (is_overdue in shared/deadlines.h);
// an escalated report is overdue by its status and counted as such, never twice.
constexpr const char* kLateByStage = "('submitted', 'forwarded', 'in_progress')";

// The value below which `share` of a histogram's weight lies (working days).
int percentile(const std::map<int, int64_t>& histogram, double share) {
  int64_t total = 0;
  for (const auto& [days, n] : histogram) total += n;
  if (total == 0) return 0;
  const int64_t rank = static_cast<int64_t>(share * static_cast<double>(total - 1));
  int64_t seen = 0;
  for (const auto& [days, n] : histogram) {
    seen += n;
    if (seen > rank) return days;
  }
  return histogram.rbegin()->first;
}

std::string in_list(const std::vector<int64_t>& ids) {
  std::string out = "(";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + (ids.empty() ? "NULL)" : ")");
}

}  // namespace

std::string compliance_colour(int64_t ended, int64_t on_time) {
  if (ended == 0) return "none";  // nothing to judge: not green for an agency that never answers
  const double share = static_cast<double>(on_time) / static_cast<double>(ended);
  return share >= kComplianceGreen ? "green" : share >= kComplianceAmber ? "amber" : "red";
}

DashboardService::DashboardService(Store& store, const Clock& clock, ServiceSettings settings)
    : store_(store),
      clock_(clock),
      settings_(settings),
      dashboards_(std::chrono::milliseconds(settings.monitoring_cache_ms), 256),
      public_stats_(std::chrono::milliseconds(settings.monitoring_cache_ms), 64),
      public_lists_(std::chrono::milliseconds(settings.monitoring_cache_ms), 256) {}

Dashboard DashboardService::build(const Principal& p, const DashboardQuery& q) {
  // Everyone who sees the same part of the hierarchy shares an answer.
  std::string key = std::string(to_string(p.role)) + "|";
  if (const auto scope = report_scope(p).agencies) {
    for (int64_t id : *scope) key += std::to_string(id) + ",";
  }
  key += "|" + format_iso_date(q.from) + "|" + format_iso_date(q.to) + "|" + q.agency + "|" +
         q.category + "|" + format_iso_date(today());
  return dashboards_.get(key, [&] { return compute(p, q); });
}

PublicStats DashboardService::public_stats(Date from, Date to) {
  return public_stats_.get(format_iso_date(from) + "|" + format_iso_date(to), [&] {
    PublicStats s;
    store_.read([&](Db& db) { s = PublicRepository::stats(db, from, to); });
    return s;
  });
}

Date DashboardService::today() const {
  return local_date(clock_.now_unix(), settings_.utc_offset_minutes);
}

Dashboard DashboardService::compute(const Principal& p, const DashboardQuery& q) {
  Dashboard d;
  const Date now = today();
  store_.read([&](Db& db) {
    const auto agencies = CatalogRepository::active_agencies(db);
    const auto categories = CatalogRepository::active_categories(db);
    // Which agencies' reports count: the principal's part of the hierarchy, narrowed by
    // the agency asked for.
    std::optional<std::vector<int64_t>> scope = report_scope(p).agencies;
    if (!q.agency.empty()) {
      std::vector<int64_t> wanted;
      for (const Agency& a : agencies) {
        if (a.code == q.agency) wanted = agency_subtree(db, a.id);
      }
      if (scope) {
        std::erase_if(wanted, [&](int64_t id) {
          return std::find(scope->begin(), scope->end(), id) == scope->end();
        });
      }
      scope = wanted;
    }
    std::optional<int64_t> category;
    if (!q.category.empty()) {
      category = -1;
      for (const Category& c : categories) {
        if (c.code == q.category) category = c.id;
      }
    }
    const std::string filter = (scope ? " AND agency_id IN " + in_list(*scope) : "") +
                               (category ? " AND category_id = " + std::to_string(*category) : "");
    auto code_of_agency = [&](int64_t id) {
      for (const Agency& a : agencies) {
        if (a.id == id) return a.code;
      }
      return std::string();
    };

    // Counts of the reports created in the period, from the counters.
    const std::string cover = tallies::condition(tallies::cover(q.from, q.to));
    const tallies::ReportCounts counts = tallies::sum_reports(db, q.from, q.to, filter);
    d.total = counts.total;
    d.by_status = counts.by_status;
    d.by_classification = counts.by_classification;
    d.by_channel = counts.by_channel;
    d.rating_spread = counts.rating_spread;
    d.ratings = counts.ratings;
    d.rating_average = counts.rating_average;
    for (const auto& [id, n] : counts.by_category) {
      for (const Category& c : categories) {
        if (c.id == id) d.by_category[c.code] += n;
      }
    }
    for (const auto& [id, n] : counts.by_agency) d.by_agency[id ? code_of_agency(id) : ""] += n;

    // Stages that ended in the period: share on time, median and 90th percentile.
    std::map<std::string, std::map<int, int64_t>> histograms;
    std::map<std::string, StageMetric> stages;
    Prepared st(db, "SELECT stage, working_days, on_time, sum(n) FROM stage_tallies WHERE " +
                        cover + filter + " GROUP BY 1, 2, 3");
    while (st.executeStep()) {
      const std::string stage = st.getColumn(0).getString();
      const int64_t n = st.getColumn(3).getInt64();
      StageMetric& m = stages[stage];
      m.stage = stage;
      m.ended += n;
      if (st.getColumn(2).getInt()) m.on_time += n;
      histograms[stage][std::max(0, st.getColumn(1).getInt())] += n;
    }
    for (const char* name :
         {"verification", "first_response", "resolution", "citizen_confirmation"}) {
      StageMetric m = stages.count(name) ? stages[name] : StageMetric{name};
      m.median_days = percentile(histograms[name], 0.5);
      m.p90_days = percentile(histograms[name], 0.9);
      d.stages.push_back(m);
    }

    // Agencies ranked by the share of their own stages (first response, resolution) that
    // ended on time; the citizen's confirmation window is not the agency's to keep.
    std::map<int64_t, AgencyRow> rows;
    Prepared per(db, "SELECT agency_id, sum(n), sum(n * on_time) FROM stage_tallies WHERE " +
                         cover +
                         " AND agency_id != 0 AND stage IN ('first_response', "
                         "'resolution')" +
                         filter + " GROUP BY agency_id");
    while (per.executeStep()) {
      AgencyRow& row = rows[per.getColumn(0).getInt64()];
      row.stages_ended = per.getColumn(1).getInt64();
      row.stages_on_time = per.getColumn(2).getInt64();
    }
    // Open now (whenever created) and overdue today, per agency and in all. A report the
    // supervisor took over runs no clock but is overdue until it is resolved (the core's
    // is_overdue), so the escalated ones are counted from the status counters, whatever
    // their creation day, beside those whose stage is past its due day.
    std::string open_statuses = "(";
    for (int i = 0; i < kStatusCount; ++i) {
      const Status status = static_cast<Status>(i);
      if (!is_open(status)) continue;
      open_statuses += std::string(open_statuses.size() > 1 ? ", '" : "'") +
                       std::string(to_string(status)) + "'";
    }
    open_statuses += ")";
    const std::string escalated_status(to_string(Status::kEscalated));
    Prepared open(db,
                  "SELECT agency_id, value, sum(n) FROM report_tallies WHERE grain = 1 AND "
                  "dimension = 'status' AND value IN " +
                      open_statuses + filter + " GROUP BY 1, 2");
    while (open.executeStep()) {
      const int64_t agency = open.getColumn(0).getInt64();
      const std::string status = open.getColumn(1).getString();
      const int64_t n = open.getColumn(2).getInt64();
      if (!n) continue;
      d.open_now += n;
      if (status == escalated_status) d.escalated += n;
      if (agency == 0) continue;
      // Open at the agency: what it holds (a resolved report waits for its reporter).
      if (status == "forwarded" || status == "in_progress" || status == escalated_status) {
        rows[agency].open += n;
      }
      if (status == escalated_status) {
        rows[agency].escalated += n;
        rows[agency].overdue += n;
      }
    }
    Prepared overdue(db, std::string("SELECT agency_id, sum(n) FROM due_tallies WHERE "
                                     "due < ? AND status IN ") +
                             kLateByStage + " AND agency_id != 0" + filter + " GROUP BY agency_id");
    overdue.bind(1, format_iso_date(now));
    while (overdue.executeStep()) {
      if (overdue.getColumn(1).getInt64())
        rows[overdue.getColumn(0).getInt64()].overdue += overdue.getColumn(1).getInt64();
    }
    for (auto& [id, row] : rows) {
      for (const Agency& a : agencies) {
        if (a.id == id) row.agency = a;
      }
      if (row.agency.code.empty()) continue;
      row.colour = compliance_colour(row.stages_ended, row.stages_on_time);
      d.agencies.push_back(row);
    }
    // An agency with no stage ended in the period has no share to rank by: it comes after
    // those that have one (it used to rank first, as if all on time), the most overdue first.
    std::sort(d.agencies.begin(), d.agencies.end(), [](const AgencyRow& a, const AgencyRow& b) {
      if ((a.stages_ended == 0) != (b.stages_ended == 0)) return b.stages_ended == 0;
      if (a.stages_ended == 0) return a.overdue > b.overdue;
      const double sa = double(a.stages_on_time) / double(a.stages_ended);
      const double sb = double(b.stages_on_time) / double(b.stages_ended);
      return sa != sb ? sa > sb : a.overdue < b.overdue;
    });

    // What is late now, whenever filed: the stages past their due day, the most overdue
    // first, and the escalated reports, the longest held first. An officer may open only the
    // reports assigned to them (can_read_report): the lists that name reports are left out
    // of their answer, the counts stay.
    const bool name_reports = p.role != Role::kAgencyOfficer;
    auto agency_name = [&](const SQLite::Column& column) {
      if (!column.isNull()) {
        for (const Agency& a : agencies) {
          if (a.id == column.getInt64()) return a.name;
        }
      }
      return std::string();
    };
    const std::string late = std::string(" FROM reports WHERE status IN ") + kLate +
                             " AND stage != 'none' AND stage_due < ?" + filter + " AND status IN " +
                             kLateByStage;
    Prepared late_count(db, std::string("SELECT coalesce(sum(n), 0) FROM due_tallies "
                                        "WHERE due < ? AND status IN ") +
                                kLateByStage + filter);
    late_count.bind(1, format_iso_date(now));
    late_count.executeStep();
    d.overdue_past_due = late_count.getColumn(0).getInt64();
    d.overdue_total = d.overdue_past_due + d.escalated;
    Prepared late_rows(db,
                       "SELECT tracking_id, title, agency_id, status, stage, stage_due, "
                       "created_at" +
                           late + " ORDER BY stage_due LIMIT 20");
    late_rows.bind(1, format_iso_date(now));
    while (name_reports && late_rows.executeStep()) {
      OverdueRow row;
      row.tracking_id = format_tracking_id(late_rows.getColumn(0).getString());
      row.title = late_rows.getColumn(1).getString();
      row.agency = agency_name(late_rows.getColumn(2));
      row.status = late_rows.getColumn(3).getString();
      row.stage = late_rows.getColumn(4).getString();
      row.due = parse_iso_date(late_rows.getColumn(5).getString());
      row.filed = local_date(late_rows.getColumn(6).getInt64(), settings_.utc_offset_minutes);
      d.overdue.push_back(row);
    }
    Prepared held(db,
                  "SELECT id, tracking_id, title, agency_id, created_at FROM reports "
                  "WHERE status = ?" +
                      filter + " ORDER BY created_at LIMIT 20");
    held.bind(1, escalated_status);
    Prepared taken_over(db,
                        "SELECT max(at) FROM report_events WHERE report_id = ? AND "
                        "to_status = ? AND from_status IS NOT to_status");
    while (name_reports && held.executeStep()) {
      OverdueRow row;
      row.tracking_id = format_tracking_id(held.getColumn(1).getString());
      row.title = held.getColumn(2).getString();
      row.agency = agency_name(held.getColumn(3));
      row.status = escalated_status;
      row.stage = std::string(to_string(Stage::kNone));
      row.filed = local_date(held.getColumn(4).getInt64(), settings_.utc_offset_minutes);
      taken_over.reset();
      taken_over.bind(1, held.getColumn(0).getInt64());
      taken_over.bind(2, escalated_status);
      if (taken_over.executeStep() && !taken_over.getColumn(0).isNull()) {
        row.escalated =
            local_date(taken_over.getColumn(0).getInt64(), settings_.utc_offset_minutes);
      }
      d.escalated_rows.push_back(row);
    }

    // Repeated problems: the reports with followers (few; a partial index holds them).
    auto code_of_category = [&](int64_t id) {
      for (const Category& c : categories) {
        if (c.id == id) return c.code;
      }
      return std::string();
    };
    Prepared clusters(db,
                      "SELECT tracking_id, title, agency_id, category_id, status, followers "
                      "FROM reports WHERE followers > 0" +
                          filter + " ORDER BY followers DESC LIMIT 20");
    while (name_reports && clusters.executeStep()) {
      RepeatCluster c;
      c.tracking_id = format_tracking_id(clusters.getColumn(0).getString());
      c.title = clusters.getColumn(1).getString();
      if (!clusters.getColumn(2).isNull())
        c.agency = code_of_agency(clusters.getColumn(2).getInt64());
      c.category = code_of_category(clusters.getColumn(3).getInt64());
      c.status = clusters.getColumn(4).getString();
      c.size = 1 + clusters.getColumn(5).getInt64();
      d.repeated.push_back(c);
    }
    Prepared groups(db,
                    "SELECT agency_id, category_id, count(*), sum(followers) FROM reports "
                    "WHERE followers > 0" +
                        filter + " GROUP BY 1, 2 ORDER BY 4 DESC");
    while (groups.executeStep()) {
      RepeatGroup g;
      if (!groups.getColumn(0).isNull()) g.agency = code_of_agency(groups.getColumn(0).getInt64());
      g.category = code_of_category(groups.getColumn(1).getInt64());
      g.clusters = groups.getColumn(2).getInt64();
      g.reports = g.clusters + groups.getColumn(3).getInt64();
      d.repeated_groups.push_back(g);
    }

    // Trends: submitted by the day of creation, closed by the day of closing; weeks start on
    // Monday. Months come from the month counters, weeks from the day counters.
    auto trend = [&](int grain, std::vector<TrendPoint>* out) {
      std::map<std::string, TrendPoint> points;
      const auto ranges = grain == 0 ? std::vector{tallies::Range{0, q.from.days, q.to.days}}
                                     : tallies::cover(q.from, q.to);
      for (const tallies::Range& r : ranges) {
        const bool days = r.grain == 0;
        // One dimension at a time, so that the covering index report_tallies_dimension
        // answers without reading the other counters of each day.
        for (const auto& [dimension, value] :
             {std::pair{"submitted", ""}, std::pair{"entered", "closed"}}) {
          Prepared s(db,
                     "SELECT period, sum(n) FROM report_tallies WHERE grain = ? AND "
                     "dimension = ? AND value = ? AND period BETWEEN ? AND ?" +
                         filter + " GROUP BY 1");
          s.bind(1, r.grain);
          s.bind(2, dimension);
          s.bind(3, value);
          s.bind(4, r.first);
          s.bind(5, r.last);
          while (s.executeStep()) {
            const int64_t period = s.getColumn(0).getInt64();
            std::string key;
            if (grain == 1) {
              const Date day =
                  days ? Date{static_cast<int32_t>(period)} : tallies::first_day_of_month(period);
              key = format_iso_date(day).substr(0, 7);
            } else {
              const Date day{static_cast<int32_t>(period)};
              key = format_iso_date(Date{day.days - iso_weekday(day)});
            }
            TrendPoint& point = points[key];
            point.period = key;
            (std::string_view(dimension) == "submitted" ? point.submitted : point.closed) +=
                s.getColumn(1).getInt64();
          }
        }
      }
      // Every week or month of the period, also those with nothing, each with the days of
      // the period it covers.
      Date start = q.from;
      while (start.days <= q.to.days) {
        Date end;
        std::string key;
        if (grain == 1) {
          const int64_t month = tallies::month_of(start);
          key = format_iso_date(tallies::first_day_of_month(month)).substr(0, 7);
          end = Date{tallies::first_day_of_month(month + 1).days - 1};
        } else {
          const Date monday{start.days - iso_weekday(start)};
          key = format_iso_date(monday);
          end = Date{monday.days + 6};
        }
        end = Date{std::min(end.days, q.to.days)};
        TrendPoint point = points.count(key) ? points[key] : TrendPoint{};
        point.period = key;
        point.from = start;
        point.to = end;
        out->push_back(point);
        start = Date{end.days + 1};
      }
    };
    trend(0, &d.weeks);
    trend(1, &d.months);
  });
  return d;
}

}  // namespace aduan

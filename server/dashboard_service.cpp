#include "dashboard_service.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "auth_service.h"

namespace aduan {
namespace {

constexpr const char* kOpenAtAgency = "('forwarded', 'in_progress', 'escalated')";

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
  if (ended == 0) return "green";
  const double share = static_cast<double>(on_time) / static_cast<double>(ended);
  return share >= 0.9 ? "green" : share >= 0.7 ? "amber" : "red";
}

DashboardService::DashboardService(Store& store, const Clock& clock, ServiceSettings settings)
    : store_(store), clock_(clock), settings_(settings) {}

Date DashboardService::today() const {
  return local_date(clock_.now_unix(), settings_.utc_offset_minutes);
}

Dashboard DashboardService::build(const Principal& p, const DashboardQuery& q) {
  Dashboard d;
  const int64_t offset = int64_t{settings_.utc_offset_minutes} * 60;
  const int64_t start = int64_t{q.from.days} * 86400 - offset;
  const int64_t end = (int64_t{q.to.days} + 1) * 86400 - offset - 1;
  const Date now = today();
  store_.read([&](SQLite::Database& db) {
    const auto agencies = CatalogRepository::active_agencies(db);
    const auto categories = CatalogRepository::active_categories(db);
    // Which agencies' reports count: the principal's part of the hierarchy, narrowed by
    // the agency asked for.
    std::optional<std::vector<int64_t>> scope;
    if (p.role == Role::kAgencyAdmin || p.role == Role::kAgencyOfficer) scope = p.agency_scope;
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

    // Counts of the reports created in the period, every dimension from one grouped scan.
    SQLite::Statement counts(db,
                             "SELECT status, classification, channel, category_id, agency_id, "
                             "count(*) FROM reports WHERE created_at BETWEEN ? AND ?" +
                                 filter + " GROUP BY 1, 2, 3, 4, 5");
    counts.bind(1, start);
    counts.bind(2, end);
    while (counts.executeStep()) {
      const int64_t n = counts.getColumn(5).getInt64();
      d.total += n;
      d.by_status[counts.getColumn(0).getString()] += n;
      d.by_classification[counts.getColumn(1).getString()] += n;
      d.by_channel[counts.getColumn(2).getString()] += n;
      for (const Category& c : categories) {
        if (c.id == counts.getColumn(3).getInt64()) d.by_category[c.code] += n;
      }
      d.by_agency[counts.getColumn(4).isNull() ? ""
                                               : code_of_agency(counts.getColumn(4).getInt64())] +=
          n;
    }

    // Stages that ended in the period: share on time, median and 90th percentile.
    std::map<std::string, std::map<int, int64_t>> histograms;
    std::map<std::string, StageMetric> stages;
    SQLite::Statement st(db,
                         "SELECT stage, working_days, on_time, count(*) FROM stage_records "
                         "WHERE ended_at BETWEEN ? AND ?" +
                             filter + " GROUP BY 1, 2, 3");
    st.bind(1, start);
    st.bind(2, end);
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
    SQLite::Statement per(db,
                          "SELECT agency_id, count(*), sum(on_time) FROM stage_records "
                          "WHERE ended_at BETWEEN ? AND ? AND agency_id IS NOT NULL AND "
                          "stage IN ('first_response', 'resolution')" +
                              filter + " GROUP BY agency_id");
    per.bind(1, start);
    per.bind(2, end);
    while (per.executeStep()) {
      AgencyRow& row = rows[per.getColumn(0).getInt64()];
      row.stages_ended = per.getColumn(1).getInt64();
      row.stages_on_time = per.getColumn(2).getInt64();
    }
    SQLite::Statement open(db, std::string("SELECT agency_id, count(*), sum(stage != 'none' AND "
                                           "stage_due < ?) FROM reports WHERE status IN ") +
                                   kOpenAtAgency + " AND agency_id IS NOT NULL" + filter +
                                   " GROUP BY agency_id");
    open.bind(1, format_iso_date(now));
    while (open.executeStep()) {
      AgencyRow& row = rows[open.getColumn(0).getInt64()];
      row.open = open.getColumn(1).getInt64();
      row.overdue = open.getColumn(2).getInt64();
    }
    for (auto& [id, row] : rows) {
      for (const Agency& a : agencies) {
        if (a.id == id) row.agency = a;
      }
      if (row.agency.code.empty()) continue;
      row.colour = compliance_colour(row.stages_ended, row.stages_on_time);
      d.agencies.push_back(row);
    }
    std::sort(d.agencies.begin(), d.agencies.end(), [](const AgencyRow& a, const AgencyRow& b) {
      const double sa = a.stages_ended ? double(a.stages_on_time) / a.stages_ended : 1.0;
      const double sb = b.stages_ended ? double(b.stages_on_time) / b.stages_ended : 1.0;
      return sa != sb ? sa > sb : a.overdue < b.overdue;
    });

    // What is late now, the latest first.
    const std::string late =
        " FROM reports WHERE status IN ('submitted', 'forwarded', "
        "'in_progress', 'escalated') AND stage != 'none' AND stage_due < ?" +
        filter;
    SQLite::Statement late_count(db, "SELECT count(*)" + late);
    late_count.bind(1, format_iso_date(now));
    late_count.executeStep();
    d.overdue_total = late_count.getColumn(0).getInt64();
    SQLite::Statement late_rows(
        db, "SELECT tracking_id, title, agency_id, status, stage, stage_due" + late +
                " ORDER BY stage_due LIMIT 20");
    late_rows.bind(1, format_iso_date(now));
    while (late_rows.executeStep()) {
      OverdueRow row;
      row.tracking_id = format_tracking_id(late_rows.getColumn(0).getString());
      row.title = late_rows.getColumn(1).getString();
      if (!late_rows.getColumn(2).isNull()) {
        for (const Agency& a : agencies) {
          if (a.id == late_rows.getColumn(2).getInt64()) row.agency = a.name;
        }
      }
      row.status = late_rows.getColumn(3).getString();
      row.stage = late_rows.getColumn(4).getString();
      row.due = parse_iso_date(late_rows.getColumn(5).getString()).value_or(Date{});
      d.overdue.push_back(row);
    }

    // Satisfaction: the average and how the scores spread.
    SQLite::Statement ratings(db,
                              "SELECT rating, count(*) FROM reports WHERE rating IS NOT NULL "
                              "AND created_at BETWEEN ? AND ?" +
                                  filter + " GROUP BY rating");
    ratings.bind(1, start);
    ratings.bind(2, end);
    int64_t sum = 0;
    while (ratings.executeStep()) {
      const int score = ratings.getColumn(0).getInt();
      const int64_t n = ratings.getColumn(1).getInt64();
      d.rating_spread[score] = n;
      d.ratings += n;
      sum += score * n;
    }
    d.rating_average = d.ratings ? static_cast<double>(sum) / static_cast<double>(d.ratings) : 0;

    // Trends: submitted by creation, closed by the day of closing; weeks start on Monday.
    auto trend = [&](const std::string& bucket, std::vector<TrendPoint>* out) {
      std::map<std::string, TrendPoint> points;
      SQLite::Statement sub(db, "SELECT " + bucket +
                                    ", count(*) FROM reports WHERE created_at "
                                    "BETWEEN ?2 AND ?3" +
                                    filter + " GROUP BY 1");
      SQLite::Statement closed(db,
                               "SELECT " + bucket +
                                   ", count(*) FROM (SELECT e.at AS created_at, "
                                   "r.agency_id, r.category_id FROM report_events e JOIN reports r "
                                   "ON r.id = e.report_id WHERE e.to_status = 'closed' AND "
                                   "e.from_status != 'closed' AND e.at BETWEEN ?2 AND ?3) WHERE 1" +
                                   filter + " GROUP BY 1");
      for (SQLite::Statement* s : {&sub, &closed}) {
        s->bind(1, offset);
        s->bind(2, start);
        s->bind(3, end);
        while (s->executeStep()) {
          TrendPoint& point = points[s->getColumn(0).getString()];
          point.period = s->getColumn(0).getString();
          (s == &sub ? point.submitted : point.closed) = s->getColumn(1).getInt64();
        }
      }
      for (auto& [period, point] : points) out->push_back(point);
    };
    trend(
        "date((created_at + ?1) / 86400 * 86400 - (((created_at + ?1) / 86400 + 3) % 7) * "
        "86400, 'unixepoch')",
        &d.weeks);
    trend("strftime('%Y-%m', created_at + ?1, 'unixepoch')", &d.months);
  });
  return d;
}

}  // namespace aduan

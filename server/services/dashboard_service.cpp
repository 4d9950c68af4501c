#include "services/dashboard_service.h"

#include <algorithm>

#include "services/auth_service.h"
#include "store/catalog_repository.h"
#include "store/dashboard_queries.h"
#include "store/db.h"
#include "store/public_repository.h"
#include "store/status_sql.h"
#include "store/tallies.h"

namespace aduan {
namespace {

namespace dq = dashboard_queries;

// How many reports each list that names them holds.
constexpr int kListed = 20;

// The catalogue's codes and names for the ids the store answers with.
struct Names {
  std::vector<Agency> agencies;
  std::vector<Category> categories;

  const Agency* agency(int64_t id) const {
    for (const Agency& a : agencies) {
      if (a.id == id) return &a;
    }
    return nullptr;
  }
  std::string agency_code(std::optional<int64_t> id) const {
    const Agency* a = id ? agency(*id) : nullptr;
    return a ? a->code : std::string();
  }
  std::string agency_name(std::optional<int64_t> id) const {
    const Agency* a = id ? agency(*id) : nullptr;
    return a ? a->name : std::string();
  }
  std::string category_code(int64_t id) const {
    for (const Category& c : categories) {
      if (c.id == id) return c.code;
    }
    return std::string();
  }
};

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

// Which reports count: the caller's part of the hierarchy, narrowed by the agency asked
// for (with its units), and the category asked for (one not in the catalogue matches none).
dq::Filter filter_of(Db& db, const Caller& p, const DashboardQuery& q, const Names& names) {
  dq::Filter f;
  f.agencies = report_scope(p).agencies;
  if (!q.agency.empty()) {
    std::vector<int64_t> wanted;
    for (const Agency& a : names.agencies) {
      if (a.code == q.agency) wanted = agency_subtree(db, a.id);
    }
    if (f.agencies) {
      std::erase_if(wanted, [&](int64_t id) {
        return std::find(f.agencies->begin(), f.agencies->end(), id) == f.agencies->end();
      });
    }
    f.agencies = wanted;
  }
  if (!q.category.empty()) {
    f.category = -1;
    for (const Category& c : names.categories) {
      if (c.code == q.category) f.category = c.id;
    }
  }
  return f;
}

// Counts of the reports created in the period, from the counters.
void add_counts(Dashboard& d, const tallies::ReportCounts& counts, const Names& names) {
  d.total = counts.total;
  d.by_status = counts.by_status;
  d.by_classification = counts.by_classification;
  d.by_channel = counts.by_channel;
  d.rating_spread = counts.rating_spread;
  d.ratings = counts.ratings;
  d.rating_average = counts.rating_average;
  for (const auto& [id, n] : counts.by_category) {
    for (const Category& c : names.categories) {
      if (c.id == id) d.by_category[c.code] += n;
    }
  }
  for (const auto& [id, n] : counts.by_agency) {
    d.by_agency[id ? names.agency_code(id) : ""] += n;
  }
}

// Stages that ended in the period: share on time, median and 90th percentile, every stage
// also when none of it ended.
std::vector<StageMetric> stage_metrics(const std::vector<dq::StageCount>& ended) {
  std::map<std::string, std::map<int, int64_t>> histograms;
  std::map<std::string, StageMetric> stages;
  for (const dq::StageCount& c : ended) {
    StageMetric& m = stages[c.stage];
    m.stage = c.stage;
    m.ended += c.n;
    if (c.on_time) m.on_time += c.n;
    histograms[c.stage][std::max(0, c.working_days)] += c.n;
  }
  std::vector<StageMetric> out;
  for (const char* name :
       {"verification", "first_response", "resolution", "citizen_confirmation"}) {
    StageMetric m = stages.count(name) ? stages[name] : StageMetric{name};
    m.median_days = percentile(histograms[name], 0.5);
    m.p90_days = percentile(histograms[name], 0.9);
    out.push_back(m);
  }
  return out;
}

// Open now (whenever created) and escalated, in all and per agency. A report the supervisor
// took over runs no clock but is overdue until it is resolved (the core's is_overdue), so
// those overdue by their status are counted from the status counters, whatever their
// creation day; those past their stage's due day come from the due counters.
void add_open(Dashboard& d, const std::vector<dq::StatusCount>& open,
              std::map<int64_t, AgencyRow>& rows) {
  for (const dq::StatusCount& c : open) {
    d.open_now += c.n;
    if (c.status == Status::kEscalated) d.escalated += c.n;
    if (c.agency_id == 0) continue;
    // Open at the agency: what it holds (a resolved report waits for its reporter).
    if (held_by_agency(c.status)) rows[c.agency_id].open += c.n;
    if (c.status == Status::kEscalated) rows[c.agency_id].escalated += c.n;
    if (overdue_by_status(c.status)) rows[c.agency_id].overdue += c.n;
  }
}

// The agencies of the catalogue among `rows`, coloured and ranked by the share of their own
// stages that ended on time. An agency with no stage ended in the period has no share to
// rank by: it comes after those that have one (it used to rank first, as if all on time),
// the most overdue first.
std::vector<AgencyRow> ranked_agencies(std::map<int64_t, AgencyRow>& rows, const Names& names) {
  std::vector<AgencyRow> out;
  for (auto& [id, row] : rows) {
    const Agency* a = names.agency(id);
    if (!a || a->code.empty()) continue;
    row.agency = *a;
    row.colour = compliance_colour(row.stages_ended, row.stages_on_time);
    out.push_back(row);
  }
  std::sort(out.begin(), out.end(), [](const AgencyRow& a, const AgencyRow& b) {
    if ((a.stages_ended == 0) != (b.stages_ended == 0)) return b.stages_ended == 0;
    if (a.stages_ended == 0) return a.overdue > b.overdue;
    const double sa = double(a.stages_on_time) / double(a.stages_ended);
    const double sb = double(b.stages_on_time) / double(b.stages_ended);
    return sa != sb ? sa > sb : a.overdue < b.overdue;
  });
  return out;
}

// The agencies' part: their own stages (first response, resolution; the citizen's
// confirmation window is not the agency's to keep), what they hold, what is overdue.
void add_agencies(Dashboard& d, Db& db, const DashboardQuery& q, const dq::Filter& f, Date today,
                  const Names& names) {
  std::map<int64_t, AgencyRow> rows;
  for (const auto& [id, stages] : dq::agency_stages(db, q.from, q.to, f)) {
    rows[id].stages_ended = stages.ended;
    rows[id].stages_on_time = stages.on_time;
  }
  add_open(d, dq::open_by_status(db, f), rows);
  for (const auto& [id, n] : dq::past_due_by_agency(db, today, f)) rows[id].overdue += n;
  d.agencies = ranked_agencies(rows, names);
}

OverdueRow overdue_row(const dq::ReportRow& r, const Names& names, int utc_offset_minutes) {
  OverdueRow row;
  row.tracking_id = format_tracking_id(r.tracking_id);
  row.title = r.title;
  row.agency = names.agency_name(r.agency_id);
  row.status = r.status;
  row.stage = r.stage;
  row.due = r.stage_due;
  row.filed = local_date(r.created_at, utc_offset_minutes);
  if (r.escalated_at) row.escalated = local_date(*r.escalated_at, utc_offset_minutes);
  return row;
}

// What is late now, whenever filed: the stages past their due day, the most overdue first,
// and the escalated reports, the longest held first. An officer may open only the reports
// assigned to them (can_read_report): the lists that name reports are left out of their
// answer, the counts stay.
void add_late(Dashboard& d, Db& db, const dq::Filter& f, Date today, bool name_reports,
              const Names& names, int utc_offset_minutes) {
  d.overdue_past_due = dq::past_due_count(db, today, f);
  d.overdue_total = d.overdue_past_due + d.escalated;
  if (!name_reports) return;
  for (const dq::ReportRow& r : dq::most_past_due(db, today, f, kListed)) {
    d.overdue.push_back(overdue_row(r, names, utc_offset_minutes));
  }
  for (const dq::ReportRow& r : dq::longest_escalated(db, f, kListed)) {
    d.escalated_rows.push_back(overdue_row(r, names, utc_offset_minutes));
  }
}

// Repeated problems: the reports with followers, and how many per agency and category.
void add_repeated(Dashboard& d, Db& db, const dq::Filter& f, bool name_reports,
                  const Names& names) {
  if (name_reports) {
    for (const dq::ReportRow& r : dq::most_followed(db, f, kListed)) {
      RepeatCluster c;
      c.tracking_id = format_tracking_id(r.tracking_id);
      c.title = r.title;
      c.agency = names.agency_code(r.agency_id);
      c.category = names.category_code(r.category_id);
      c.status = r.status;
      c.size = 1 + r.followers;
      d.repeated.push_back(c);
    }
  }
  for (const dq::FollowedGroup& g : dq::followed_groups(db, f)) {
    RepeatGroup group;
    group.agency = names.agency_code(g.agency_id);
    group.category = names.category_code(g.category_id);
    group.clusters = g.reports;
    group.reports = g.reports + g.followers;
    d.repeated_groups.push_back(group);
  }
}

// The trend's key of a counter: the week's Monday ("2026-11-23") for weeks (grain 0), the
// month ("2026-11") for months (grain 1), from a day counter or, for months, a month one.
std::string trend_key(int grain, const tallies::Range& r, int64_t period) {
  if (grain == 1) {
    const Date day =
        r.grain == 0 ? Date{static_cast<int32_t>(period)} : tallies::first_day_of_month(period);
    return format_iso_date(day).substr(0, 7);
  }
  const Date day{static_cast<int32_t>(period)};
  return format_iso_date(Date{day.days - iso_weekday(day)});
}

// Submitted by the day of creation, closed by the day of closing, per week (from the day
// counters) or month (from the month counters, and the days at the period's edges).
std::map<std::string, TrendPoint> trend_counts(Db& db, const DashboardQuery& q, const dq::Filter& f,
                                               int grain) {
  std::map<std::string, TrendPoint> points;
  const auto ranges = grain == 0 ? std::vector{tallies::Range{0, q.from.days, q.to.days}}
                                 : tallies::cover(q.from, q.to);
  for (const tallies::Range& r : ranges) {
    const dq::PeriodCounts counts = dq::period_counts(db, r, f);
    for (const auto& [period, n] : counts.submitted) {
      points[trend_key(grain, r, period)].submitted += n;
    }
    for (const auto& [period, n] : counts.closed) points[trend_key(grain, r, period)].closed += n;
  }
  return points;
}

// Every week (grain 0, starting on Monday) or month (grain 1) of the period, also those with
// nothing, each with the days of the period it covers.
std::vector<TrendPoint> trend(Db& db, const DashboardQuery& q, const dq::Filter& f, int grain) {
  std::map<std::string, TrendPoint> points = trend_counts(db, q, f, grain);
  std::vector<TrendPoint> out;
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
    out.push_back(point);
    start = Date{end.days + 1};
  }
  return out;
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

Dashboard DashboardService::build(const Caller& p, const DashboardQuery& q) {
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

Dashboard DashboardService::compute(const Caller& p, const DashboardQuery& q) {
  Dashboard d;
  const Date now = today();
  // Lists name reports only to those who may open every report the figures count: an
  // officer's figures are their agency's, but they open only what is assigned to them.
  const bool name_reports = !report_scope(p).assigned_to;
  const int offset = settings_.utc_offset_minutes;
  store_.read([&](Db& db) {
    const Names names{CatalogRepository::active_agencies(db),
                      CatalogRepository::active_categories(db)};
    const dq::Filter f = filter_of(db, p, q, names);
    add_counts(d, dq::report_counts(db, q.from, q.to, f), names);
    d.stages = stage_metrics(dq::stages_ended(db, q.from, q.to, f));
    add_agencies(d, db, q, f, now, names);
    add_late(d, db, f, now, name_reports, names, offset);
    add_repeated(d, db, f, name_reports, names);
    d.weeks = trend(db, q, f, 0);
    d.months = trend(db, q, f, 1);
  });
  return d;
}

}  // namespace aduan

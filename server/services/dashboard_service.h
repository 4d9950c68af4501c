// The monitoring behind the dashboards: how many reports, where they are, how fast each
// stage is done, who keeps their deadlines, how satisfied citizens are, and the trend.
// Coordinators and supervisors see everything; agency roles their own agency and units.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/ttl_cache.h"
#include "model/catalogue.h"
#include "model/report_counts.h"
#include "services/caller.h"
#include "services/report_service.h"
#include "store/store.h"

namespace aduan {

struct DashboardQuery {
  Date from;
  Date to;               // inclusive
  std::string agency;    // code, with its units; empty: all the caller may see
  std::string category;  // code; empty: all
};

struct StageMetric {
  std::string stage;
  int64_t ended = 0;
  int64_t on_time = 0;
  int median_days = 0;  // working days
  int p90_days = 0;
};

struct AgencyRow {
  Agency agency;
  int64_t stages_ended = 0;  // first response and resolution stages ended in the period
  int64_t stages_on_time = 0;
  int64_t open = 0;       // today, whenever filed: forwarded, in progress or escalated
  int64_t overdue = 0;    // today, whenever filed: past the stage's due day, or escalated
  int64_t escalated = 0;  // today, whenever filed (also in `overdue`)
  std::string colour;  // green when at least 90% of stages end on time, amber from 70%, red below
};

struct OverdueRow {
  std::string tracking_id;  // display form
  std::string title;
  std::string agency;
  std::string status;
  std::string stage;              // "none" once escalated
  std::optional<Date> due;        // the stage's due day; none once escalated
  Date filed;                     // local day the report was filed
  std::optional<Date> escalated;  // the day the supervisor took it over
};

// A repeated problem: a report with the citizens who said they have it too and the reports
// archived as its duplicates.
struct RepeatCluster {
  std::string tracking_id;  // display form
  std::string title;
  std::string agency;    // code, "" when not forwarded
  std::string category;  // code
  std::string status;
  int64_t size = 0;  // the report and its followers
};

// How many clusters each agency and category has, and how many reports they hold.
struct RepeatGroup {
  std::string agency;
  std::string category;
  int64_t clusters = 0;
  int64_t reports = 0;
};

// One week or month of the trend: every one of the period is there, also those with nothing.
// `from` and `to` are the days of the period it covers (the first and last week or month
// may be cut by the period's edges).
struct TrendPoint {
  std::string period;  // "2026-11-23" (the week's Monday) or "2026-11"
  Date from;
  Date to;
  int64_t submitted = 0;  // filed on those days
  int64_t closed = 0;     // closed on those days (confirmed or closed unanswered), whenever filed
};

// What the figures count and over which days (see dashboard_json for how they are named).
// Counts of reports "filed" are of the reports created in the period, in the state they are
// in today; "today" figures are of every report in scope whenever it was filed.
struct Dashboard {
  int64_t total = 0;  // filed in the period
  std::map<std::string, int64_t> by_status, by_classification, by_channel;
  std::map<std::string, int64_t> by_category;  // category code
  std::map<std::string, int64_t> by_agency;    // agency code ("" for not yet forwarded)
  std::vector<StageMetric> stages;
  std::vector<AgencyRow> agencies;  // ranked: best compliance first
  int64_t open_now = 0;             // not closed or archived, today, whenever filed
  int64_t overdue_total = 0;     // overdue_past_due + escalated (is_overdue in shared/deadlines.h)
  int64_t overdue_past_due = 0;  // in a stage past its due day, today
  int64_t escalated = 0;         // escalated and not yet resolved, today
  std::vector<OverdueRow> overdue;         // the 20 most overdue by their stage's due day
  std::vector<OverdueRow> escalated_rows;  // the 20 escalated ones filed longest ago
  int64_t ratings = 0;
  double rating_average = 0;
  std::map<int, int64_t> rating_spread;  // score -> count
  std::vector<RepeatCluster> repeated;   // the 20 largest, whenever filed
  std::vector<RepeatGroup> repeated_groups;
  std::vector<TrendPoint> weeks;
  std::vector<TrendPoint> months;
};

class DashboardService {
 public:
  DashboardService(Store& store, const Clock& clock, ServiceSettings settings);
  // Both may be up to settings.monitoring_cache_ms old.
  Dashboard build(const Caller& p, const DashboardQuery& q);
  PublicStats public_stats(Date from, Date to);
  // A page of the public list as JSON, keyed by its query: the first pages are what most
  // visitors ask for, and the same for all of them.
  std::string public_list(const std::string& key, const std::function<std::string()>& compute) {
    return public_lists_.get(key, compute);
  }
  Date today() const;

 private:
  Dashboard compute(const Caller& p, const DashboardQuery& q);

  Store& store_;
  const Clock& clock_;
  ServiceSettings settings_;
  TtlCache<Dashboard> dashboards_;
  TtlCache<PublicStats> public_stats_;
  TtlCache<std::string> public_lists_;
};

// The colour of an agency's compliance: the share of its stages that ended on time; green
// from kComplianceGreen, amber from kComplianceAmber, red below; "none" when no stage ended.
inline constexpr double kComplianceGreen = 0.9;
inline constexpr double kComplianceAmber = 0.7;
std::string compliance_colour(int64_t ended, int64_t on_time);

}  // namespace aduan

// The dashboard's reads: the monitoring counters (store/tallies.h) and the few reports the
// dashboard names, for a filter of agencies and a category. Plain rows by id and status
// name; the service turns ids into codes and names, ranks, and works out the percentiles.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/date.h"
#include "shared/workflow.h"
#include "store/db.h"
#include "store/tallies.h"

namespace aduan::dashboard_queries {

// Which reports count. Unset: no narrowing by that column. An empty agency list matches no
// report; a category of -1 (asked for, not in the catalogue) none either.
struct Filter {
  std::optional<std::vector<int64_t>> agencies;  // agency ids, with their units
  std::optional<int64_t> category;
};

// The report counters of the reports created in [from, to].
tallies::ReportCounts report_counts(Db& db, Date from, Date to, const Filter& f);

// The stages that ended in [from, to], by stage, working days taken and whether on time.
struct StageCount {
  std::string stage;
  int working_days = 0;
  bool on_time = false;
  int64_t n = 0;
};
std::vector<StageCount> stages_ended(Db& db, Date from, Date to, const Filter& f);

// Per agency, the stages that are its own to keep (first response, resolution) that ended
// in [from, to], and how many of those on time.
struct AgencyStages {
  int64_t ended = 0;
  int64_t on_time = 0;
};
std::map<int64_t, AgencyStages> agency_stages(Db& db, Date from, Date to, const Filter& f);

// Today's open reports (is_open), whenever filed, by agency (0: not forwarded) and status.
// Groups that sum to nothing are left out.
struct StatusCount {
  int64_t agency_id = 0;
  Status status = Status::kSubmitted;
  int64_t n = 0;
};
std::vector<StatusCount> open_by_status(Db& db, const Filter& f);

// The reports past their stage's due day on `today` (overdue_by_stage), per agency, left
// out those not forwarded.
std::map<int64_t, int64_t> past_due_by_agency(Db& db, Date today, const Filter& f);
// The same in all, those not forwarded too.
int64_t past_due_count(Db& db, Date today, const Filter& f);

// A report the dashboard names.
struct ReportRow {
  int64_t id = 0;
  std::string tracking_id;  // stored form
  std::string title;
  std::optional<int64_t> agency_id;
  int64_t category_id = 0;
  std::string status;
  std::string stage;
  std::optional<Date> stage_due;
  int64_t created_at = 0;               // unix seconds
  std::optional<int64_t> escalated_at;  // unix seconds: when the supervisor took it over
  int64_t followers = 0;
};

// The `limit` reports longest past their stage's due day on `today`, the most overdue first.
std::vector<ReportRow> most_past_due(Db& db, Date today, const Filter& f, int limit);
// The `limit` escalated reports filed longest ago, each with when it was escalated.
std::vector<ReportRow> longest_escalated(Db& db, const Filter& f, int limit);
// The `limit` reports with the most followers (citizens who have the same problem).
std::vector<ReportRow> most_followed(Db& db, const Filter& f, int limit);

// The followed reports per agency (none: not forwarded) and category, the most followers
// first.
struct FollowedGroup {
  std::optional<int64_t> agency_id;
  int64_t category_id = 0;
  int64_t reports = 0;    // followed reports
  int64_t followers = 0;  // their followers in all
};
std::vector<FollowedGroup> followed_groups(Db& db, const Filter& f);

// Reports filed and closed in each period counter of `range` (days or months, as its grain).
struct PeriodCounts {
  std::map<int64_t, int64_t> submitted;  // period -> reports filed in it
  std::map<int64_t, int64_t> closed;     // period -> reports closed in it
};
PeriodCounts period_counts(Db& db, const tallies::Range& range, const Filter& f);

}  // namespace aduan::dashboard_queries

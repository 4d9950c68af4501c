#include "store/dashboard_queries.h"

#include <tuple>

#include "store/prepared.h"
#include "store/status_sql.h"

namespace aduan::dashboard_queries {
namespace {

// " AND agency_id IN (1,2) AND category_id = 3" for a WHERE clause on any table that has
// both columns (reports and the counters); empty when nothing narrows.
std::string terms(const Filter& f) {
  std::string out;
  if (f.agencies) out += " AND agency_id IN (" + id_list(*f.agencies) + ")";
  if (f.category) out += " AND category_id = " + std::to_string(*f.category);
  return out;
}

std::optional<int64_t> optional_id(const Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

}  // namespace

tallies::ReportCounts report_counts(Db& db, Date from, Date to, const Filter& f) {
  return tallies::sum_reports(db, from, to, terms(f));
}

std::vector<StageCount> stages_ended(Db& db, Date from, Date to, const Filter& f) {
  Prepared q(db, "SELECT stage, working_days, on_time, sum(n) FROM stage_tallies WHERE " +
                     tallies::condition(tallies::cover(from, to)) + terms(f) + " GROUP BY 1, 2, 3");
  std::vector<StageCount> out;
  while (q.executeStep()) {
    out.push_back(StageCount{q.getColumn(0).getString(), q.getColumn(1).getInt(),
                             q.getColumn(2).getInt() != 0, q.getColumn(3).getInt64()});
  }
  return out;
}

std::map<int64_t, AgencyStages> agency_stages(Db& db, Date from, Date to, const Filter& f) {
  Prepared q(db, "SELECT agency_id, sum(n), sum(n * on_time) FROM stage_tallies WHERE " +
                     tallies::condition(tallies::cover(from, to)) +
                     " AND agency_id != 0 AND stage IN ('first_response', 'resolution')" +
                     terms(f) + " GROUP BY agency_id");
  std::map<int64_t, AgencyStages> out;
  while (q.executeStep()) {
    out[q.getColumn(0).getInt64()] =
        AgencyStages{q.getColumn(1).getInt64(), q.getColumn(2).getInt64()};
  }
  return out;
}

std::vector<StatusCount> open_by_status(Db& db, const Filter& f) {
  // From the month counters of the status each report is in now: every report is in one,
  // whenever it was filed.
  Prepared q(db,
             "SELECT agency_id, value, sum(n) FROM report_tallies WHERE grain = 1 AND "
             "dimension = 'status' AND value IN " +
                 status_sql_list(is_open) + terms(f) + " GROUP BY 1, 2");
  std::vector<StatusCount> out;
  while (q.executeStep()) {
    const auto status = parse_status(q.getColumn(1).getString());
    const int64_t n = q.getColumn(2).getInt64();
    if (!status || n == 0) continue;
    out.push_back(StatusCount{q.getColumn(0).getInt64(), *status, n});
  }
  return out;
}

std::map<int64_t, int64_t> past_due_by_agency(Db& db, Date today, const Filter& f) {
  Prepared q(db, "SELECT agency_id, sum(n) FROM due_tallies WHERE due < ? AND status IN " +
                     status_sql_list(overdue_by_stage) + " AND agency_id != 0" + terms(f) +
                     " GROUP BY agency_id");
  q.bind(1, format_iso_date(today));
  std::map<int64_t, int64_t> out;
  while (q.executeStep()) {
    if (const int64_t n = q.getColumn(1).getInt64()) out[q.getColumn(0).getInt64()] += n;
  }
  return out;
}

int64_t past_due_count(Db& db, Date today, const Filter& f) {
  Prepared q(db, "SELECT coalesce(sum(n), 0) FROM due_tallies WHERE due < ? AND status IN " +
                     status_sql_list(overdue_by_stage) + terms(f));
  q.bind(1, format_iso_date(today));
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<ReportRow> most_past_due(Db& db, Date today, const Filter& f, int limit) {
  // The partial index reports_late is read in the order of the due day; its condition comes
  // first, word for word, then what narrows it to the stages past due.
  Prepared q(db,
             "SELECT tracking_id, title, agency_id, status, stage, stage_due, created_at FROM "
             "reports WHERE " +
                 late_report_condition() + " AND stage_due < ?" + terms(f) + " AND status IN " +
                 status_sql_list(overdue_by_stage) + " ORDER BY stage_due LIMIT " +
                 std::to_string(limit));
  q.bind(1, format_iso_date(today));
  std::vector<ReportRow> out;
  while (q.executeStep()) {
    ReportRow r;
    r.tracking_id = q.getColumn(0).getString();
    r.title = q.getColumn(1).getString();
    r.agency_id = optional_id(q.getColumn(2));
    r.status = q.getColumn(3).getString();
    r.stage = q.getColumn(4).getString();
    r.stage_due = parse_iso_date(q.getColumn(5).getString());
    r.created_at = q.getColumn(6).getInt64();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<ReportRow> longest_escalated(Db& db, const Filter& f, int limit) {
  const std::string escalated(to_string(Status::kEscalated));
  Prepared q(db,
             "SELECT id, tracking_id, title, agency_id, created_at FROM reports "
             "WHERE status = ?" +
                 terms(f) + " ORDER BY created_at LIMIT " + std::to_string(limit));
  q.bind(1, escalated);
  // The last event that moved the report into escalation (a comment there keeps the status).
  Prepared taken_over(db,
                      "SELECT max(at) FROM report_events WHERE report_id = ? AND "
                      "to_status = ? AND from_status IS DISTINCT FROM to_status");
  std::vector<ReportRow> out;
  while (q.executeStep()) {
    ReportRow r;
    r.id = q.getColumn(0).getInt64();
    r.tracking_id = q.getColumn(1).getString();
    r.title = q.getColumn(2).getString();
    r.agency_id = optional_id(q.getColumn(3));
    r.status = escalated;
    r.stage = std::string(to_string(Stage::kNone));
    r.created_at = q.getColumn(4).getInt64();
    taken_over.reset();
    taken_over.bind(1, r.id);
    taken_over.bind(2, escalated);
    if (taken_over.executeStep()) r.escalated_at = optional_id(taken_over.getColumn(0));
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<ReportRow> most_followed(Db& db, const Filter& f, int limit) {
  // A partial index holds the few reports with followers (reports_followed).
  Prepared q(db,
             "SELECT tracking_id, title, agency_id, category_id, status, followers "
             "FROM reports WHERE followers > 0" +
                 terms(f) + " ORDER BY followers DESC LIMIT " + std::to_string(limit));
  std::vector<ReportRow> out;
  while (q.executeStep()) {
    ReportRow r;
    r.tracking_id = q.getColumn(0).getString();
    r.title = q.getColumn(1).getString();
    r.agency_id = optional_id(q.getColumn(2));
    r.category_id = q.getColumn(3).getInt64();
    r.status = q.getColumn(4).getString();
    r.followers = q.getColumn(5).getInt64();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<FollowedGroup> followed_groups(Db& db, const Filter& f) {
  Prepared q(db,
             "SELECT agency_id, category_id, count(*), sum(followers) FROM reports "
             "WHERE followers > 0" +
                 terms(f) + " GROUP BY 1, 2 ORDER BY 4 DESC");
  std::vector<FollowedGroup> out;
  while (q.executeStep()) {
    out.push_back(FollowedGroup{optional_id(q.getColumn(0)), q.getColumn(1).getInt64(),
                                q.getColumn(2).getInt64(), q.getColumn(3).getInt64()});
  }
  return out;
}

PeriodCounts period_counts(Db& db, const tallies::Range& range, const Filter& f) {
  PeriodCounts out;
  // One dimension at a time, so that the covering index report_tallies_dimension answers
  // without reading the other counters of each day: filed, then entered the closed status.
  const std::string closed(to_string(Status::kClosed));
  for (const auto& [dimension, value, counts] :
       {std::tuple{"submitted", std::string(), &out.submitted},
        std::tuple{"entered", closed, &out.closed}}) {
    Prepared q(db,
               "SELECT period, sum(n) FROM report_tallies WHERE grain = ? AND "
               "dimension = ? AND value = ? AND period BETWEEN ? AND ?" +
                   terms(f) + " GROUP BY 1");
    q.bind(1, range.grain);
    q.bind(2, dimension);
    q.bind(3, value);
    q.bind(4, range.first);
    q.bind(5, range.last);
    while (q.executeStep()) (*counts)[q.getColumn(0).getInt64()] += q.getColumn(1).getInt64();
  }
  return out;
}

}  // namespace aduan::dashboard_queries

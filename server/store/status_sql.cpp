#include "store/status_sql.h"

#include "shared/actions.h"
#include "shared/deadlines.h"

namespace aduan {
namespace {

// A clock of `stage` whose due day and escalation day passed long ago. Asking the core's
// rules (is_overdue, due_action) about a status with it tells whether lateness in that
// status counts at all; the SQL beside each list tests the days themselves.
constexpr Date kLongAgo{0};
constexpr Date kToday{1000};

ClockState past_due(Stage stage) {
  ClockState c;
  c.deadline = StageDeadline{stage, kLongAgo, kLongAgo};
  c.escalation_due = kLongAgo;
  return c;
}

}  // namespace

std::string status_sql_list(bool (*keep)(Status)) {
  std::string out;
  for (int i = 0; i < kStatusCount; ++i) {
    const Status s = static_cast<Status>(i);
    if (keep(s)) out += (out.empty() ? "('" : ", '") + std::string(to_string(s)) + "'";
  }
  return out + ")";
}

bool can_be_overdue(Status s) { return is_overdue(s, past_due(Stage::kResolution), kToday); }

bool overdue_by_stage(Status s) { return can_be_overdue(s) && !overdue_by_status(s); }

bool overdue_by_status(Status s) { return is_overdue(s, ClockState{}, kToday); }

bool held_by_agency(Status s) { return is_verified(s) && status_group(s) == StatusGroup::kOpen; }

bool stage_clock_runs(Status s) {
  // Only a transition with ClockEffect::kStart sets a stage running; the moves that stay in
  // the status keep it (kKeep), every other way in stops or pauses it. So a stage can run
  // in a status exactly when some transition into it starts one.
  for (const Transition& t : workflow_table()) {
    if (t.to == s && t.clock == ClockEffect::kStart) return true;
  }
  return false;
}

bool escalates_when_due(Status s) {
  return due_action(s, past_due(Stage::kResolution), kToday) == Action::kEscalate;
}

bool auto_closes_when_due(Status s) {
  return due_action(s, past_due(Stage::kCitizenConfirmation), kToday) == Action::kAutoClose;
}

const std::string& public_report_condition() {
  static const std::string condition =
      "confidential = 0 AND status IN " + status_sql_list(is_verified);
  return condition;
}

const std::string& matchable_report_condition() {
  static const std::string condition = "confidential = 0 AND status IN " + status_sql_list(is_open);
  return condition;
}

const std::string& public_figures_condition() {
  static const std::string condition = [] {
    std::string reasons;
    for (int i = 0; i < kArchiveReasonCount; ++i) {
      const auto r = static_cast<ArchiveReason>(i);
      if (leaves_public_figures(r)) {
        reasons += (reasons.empty() ? "('" : ", '") + std::string(to_string(r)) + "'";
      }
    }
    return "confidential = 0 AND NOT (status = '" + std::string(to_string(Status::kArchived)) +
           "' AND archive_reason IN " + reasons + "))";
  }();
  return condition;
}

const std::string& late_report_condition() {
  static const std::string condition =
      "status IN " + status_sql_list(can_be_overdue) + " AND stage != 'none'";
  return condition;
}

}  // namespace aduan

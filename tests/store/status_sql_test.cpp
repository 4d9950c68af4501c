// The sets of statuses the queries use, made from the core's rules (store/status_sql.h). The
// lists below are the ones the queries were written with; a change of the core that moves
// one shows here, beside the query plans it may change.
#include "store/status_sql.h"

#include <gtest/gtest.h>

namespace aduan {
namespace {

TEST(StatusSql, LateStatusesAreThoseTheCoreCallsOverdue) {
  EXPECT_EQ(status_sql_list(can_be_overdue),
            "('submitted', 'forwarded', 'in_progress', 'escalated')");
  EXPECT_EQ(status_sql_list(overdue_by_stage), "('submitted', 'forwarded', 'in_progress')");
  EXPECT_EQ(status_sql_list(overdue_by_status), "('escalated')");
  EXPECT_EQ(late_report_condition(),
            "status IN ('submitted', 'forwarded', 'in_progress', 'escalated') AND "
            "stage != 'none'");
}

TEST(StatusSql, ThePublicFiguresLeaveOutWhatTheCoreLeavesOut) {
  EXPECT_EQ(public_figures_condition(),
            "confidential = 0 AND NOT (status = 'archived' AND archive_reason IN ('abusive', "
            "'spam'))");
}

TEST(StatusSql, TheMatcherHoldsWhatIsOpenAndLetsGoWhatIsFinal) {
  EXPECT_EQ(matchable_report_condition(),
            "confidential = 0 AND status IN ('submitted', 'postponed', 'forwarded', "
            "'in_progress', 'resolved', 'escalated')");
  // The postings' leaving rule (store/derived_rules.cpp) is written from is_final: the two
  // sets split the statuses between them.
  for (int i = 0; i < kStatusCount; ++i) {
    const Status s = static_cast<Status>(i);
    EXPECT_NE(is_open(s), is_final(s)) << to_string(s);
  }
}

TEST(StatusSql, AnAgencyHoldsWhatIsVerifiedAndStillOpen) {
  EXPECT_EQ(status_sql_list(held_by_agency), "('forwarded', 'in_progress', 'escalated')");
}

TEST(StatusSql, AStageRunsWhereATransitionStartsOne) {
  EXPECT_EQ(status_sql_list(stage_clock_runs),
            "('submitted', 'forwarded', 'in_progress', 'resolved')");
}

TEST(StatusSql, TheDeadlineJobActsWhereDueActionDoes) {
  EXPECT_EQ(status_sql_list(escalates_when_due), "('forwarded', 'in_progress')");
  EXPECT_EQ(status_sql_list(auto_closes_when_due), "('resolved')");
  // And the transition table lets the job take those moves there.
  for (int i = 0; i < kStatusCount; ++i) {
    const Status s = static_cast<Status>(i);
    if (escalates_when_due(s)) {
      EXPECT_TRUE(find_transition(s, Action::kEscalate, Role::kSystem));
    }
    if (auto_closes_when_due(s)) {
      EXPECT_TRUE(find_transition(s, Action::kAutoClose, Role::kSystem));
    }
  }
}

}  // namespace
}  // namespace aduan

#include "shared/deadlines.h"

#include <gtest/gtest.h>

#include "shared/actions.h"

namespace aduan {
namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

Transition t(std::optional<Status> from, Action a, Role r) { return *find_transition(from, a, r); }

const WorkingCalendar kCal({d("2026-12-24"), d("2026-12-25"), d("2027-01-01")});
const DeadlinePolicy kPolicy;

TEST(Clock, ForwardStartsFirstResponseAndEscalation) {
  ClockState before;
  before.deadline = {Stage::kVerification, d("2026-11-23"), d("2026-11-26")};
  const ClockState after =
      next_clock(t(Status::kSubmitted, Action::kForward, Role::kCoordinator), before,
                 d("2026-11-24"), ResolutionTier::kNormative, kCal, kPolicy);
  EXPECT_EQ(after.deadline.stage, Stage::kFirstResponse);
  EXPECT_EQ(after.deadline.due, d("2026-12-01"));
  ASSERT_TRUE(after.escalation_due);
  EXPECT_EQ(*after.escalation_due, kCal.add_working_days(d("2026-11-24"), 60));
}

TEST(Clock, PostponePausesAndAnswerResumesWithWhatWasLeft) {
  ClockState before;
  before.deadline = {Stage::kVerification, d("2026-11-23"), d("2026-11-26")};  // Thursday
  // Postponed on Tuesday: two working days (Wed, Thu) were left.
  const ClockState paused =
      next_clock(t(Status::kSubmitted, Action::kPostpone, Role::kCoordinator), before,
                 d("2026-11-24"), ResolutionTier::kNormative, kCal, kPolicy);
  EXPECT_EQ(paused.deadline.stage, Stage::kNone);
  EXPECT_EQ(paused.paused_days_left, 2);
  // The citizen answers three weeks later; the coordinator has those two days again.
  const ClockState resumed =
      next_clock(t(Status::kPostponed, Action::kAnswer, Role::kCitizen), paused, d("2026-12-14"),
                 ResolutionTier::kNormative, kCal, kPolicy);
  EXPECT_EQ(resumed.deadline.stage, Stage::kVerification);
  EXPECT_EQ(resumed.deadline.due, d("2026-12-16"));
  EXPECT_FALSE(resumed.paused_days_left);
}

TEST(Clock, AnswerAfterAnOverduePostponementStillGivesOneDay) {
  ClockState before;
  before.deadline = {Stage::kVerification, d("2026-11-23"), d("2026-11-26")};
  const ClockState paused =
      next_clock(t(Status::kSubmitted, Action::kPostpone, Role::kCoordinator), before,
                 d("2026-11-30"), ResolutionTier::kNormative, kCal, kPolicy);
  EXPECT_EQ(paused.paused_days_left, 0);
  const ClockState resumed =
      next_clock(t(Status::kPostponed, Action::kAnswer, Role::kCitizen), paused, d("2026-12-01"),
                 ResolutionTier::kNormative, kCal, kPolicy);
  EXPECT_EQ(resumed.deadline.due, d("2026-12-02"));
}

TEST(Clock, ResolutionFollowsTheTier) {
  const ClockState before;
  const Transition respond = t(Status::kForwarded, Action::kRespond, Role::kAgencyAdmin);
  EXPECT_EQ(next_clock(respond, before, d("2026-11-23"), ResolutionTier::kLight, kCal, kPolicy)
                .deadline.due,
            d("2026-11-25"));
  EXPECT_EQ(
      next_clock(respond, before, d("2026-11-23"), ResolutionTier::kNoInvestigation, kCal, kPolicy)
          .deadline.due,
      d("2026-12-11"));
}

TEST(Clock, ReturnStopsTheEscalationClockAndFinalStopsEverything) {
  ClockState held;
  held.deadline = {Stage::kResolution, d("2026-11-23"), d("2026-11-30")};
  held.escalation_due = d("2027-02-18");
  const ClockState returned =
      next_clock(t(Status::kInProgress, Action::kReturn, Role::kAgencyAdmin), held, d("2026-11-24"),
                 ResolutionTier::kNormative, kCal, kPolicy);
  EXPECT_EQ(returned.deadline.stage, Stage::kVerification);
  EXPECT_FALSE(returned.escalation_due);
  const ClockState closed = next_clock(t(Status::kResolved, Action::kConfirm, Role::kCitizen), held,
                                       d("2026-11-24"), ResolutionTier::kNormative, kCal, kPolicy);
  EXPECT_EQ(closed.deadline.stage, Stage::kNone);
  EXPECT_FALSE(closed.escalation_due);
  // Self-loops keep the clock exactly.
  const ClockState updated =
      next_clock(t(Status::kInProgress, Action::kUpdate, Role::kAgencyOfficer), held,
                 d("2026-11-25"), ResolutionTier::kLight, kCal, kPolicy);
  EXPECT_EQ(updated.deadline.due, held.deadline.due);
  EXPECT_EQ(updated.escalation_due, held.escalation_due);
}

TEST(DueAction, AutoCloseAfterTheConfirmationWindow) {
  ClockState c;
  c.deadline = {Stage::kCitizenConfirmation, d("2026-11-23"), d("2026-12-07")};
  EXPECT_FALSE(due_action(Status::kResolved, c, d("2026-12-07")));
  EXPECT_EQ(due_action(Status::kResolved, c, d("2026-12-08")), Action::kAutoClose);
  EXPECT_FALSE(due_action(Status::kClosed, c, d("2026-12-08")));
}

TEST(DueAction, EscalateWhenAnAgencyHoldsItTooLong) {
  ClockState c;
  c.escalation_due = d("2027-02-18");
  EXPECT_FALSE(due_action(Status::kInProgress, c, d("2027-02-18")));
  EXPECT_EQ(due_action(Status::kInProgress, c, d("2027-02-19")), Action::kEscalate);
  EXPECT_EQ(due_action(Status::kForwarded, c, d("2027-03-01")), Action::kEscalate);
  EXPECT_FALSE(due_action(Status::kSubmitted, c, d("2027-03-01")));
  EXPECT_FALSE(due_action(Status::kEscalated, c, d("2027-03-01")));
}

// What the dashboard counts as overdue: a stage past its due day, or an escalated report
// (its clock stopped when the supervisor took over), however long it has been held.
TEST(Overdue, PastTheStageDueOrEscalated) {
  ClockState c;
  c.deadline = {Stage::kFirstResponse, d("2026-11-24"), d("2026-12-01")};
  EXPECT_FALSE(is_overdue(Status::kForwarded, c, d("2026-12-01")));
  EXPECT_TRUE(is_overdue(Status::kForwarded, c, d("2026-12-02")));
  EXPECT_TRUE(is_overdue(Status::kInProgress, c, d("2026-12-02")));
  EXPECT_TRUE(is_overdue(Status::kSubmitted, c, d("2026-12-02")));
  // The reporter's turn, or done: staff are not late.
  EXPECT_FALSE(is_overdue(Status::kResolved, c, d("2026-12-02")));
  EXPECT_FALSE(is_overdue(Status::kClosed, c, d("2026-12-02")));
  EXPECT_FALSE(is_overdue(Status::kPostponed, ClockState{}, d("2027-06-01")));
  // Escalation stops the clock; the report is still late, five months on as on the day.
  const ClockState escalated =
      next_clock(t(Status::kForwarded, Action::kEscalate, Role::kSystem), c, d("2027-02-19"),
                 ResolutionTier::kNormative, kCal, kPolicy);
  EXPECT_EQ(escalated.deadline.stage, Stage::kNone);
  EXPECT_TRUE(is_overdue(Status::kEscalated, escalated, d("2027-02-19")));
  EXPECT_TRUE(is_overdue(Status::kEscalated, escalated, d("2027-07-19")));
}

TEST(Actions, NotesAndFieldsPerAction) {
  const ActionContext ctx{{"DPUPR", "DINKES"}, {"jalan-jembatan"}};
  auto codes = [&](Action a, const ActionInput& in) {
    std::vector<std::string> out;
    for (const FieldError& e : validate_action(a, in, ctx)) {
      out.push_back(e.field + ":" + std::string(to_string(e.code)));
    }
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(codes(Action::kForward, {}), V{"agency:required"});
  EXPECT_EQ(codes(Action::kForward, ActionInput{.agency = "DINAS-X"}), V{"agency:unknown_agency"});
  EXPECT_EQ(
      codes(Action::kForward, ActionInput{.agency = "DPUPR", .category = "x", .tier = "hard"}),
      (V{"category:unknown_category", "tier:unknown_tier"}));
  EXPECT_TRUE(codes(Action::kForward, ActionInput{.agency = "DPUPR", .tier = "light"}).empty());
  EXPECT_EQ(codes(Action::kPostpone, ActionInput{.note = "Foto?"}), V{"note:too_short"});
  EXPECT_EQ(codes(Action::kResolve, ActionInput{.note = "   "}), V{"note:blank"});
  EXPECT_EQ(codes(Action::kResolve, {}), V{"note:required"});
  EXPECT_EQ(codes(Action::kArchive, {}), V{"archive_reason:required"});
  EXPECT_EQ(codes(Action::kArchive, ActionInput{.archive_reason = "boring"}),
            V{"archive_reason:unknown_reason"});
  EXPECT_EQ(codes(Action::kArchive, ActionInput{.archive_reason = "duplicate"}),
            V{"duplicate_of:required"});
  EXPECT_EQ(
      codes(Action::kArchive, ActionInput{.archive_reason = "duplicate", .duplicate_of = "ABC"}),
      V{"duplicate_of:invalid_tracking_id"});
  EXPECT_TRUE(codes(Action::kArchive, ActionInput{.archive_reason = "spam"}).empty());
  EXPECT_EQ(codes(Action::kRate, {}), V{"rating:required"});
  EXPECT_EQ(codes(Action::kRate, ActionInput{.rating = 6}), V{"rating:out_of_range"});
  EXPECT_TRUE(codes(Action::kRate, ActionInput{.rating = 5}).empty());
  EXPECT_EQ(codes(Action::kAssign, {}), V{"officer:required"});
  EXPECT_EQ(codes(Action::kComment, ActionInput{.note = "a\x01"}), V{"note:control_character"});
  EXPECT_TRUE(codes(Action::kConfirm, {}).empty());
}

TEST(Actions, WhoSeesTheEvent) {
  const ActionInput shown{.is_public = true}, internal{.is_public = false};
  const ActionInput published{.is_public = true, .publish = true};
  EXPECT_EQ(event_visibility(Action::kComment, published), Visibility::kStaff);
  EXPECT_EQ(event_visibility(Action::kAssign, published), Visibility::kStaff);
  EXPECT_EQ(event_visibility(Action::kReturn, published), Visibility::kStaff);
  EXPECT_EQ(event_visibility(Action::kUpdate, shown), Visibility::kReporter);
  EXPECT_EQ(event_visibility(Action::kUpdate, internal), Visibility::kStaff);
  EXPECT_EQ(event_visibility(Action::kUpdate, published), Visibility::kPublic);
  EXPECT_EQ(event_visibility(Action::kResolve, internal), Visibility::kReporter);
  EXPECT_EQ(event_visibility(Action::kResolve, published), Visibility::kPublic);
  // The citizen's words and the coordinator's questions are never published.
  EXPECT_EQ(event_visibility(Action::kReply, published), Visibility::kReporter);
  EXPECT_EQ(event_visibility(Action::kAnswer, published), Visibility::kReporter);
  EXPECT_EQ(event_visibility(Action::kPostpone, published), Visibility::kReporter);
}

TEST(Actions, TighteningIsAnyonesLooseningTheReportersAlone) {
  using V = std::vector<FieldError>;
  const ActionInput make_public{.anonymous = false, .confidential = false};
  const ActionInput make_private{.anonymous = true, .confidential = true};
  // Staff may hide more, never less.
  EXPECT_TRUE(privacy_change_errors(Role::kAgencyAdmin, false, false, make_private).empty());
  EXPECT_EQ(
      privacy_change_errors(Role::kCoordinator, true, true, make_public),
      (V{{"anonymous", FieldCode::kNeedsReporter}, {"confidential", FieldCode::kNeedsReporter}}));
  EXPECT_EQ(
      privacy_change_errors(Role::kSupervisor, false, true, ActionInput{.confidential = false}),
      (V{{"confidential", FieldCode::kNeedsReporter}}));
  // The reporter may do both.
  EXPECT_TRUE(privacy_change_errors(Role::kCitizen, true, true, make_public).empty());
  EXPECT_TRUE(privacy_change_errors(Role::kCitizen, false, false, make_private).empty());
  // Nothing to change.
  EXPECT_EQ(privacy_change_errors(Role::kCitizen, true, true, make_private),
            (V{{"confidential", FieldCode::kUnchanged}}));
  EXPECT_EQ(validate_action(Action::kPrivacy, {}, {}), (V{{"confidential", FieldCode::kRequired}}));
}

TEST(Workflow, OnlyForwardedReportsAreVerified) {
  for (Status s : {Status::kForwarded, Status::kInProgress, Status::kResolved, Status::kClosed,
                   Status::kEscalated})
    EXPECT_TRUE(is_verified(s)) << to_string(s);
  for (Status s : {Status::kSubmitted, Status::kPostponed, Status::kArchived})
    EXPECT_FALSE(is_verified(s)) << to_string(s);
}

TEST(CitizenStep, ResolvedWaitsForConfirmationUntilTheStageDue) {
  ClockState clock;
  // Resolved on Friday 18 December: ten working days skip the weekends, 24-25 December and
  // 1 January.
  clock.deadline = stage_deadline(kCal, kPolicy, Stage::kCitizenConfirmation,
                                  ResolutionTier::kNormative, d("2026-12-18"));
  const auto step = citizen_step(Status::kResolved, clock, std::nullopt, kCal, kPolicy);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->asked, Action::kConfirm);
  EXPECT_EQ(step->due, d("2027-01-06"));
  EXPECT_EQ(step->otherwise, Action::kAutoClose);
  // The deadline job closes it the day after, not on the day.
  EXPECT_FALSE(due_action(Status::kResolved, clock, step->due));
  EXPECT_EQ(due_action(Status::kResolved, clock, d("2027-01-07")), Action::kAutoClose);
}

TEST(CitizenStep, PostponedWaitsForTheAnswerInWorkingDays) {
  ClockState paused;
  paused.paused_days_left = 2;
  // Postponed on Wednesday 23 December: 24-25 December, the weekends and 1 January do not
  // count.
  const auto step = citizen_step(Status::kPostponed, paused, d("2026-12-23"), kCal, kPolicy);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->asked, Action::kAnswer);
  EXPECT_EQ(step->due, d("2027-01-11"));
  EXPECT_EQ(step->otherwise, Action::kArchive);
  EXPECT_FALSE(citizen_step(Status::kPostponed, paused, std::nullopt, kCal, kPolicy));
}

TEST(CitizenStep, NoneWhileStaffHoldTheReport) {
  ClockState clock;
  clock.deadline = {Stage::kResolution, d("2026-11-23"), d("2026-11-30")};
  for (Status s : {Status::kSubmitted, Status::kForwarded, Status::kInProgress, Status::kClosed,
                   Status::kArchived, Status::kEscalated}) {
    EXPECT_FALSE(citizen_step(s, clock, d("2026-11-23"), kCal, kPolicy)) << to_string(s);
  }
}

// The agency's inbox lists a stage due within two working days: Friday's view reaches the
// Tuesday after the weekend, not the Wednesday; an overdue stage is overdue, not "due soon".
TEST(DueSoon, TwoWorkingDaysAheadSkippingTheWeekend) {
  const WorkingCalendar cal;
  EXPECT_EQ(due_soon_until(cal, d("2026-12-04")), d("2026-12-08"));
  ClockState c;
  c.deadline = {Stage::kResolution, d("2026-11-30"), d("2026-12-08")};
  EXPECT_TRUE(is_due_soon(Status::kInProgress, c, cal, d("2026-12-04")));
  EXPECT_FALSE(is_due_soon(Status::kInProgress, c, cal, d("2026-12-03")));
  EXPECT_FALSE(is_due_soon(Status::kInProgress, c, cal, d("2026-12-09")));
  EXPECT_TRUE(is_due_soon(Status::kInProgress, c, cal, d("2026-12-08")));
  // The reporter's turn: not the agency's deadline.
  EXPECT_FALSE(is_due_soon(Status::kResolved, c, cal, d("2026-12-04")));
}

}  // namespace
}  // namespace aduan

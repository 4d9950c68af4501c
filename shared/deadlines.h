// How long each stage may take, in working days, and the due date and colour of a stage.
// Defaults follow published SP4N-LAPOR! practice (the README's lifecycle table); a deployment may
// change them.
#pragma once

#include <optional>
#include <string_view>

#include "shared/calendar.h"
#include "shared/workflow.h"

namespace aduan {

// How much work a resolution needs; decides the resolution stage's length.
enum class ResolutionTier : uint8_t {
  kLight,            // ringan
  kNormative,        // normatif
  kNoInvestigation,  // tanpa pemeriksaan
  kInvestigation,    // berkadar pengawasan
};

struct DeadlinePolicy {
  int verification = 3;
  int first_response = 5;
  int resolution_light = 2;
  int resolution_normative = 5;
  int resolution_no_investigation = 14;
  int resolution_investigation = 60;
  int citizen_confirmation = 10;
  // A postponed report waits this long for the reporter's answer; after that the
  // coordinator may archive it as incomplete (the clock itself stays paused).
  int citizen_answer = 10;
  int escalation_after_forward = 60;

  // Working days allowed for a stage; 0 for Stage::kNone.
  int working_days(Stage stage, ResolutionTier tier) const;
};

struct StageDeadline {
  Stage stage = Stage::kNone;
  Date started;
  Date due;
};

// The deadline of a stage that starts on `started`.
StageDeadline stage_deadline(const WorkingCalendar& cal, const DeadlinePolicy& policy, Stage stage,
                             ResolutionTier tier, Date started);

// The day the supervisor takes over a report forwarded on `forwarded` and not resolved.
Date escalation_date(const WorkingCalendar& cal, const DeadlinePolicy& policy, Date forwarded);

// The deadline state a report carries between actions.
struct ClockState {
  StageDeadline deadline;               // stage kNone: no deadline runs
  std::optional<int> paused_days_left;  // set while postponed: what was left to verify
  std::optional<Date> escalation_due;   // set while an agency holds the report
};

// The clock after `t` is applied on `today`. Postponing keeps the working days that were
// left; the citizen's answer resumes verification with them (at least one day). Forwarding
// starts the escalation clock; returning to the coordinator or finishing stops it.
ClockState next_clock(const Transition& t, const ClockState& before, Date today,
                      ResolutionTier tier, const WorkingCalendar& cal,
                      const DeadlinePolicy& policy);

// What the deadline job must do to a report on `today`: auto-close a resolved report the
// citizen did not answer in time, escalate one an agency held past the escalation date.
std::optional<Action> due_action(Status status, const ClockState& clock, Date today);

// Whether staff are late with a report on `today`: the stage that runs (verification, first
// response, resolution) is past its due day, or the report was escalated, which happens when
// its agency held it past the escalation date; the supervisor's hold runs no clock of its own,
// so an escalated report stays overdue, however long ago, until it is resolved. A postponed
// report's clock is paused, and a resolved one waits for its reporter, not for staff.
bool is_overdue(Status status, const ClockState& clock, Date today);

// How near a running stage's due day must be for the agency's inbox to list it: due within
// this many working days, or overdue.
inline constexpr int kDueSoonWorkingDays = 2;

// The last due day that counts as "due soon" on `today`: a stage that staff work on (not the
// citizen's confirmation, not a paused one) due on or before it needs the agency's attention.
Date due_soon_until(const WorkingCalendar& cal, Date today);

// Whether the report's running stage is due within kDueSoonWorkingDays of `today` (and not
// already overdue: is_overdue says that).
bool is_due_soon(Status status, const ClockState& clock, const WorkingCalendar& cal, Date today);

// What a report waits for from its reporter: the action asked, the last day to take it in
// time, and what follows when that day passes without it.
struct CitizenStep {
  Action asked = Action::kConfirm;        // kAnswer (postponed) or kConfirm (resolved)
  Date due;                               // the last day; the consequence comes after it
  Action otherwise = Action::kAutoClose;  // kAutoClose: the deadline job closes it;
                                          // kArchive: the coordinator may archive it
};

// The step a report in `status` waits for, or nullopt when it waits for nobody's answer
// from the reporter. A resolved report's step ends with its confirmation stage; a postponed
// one's runs `policy.citizen_answer` working days from `postponed_on`, the day of the last
// postponement (nullopt when unknown: no step).
std::optional<CitizenStep> citizen_step(Status status, const ClockState& clock,
                                        std::optional<Date> postponed_on,
                                        const WorkingCalendar& cal, const DeadlinePolicy& policy);

std::string_view to_string(ResolutionTier t);
std::optional<ResolutionTier> parse_tier(std::string_view s);

}  // namespace aduan

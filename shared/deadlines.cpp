#include "shared/deadlines.h"

#include <algorithm>
#include <array>

#include "shared/names.h"

namespace aduan {

int DeadlinePolicy::working_days(Stage stage, ResolutionTier tier) const {
  switch (stage) {
    case Stage::kNone:
      return 0;
    case Stage::kVerification:
      return verification;
    case Stage::kFirstResponse:
      return first_response;
    case Stage::kCitizenConfirmation:
      return citizen_confirmation;
    case Stage::kResolution:
      switch (tier) {
        case ResolutionTier::kLight:
          return resolution_light;
        case ResolutionTier::kNormative:
          return resolution_normative;
        case ResolutionTier::kNoInvestigation:
          return resolution_no_investigation;
        case ResolutionTier::kInvestigation:
          return resolution_investigation;
      }
  }
  return 0;
}

StageDeadline stage_deadline(const WorkingCalendar& cal, const DeadlinePolicy& policy, Stage stage,
                             ResolutionTier tier, Date started) {
  return StageDeadline{stage, started,
                       cal.add_working_days(started, policy.working_days(stage, tier))};
}

Date escalation_date(const WorkingCalendar& cal, const DeadlinePolicy& policy, Date forwarded) {
  return cal.add_working_days(forwarded, policy.escalation_after_forward);
}

ClockState next_clock(const Transition& t, const ClockState& before, Date today,
                      ResolutionTier tier, const WorkingCalendar& cal,
                      const DeadlinePolicy& policy) {
  ClockState next = before;
  switch (t.clock) {
    case ClockEffect::kKeep:
      return next;
    case ClockEffect::kStop:
      return ClockState{};
    case ClockEffect::kPause: {
      const int left = before.deadline.stage == Stage::kNone
                           ? 0
                           : cal.working_days_between(today, before.deadline.due);
      next.paused_days_left = std::max(0, left);
      next.deadline = StageDeadline{};
      return next;
    }
    case ClockEffect::kStart:
      break;
  }
  next.deadline = stage_deadline(cal, policy, t.stage, tier, today);
  if (t.action == Action::kAnswer && before.paused_days_left) {
    next.deadline.due = cal.add_working_days(today, std::max(1, *before.paused_days_left));
  }
  next.paused_days_left.reset();
  if (t.action == Action::kForward) next.escalation_due = escalation_date(cal, policy, today);
  // Back with the coordinator: the agency's clock no longer runs.
  if (t.to == Status::kSubmitted) next.escalation_due.reset();
  return next;
}

std::optional<Action> due_action(Status status, const ClockState& clock, Date today) {
  if (status == Status::kResolved && clock.deadline.stage == Stage::kCitizenConfirmation &&
      today > clock.deadline.due) {
    return Action::kAutoClose;
  }
  if ((status == Status::kForwarded || status == Status::kInProgress) && clock.escalation_due &&
      today > *clock.escalation_due) {
    return Action::kEscalate;
  }
  return std::nullopt;
}

Date due_soon_until(const WorkingCalendar& cal, Date today) {
  return cal.add_working_days(today, kDueSoonWorkingDays);
}

bool is_due_soon(Status status, const ClockState& clock, const WorkingCalendar& cal, Date today) {
  const bool staff_stage =
      status == Status::kSubmitted || status == Status::kForwarded || status == Status::kInProgress;
  return staff_stage && clock.deadline.stage != Stage::kNone && !(clock.deadline.due < today) &&
         !(due_soon_until(cal, today) < clock.deadline.due);
}

bool is_overdue(Status status, const ClockState& clock, Date today) {
  switch (status) {
    case Status::kEscalated:
      return true;
    case Status::kSubmitted:
    case Status::kForwarded:
    case Status::kInProgress:
      return clock.deadline.stage != Stage::kNone && clock.deadline.due < today;
    default:
      return false;
  }
}

std::optional<CitizenStep> citizen_step(Status status, const ClockState& clock,
                                        std::optional<Date> postponed_on,
                                        const WorkingCalendar& cal, const DeadlinePolicy& policy) {
  if (status == Status::kResolved && clock.deadline.stage == Stage::kCitizenConfirmation) {
    // due_action closes it once today is past the due day.
    return CitizenStep{Action::kConfirm, clock.deadline.due, Action::kAutoClose};
  }
  if (status == Status::kPostponed && postponed_on) {
    return CitizenStep{Action::kAnswer, cal.add_working_days(*postponed_on, policy.citizen_answer),
                       Action::kArchive};
  }
  return std::nullopt;
}

namespace {
constexpr std::array<std::string_view, 4> kTierNames = {"light", "normative", "no_investigation",
                                                        "investigation"};
}

std::string_view to_string(ResolutionTier t) { return kTierNames[static_cast<size_t>(t)]; }

std::optional<ResolutionTier> parse_tier(std::string_view s) {
  return internal::enum_from_name<ResolutionTier>(kTierNames, s);
}

}  // namespace aduan

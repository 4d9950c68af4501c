#include "deadlines.h"

#include <array>

#include "names.h"

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

namespace {
constexpr std::array<std::string_view, 4> kTierNames = {"light", "normative", "no_investigation",
                                                        "investigation"};
}

std::string_view to_string(ResolutionTier t) { return kTierNames[static_cast<size_t>(t)]; }

std::optional<ResolutionTier> parse_tier(std::string_view s) {
  return internal::enum_from_name<ResolutionTier>(kTierNames, s);
}

}  // namespace aduan

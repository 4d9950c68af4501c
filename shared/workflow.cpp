#include "shared/workflow.h"

#include <array>

#include "shared/names.h"

namespace aduan {
namespace {

constexpr uint8_t bit(Role r) { return uint8_t(1u << static_cast<uint8_t>(r)); }

constexpr uint8_t kCitizen = bit(Role::kCitizen);
constexpr uint8_t kCoord = bit(Role::kCoordinator);
constexpr uint8_t kAdmin = bit(Role::kAgencyAdmin);
constexpr uint8_t kOfficer = bit(Role::kAgencyOfficer);
constexpr uint8_t kAgency = bit(Role::kAgencyAdmin) | bit(Role::kAgencyOfficer);
constexpr uint8_t kSuper = bit(Role::kSupervisor);
constexpr uint8_t kSystem = bit(Role::kSystem);
constexpr uint8_t kAllStaff = kCoord | kAgency | kSuper;

using S = Status;
using A = Action;
using C = ClockEffect;
using G = Stage;

// One row per allowed move. Self-loops (reply, update, assign, comment) keep the clock.
constexpr std::array kTable = {
    Transition{std::nullopt, A::kSubmit, kCitizen, S::kSubmitted, C::kStart, G::kVerification},

    Transition{S::kSubmitted, A::kForward, kCoord, S::kForwarded, C::kStart, G::kFirstResponse},
    Transition{S::kSubmitted, A::kPostpone, kCoord, S::kPostponed, C::kPause, G::kNone},
    Transition{S::kSubmitted, A::kArchive, kCoord, S::kArchived, C::kStop, G::kNone},
    Transition{S::kSubmitted, A::kReply, kCitizen, S::kSubmitted, C::kKeep, G::kNone},
    Transition{S::kSubmitted, A::kComment, kAllStaff, S::kSubmitted, C::kKeep, G::kNone},

    Transition{S::kPostponed, A::kAnswer, kCitizen, S::kSubmitted, C::kStart, G::kVerification},
    Transition{S::kPostponed, A::kArchive, kCoord, S::kArchived, C::kStop, G::kNone},
    Transition{S::kPostponed, A::kComment, kAllStaff, S::kPostponed, C::kKeep, G::kNone},

    Transition{S::kForwarded, A::kAssign, kAdmin, S::kForwarded, C::kKeep, G::kNone},
    Transition{S::kForwarded, A::kRespond, kAgency, S::kInProgress, C::kStart, G::kResolution},
    Transition{S::kForwarded, A::kReturn, kAdmin, S::kSubmitted, C::kStart, G::kVerification},
    Transition{S::kForwarded, A::kReply, kCitizen, S::kForwarded, C::kKeep, G::kNone},
    Transition{S::kForwarded, A::kEscalate, kSystem | kSuper, S::kEscalated, C::kStop, G::kNone},
    Transition{S::kForwarded, A::kComment, kAllStaff, S::kForwarded, C::kKeep, G::kNone},

    Transition{S::kInProgress, A::kAssign, kAdmin, S::kInProgress, C::kKeep, G::kNone},
    Transition{S::kInProgress, A::kUpdate, kAgency, S::kInProgress, C::kKeep, G::kNone},
    Transition{S::kInProgress, A::kResolve, kAdmin, S::kResolved, C::kStart,
               G::kCitizenConfirmation, kOfficer},
    Transition{S::kInProgress, A::kReturn, kAdmin, S::kSubmitted, C::kStart, G::kVerification},
    Transition{S::kInProgress, A::kReply, kCitizen, S::kInProgress, C::kKeep, G::kNone},
    Transition{S::kInProgress, A::kEscalate, kSystem | kSuper, S::kEscalated, C::kStop, G::kNone},
    Transition{S::kInProgress, A::kComment, kAllStaff, S::kInProgress, C::kKeep, G::kNone},

    Transition{S::kResolved, A::kConfirm, kCitizen, S::kClosed, C::kStop, G::kNone},
    Transition{S::kResolved, A::kReopen, kCitizen, S::kInProgress, C::kStart, G::kResolution},
    Transition{S::kResolved, A::kReply, kCitizen, S::kResolved, C::kKeep, G::kNone},
    Transition{S::kResolved, A::kAutoClose, kSystem, S::kClosed, C::kStop, G::kNone},
    Transition{S::kResolved, A::kComment, kAllStaff, S::kResolved, C::kKeep, G::kNone},

    Transition{S::kEscalated, A::kUpdate, kAgency | kSuper, S::kEscalated, C::kKeep, G::kNone},
    Transition{S::kEscalated, A::kResolve, kAdmin | kSuper, S::kResolved, C::kStart,
               G::kCitizenConfirmation, kOfficer},
    Transition{S::kEscalated, A::kReply, kCitizen, S::kEscalated, C::kKeep, G::kNone},
    Transition{S::kEscalated, A::kComment, kAllStaff, S::kEscalated, C::kKeep, G::kNone},

    Transition{S::kClosed, A::kRate, kCitizen, S::kClosed, C::kKeep, G::kNone},
};

constexpr std::array<std::string_view, kStatusCount> kStatusNames = {
    "submitted", "postponed", "forwarded", "in_progress",
    "resolved",  "closed",    "archived",  "escalated"};
constexpr std::array<std::string_view, kActionCount> kActionNames = {
    "submit",  "forward", "postpone",   "answer",   "archive", "assign",
    "respond", "update",  "return",     "resolve",  "reply",   "confirm",
    "reopen",  "rate",    "auto_close", "escalate", "comment", "privacy"};
constexpr std::array<std::string_view, kRoleCount> kRoleNames = {
    "citizen",    "coordinator",  "agency_admin", "agency_officer",
    "supervisor", "system_admin", "system"};
constexpr std::array<std::string_view, 5> kStageNames = {"none", "verification", "first_response",
                                                         "resolution", "citizen_confirmation"};
constexpr std::array<std::string_view, 4> kClockNames = {"keep", "start", "pause", "stop"};
constexpr std::array<std::string_view, 3> kGroupNames = {"open", "waiting", "done"};

bool permits(const Transition& t, Role role, const AgencyRules& agency) {
  return (t.roles & bit(role)) || (agency.officers_resolve && (t.delegable & bit(role)));
}

}  // namespace

std::optional<Transition> find_transition(std::optional<Status> from, Action action, Role role,
                                          const AgencyRules& agency) {
  for (const Transition& t : kTable) {
    if (t.from == from && t.action == action && permits(t, role, agency)) return t;
  }
  return std::nullopt;
}

std::vector<Action> allowed_actions(Status status, Role role, const AgencyRules& agency) {
  std::vector<Action> out;
  for (const Transition& t : kTable) {
    if (t.from == status && permits(t, role, agency)) out.push_back(t.action);
  }
  return out;
}

const std::vector<Transition>& workflow_table() {
  static const std::vector<Transition> table(kTable.begin(), kTable.end());
  return table;
}

StatusGroup status_group(Status s) {
  switch (s) {
    case Status::kPostponed:
    case Status::kResolved:
      return StatusGroup::kWaiting;  // waiting for the citizen
    case Status::kClosed:
    case Status::kArchived:
      return StatusGroup::kDone;
    default:
      return StatusGroup::kOpen;
  }
}

bool is_open(Status s) { return !is_final(s); }
bool is_final(Status s) { return status_group(s) == StatusGroup::kDone; }
bool is_verified(Status s) {
  switch (s) {
    case Status::kForwarded:
    case Status::kInProgress:
    case Status::kResolved:
    case Status::kClosed:
    case Status::kEscalated:
      return true;
    default:
      return false;
  }
}

std::string_view to_string(Status s) { return kStatusNames[static_cast<size_t>(s)]; }
std::string_view to_string(Action a) { return kActionNames[static_cast<size_t>(a)]; }
std::string_view to_string(Role r) { return kRoleNames[static_cast<size_t>(r)]; }
std::string_view to_string(Stage s) { return kStageNames[static_cast<size_t>(s)]; }
std::string_view to_string(ClockEffect c) { return kClockNames[static_cast<size_t>(c)]; }
std::string_view to_string(StatusGroup g) { return kGroupNames[static_cast<size_t>(g)]; }

std::optional<Status> parse_status(std::string_view s) {
  return internal::enum_from_name<Status>(kStatusNames, s);
}
std::optional<Action> parse_action(std::string_view s) {
  return internal::enum_from_name<Action>(kActionNames, s);
}
std::optional<Role> parse_role(std::string_view s) {
  return internal::enum_from_name<Role>(kRoleNames, s);
}
std::optional<Stage> parse_stage(std::string_view s) {
  return internal::enum_from_name<Stage>(kStageNames, s);
}

}  // namespace aduan

// The report lifecycle as one table: (from status, action, role) -> to status, and what the
// transition does to the deadline clock. Routes and pages ask this table; nothing else
// decides whether an action is allowed.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace aduan {

enum class Status : uint8_t {
  kSubmitted,   // Belum Terverifikasi
  kPostponed,   // Laporan Tertunda
  kForwarded,   // Terdisposisi, Belum Ditindaklanjuti
  kInProgress,  // Terdisposisi, Sedang Diproses
  kResolved,    // Terdisposisi, Selesai
  kClosed,      // Selesai
  kArchived,    // Laporan Arsip
  kEscalated,   // taken over by the supervisor
};
inline constexpr int kStatusCount = 8;

enum class Action : uint8_t {
  kSubmit,     // citizen files the report
  kForward,    // coordinator verifies and forwards (disposisi) to an agency
  kPostpone,   // coordinator asks the citizen for more information; the clock pauses
  kAnswer,     // citizen answers a postponement
  kArchive,    // coordinator archives with a reason
  kAssign,     // agency admin assigns an officer
  kRespond,    // agency's first response; work starts
  kUpdate,     // agency posts a progress update
  kReturn,     // agency returns the report as not its remit
  kResolve,    // agency (or supervisor after escalation) publishes the final follow-up
  kReply,      // citizen adds to the conversation
  kConfirm,    // citizen confirms the resolution
  kReopen,     // citizen rejects the resolution
  kRate,       // citizen rates the follow-up
  kAutoClose,  // no citizen reply within the confirmation window
  kEscalate,   // resolution deadline passed; the supervisor takes over
  kComment,    // internal staff note
  kPrivacy,    // who may see the report changes (anonymous, confidential); not in the table:
               // any status, and the rule is privacy_change_errors (shared/actions.h)
};
inline constexpr int kActionCount = 18;

enum class Role : uint8_t {
  kCitizen,
  kCoordinator,
  kAgencyAdmin,
  kAgencyOfficer,
  kSupervisor,
  kSystemAdmin,
  kSystem,  // the background deadline job
};
inline constexpr int kRoleCount = 7;

// The deadline that runs while a report is in a stage.
enum class Stage : uint8_t {
  kNone,
  kVerification,         // coordinator verifies and forwards
  kFirstResponse,        // agency's first response
  kResolution,           // agency resolves; length depends on the tier
  kCitizenConfirmation,  // citizen confirms or reopens, else auto-close
};

// What a transition does to the deadline clock.
enum class ClockEffect : uint8_t {
  kKeep,   // the current stage and its due date stay as they are
  kStart,  // a new stage starts today
  kPause,  // no deadline runs until the next kStart (postponement)
  kStop,   // final: no more deadlines
};

enum class StatusGroup : uint8_t { kOpen, kWaiting, kDone };

struct Transition {
  std::optional<Status> from;  // nullopt: the report does not exist yet (submit)
  Action action;
  uint8_t roles;  // bit per Role
  Status to;
  ClockEffect clock;
  Stage stage;  // the stage that starts when clock == kStart
  // Roles that may also take this move when their agency allows it (AgencyRules): an agency
  // that lets its officers publish the final follow-up.
  uint8_t delegable = 0;
};

// What an agency decides for its own reports (agencies.officers_resolve, migration 0030).
// The server reads it from the store, the panel from the report; both pass it in here.
struct AgencyRules {
  bool officers_resolve = false;  // its officers may resolve what its admin may
};

// The transition for (from, action, role) on a report of an agency with `agency` rules, or
// nullopt when it is not allowed.
std::optional<Transition> find_transition(std::optional<Status> from, Action action, Role role,
                                          const AgencyRules& agency = {});

// Every action `role` may take on a report in `status`, in table order.
std::vector<Action> allowed_actions(Status status, Role role, const AgencyRules& agency = {});

// The whole table, for tests and documentation.
const std::vector<Transition>& workflow_table();

StatusGroup status_group(Status s);
bool is_open(Status s);   // a deadline may run and staff still have work
bool is_final(Status s);  // closed or archived
// Verified: the coordinator forwarded it and it was not sent back. Only such reports (when
// not confidential) are published: public list, search, map, Open311, similar offers.
bool is_verified(Status s);

// Stable machine names ("in_progress", "auto_close", "agency_admin", ...).
std::string_view to_string(Status s);
std::string_view to_string(Action a);
std::string_view to_string(Role r);
std::string_view to_string(Stage s);
std::string_view to_string(ClockEffect c);
std::string_view to_string(StatusGroup g);
std::optional<Status> parse_status(std::string_view s);
std::optional<Action> parse_action(std::string_view s);
std::optional<Role> parse_role(std::string_view s);
std::optional<Stage> parse_stage(std::string_view s);

}  // namespace aduan

// What a person sends with a workflow action (a note, a target agency, a rating...), and
// the rules for it. Pages and server check an action form with the same code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/validation.h"
#include "shared/workflow.h"

namespace aduan {

// Why a coordinator archives a report.
enum class ArchiveReason : uint8_t {
  kIncomplete,
  kNotPublicService,
  kAbusive,
  kSpam,
  kDuplicate,
};

struct ActionInput {
  std::string note;                  // question, reply, update, reason or final response
  bool is_public = true;             // updates: visible to the citizen, or internal only
  bool publish = false;              // respond, update, resolve: the note is for everyone
  std::string agency;                // forward: the agency that has the authority
  std::string classification;        // forward: a correction, empty to keep
  std::string category;              // forward: a correction, empty to keep
  std::optional<bool> anonymous;     // forward, privacy: the reporter hidden from the agency
  std::optional<bool> confidential;  // forward, privacy: the content hidden from the public
  std::string tier;     // forward or respond: light, normative, no_investigation, investigation
  std::string officer;  // assign: the officer's username
  std::string archive_reason;  // archive: incomplete, not_public_service, abusive, spam, duplicate
  std::string duplicate_of;    // archive as duplicate: the other report's tracking ID
  std::optional<int> rating;   // rate: 1..5; confirm: optional, rates in the same step
  // respond, update, resolve, comment: handles of the staff member's finished uploads, in
  // the order shown (an "after" photo, an official letter)
  std::vector<std::string> attachments;
};

struct ActionContext {
  std::vector<std::string> agencies;
  std::vector<std::string> categories;
};

// How long the note of an action may be, in characters; min 0 when it may be left out.
struct NoteLimits {
  bool required;
  size_t min;
  size_t max;
};
NoteLimits note_limits(Action action);

// How many files an action's event may carry: as many as a report (AttachmentLimits) for
// the agency's answers and notes, none for the other actions.
size_t max_action_attachments(Action action);

// Every problem with `in` for `action`, as (field, code) pairs.
std::vector<FieldError> validate_action(Action action, const ActionInput& in,
                                        const ActionContext& ctx);

// Who may read the event an action writes. Internal notes, assignments and returns stay
// among the staff; an update reaches the reporter when its author says so. Only the
// agency's answers (respond, update, resolve) can be published to everyone, and only when
// their author chose it: the citizen's own words and the coordinator's questions never are.
// The values are stored (report_events.public).
enum class Visibility : uint8_t { kStaff = 0, kReporter = 1, kPublic = 2 };
Visibility event_visibility(Action action, const ActionInput& in);

// Whether `role` may change a report's flags from (anonymous, confidential) to what `in`
// asks. Making a report more private (confidential, anonymous) is anyone's right; making it
// more public or revealing the reporter is the reporter's alone. Every problem as (field,
// code): kNeedsReporter for staff loosening a flag, kUnchanged when nothing would change.
std::vector<FieldError> privacy_change_errors(Role role, bool anonymous, bool confidential,
                                              const ActionInput& in);

// A report archived as abuse or spam was never a complaint: the public figures leave it out,
// as they leave out a confidential report (store/status_sql.h, public_figures_condition).
bool leaves_public_figures(ArchiveReason r);
inline constexpr int kArchiveReasonCount = 5;

std::string_view to_string(ArchiveReason r);
std::string_view to_string(Visibility v);  // "staff", "reporter", "public"
std::optional<ArchiveReason> parse_archive_reason(std::string_view s);

}  // namespace aduan

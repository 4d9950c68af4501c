// What a workflow action does to a report: the fields it sets or clears, the entries it adds
// to the report's history and who hears of it. The transition table (shared/workflow.h) says
// whether a move is allowed; this says what the move changes. The server applies the result
// (services/workflow_service.cpp) in one transaction; the tests run the same cases natively
// and through the wasm build (tests/vectors/core.json, "effects").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/actions.h"
#include "shared/deadlines.h"
#include "shared/validation.h"
#include "shared/workflow.h"

namespace aduan {

// The parts of a report an action may change. Ids are the store's, opaque here.
struct ReportState {
  Status status = Status::kSubmitted;
  std::optional<int64_t> agency_id;  // the agency it is forwarded to
  std::optional<int64_t> assigned_user_id;
  int64_t category_id = 0;
  std::string classification;
  ResolutionTier tier = ResolutionTier::kNormative;
  bool returned = false;  // sent back by an agency as not its remit
  bool anonymous = false;
  bool confidential = false;
  std::string archive_reason;
  std::string duplicate_of;  // canonical tracking ID
  std::optional<int> rating;
  std::string rating_comment;

  bool operator==(const ReportState&) const = default;
};

// What the server found in its store for the action's input: the names in the form turned
// into ids, each only when it is fit for this report.
struct FoundInput {
  std::optional<int64_t> agency_id;    // forward: the agency named
  std::optional<int64_t> category_id;  // forward: the category named, when one is
  // assign: the officer named, when enabled, of an agency role, in the agency holding the
  // report (or a unit of it) and in the assigning admin's part of the hierarchy
  std::optional<int64_t> officer_id;
  std::string officer_name;
  bool original_found = false;  // archive as duplicate: the original exists and is another report
};

// An entry the action adds to the report's history. Its status after is the report's new one.
struct EventDraft {
  Action action = Action::kComment;
  Status from = Status::kSubmitted;
  std::string note;
  Visibility visibility = Visibility::kReporter;
  std::optional<int64_t> agency_id;  // forward: the agency it went to; return: the one it left
  bool operator==(const EventDraft&) const = default;
};

// A message the action leads to; who receives it is the deployment's rule (notification
// templates), the note is the one its readers may see.
struct Notice {
  std::string event;  // "forwarded", "citizen_update", "privacy_changed", ...
  std::string note;
  bool status_changed = false;
  bool operator==(const Notice&) const = default;
};

struct ActionEffects {
  enum class Refusal : uint8_t {
    kNone,
    kNotAllowed,  // the table does not allow it, or the record would be rewritten (409)
    kInvalid,     // `errors` says which field (422)
  } refusal = Refusal::kNone;
  std::vector<FieldError> errors;

  Transition transition{};  // the move taken; its clock effect moves the deadline
  ReportState after;
  // The action's own entry first (the staff member's files go with it), then those that
  // accompany it, in the order they are written.
  std::vector<EventDraft> events;
  std::vector<Notice> notices;
  bool back_in_search = false;   // made public again: the matcher may offer it once more
  bool follow_original = false;  // archived as a duplicate: its reporter follows the original
};

// What `action` by `role`, with `in` (already validated by validate_action) and what the
// server `found` for it, does to a report now in `before`, whose agency decided `rules`.
// Who may reach the report at all (an agency's scope, an officer's assignment) is asked
// before, by the server (services/caller.h, can_act_on_report).
ActionEffects decide_action(const ReportState& before, Action action, Role role,
                            const ActionInput& in, const FoundInput& found,
                            const AgencyRules& rules = {});

// Which message an action leads to, when any: `shown` when its entry reaches the citizen.
std::optional<std::string> notification_event(Action action, bool shown);

std::string_view to_string(ActionEffects::Refusal r);

}  // namespace aduan

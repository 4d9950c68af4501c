#include "shared/effects.h"

#include <algorithm>

#include "shared/text.h"
#include "shared/tracking_id.h"

namespace aduan {
namespace {

using Refusal = ActionEffects::Refusal;

// Staff who work on reports, and the reporter; not the system admin or the deadline job.
bool may_change_privacy(Role role) { return role != Role::kSystemAdmin && role != Role::kSystem; }

// A privacy change is no move in the table: it keeps the status and the clock, in any status.
std::optional<Transition> transition_for(const ReportState& r, Action action, Role role,
                                         const AgencyRules& rules) {
  if (action != Action::kPrivacy) return find_transition(r.status, action, role, rules);
  if (!may_change_privacy(role)) return std::nullopt;
  return Transition{r.status, action, 0, r.status, ClockEffect::kKeep, Stage::kNone};
}

// The flags a privacy change turns on or off, as words the pages translate:
// "anonymous:on confidential:off". Empty when nothing changes.
std::string privacy_change_note(const ReportState& r, const ActionInput& in) {
  std::string out;
  auto add = [&](const char* flag, std::optional<bool> wanted, bool now) {
    if (!wanted || *wanted == now) return;
    if (!out.empty()) out += ' ';
    out += std::string(flag) + (*wanted ? ":on" : ":off");
  };
  add("anonymous", in.anonymous, r.anonymous);
  add("confidential", in.confidential, r.confidential);
  return out;
}

ActionEffects refused(Refusal why, std::vector<FieldError> errors = {}) {
  ActionEffects e;
  e.refusal = why;
  e.errors = std::move(errors);
  return e;
}

// The fields the action itself sets, and what its entry records of them; a refusal when what
// it names is not fit. The privacy flags and the tier follow (set_privacy, the tier below).
std::optional<ActionEffects> set_fields(Action action, const ActionInput& in,
                                        const FoundInput& found, ReportState* r,
                                        EventDraft* event) {
  switch (action) {
    case Action::kForward:
      if (!found.agency_id)
        return refused(Refusal::kInvalid, {{"agency", FieldCode::kUnknownAgency}});
      if (!in.category.empty() && !found.category_id) {
        return refused(Refusal::kInvalid, {{"category", FieldCode::kUnknownCategory}});
      }
      r->agency_id = event->agency_id = found.agency_id;
      if (!in.classification.empty()) r->classification = in.classification;
      if (found.category_id) r->category_id = *found.category_id;
      r->returned = false;  // forwarded again after a return: no longer waiting as returned
      r->assigned_user_id.reset();
      break;
    case Action::kAssign:
      if (!found.officer_id) {
        return refused(Refusal::kInvalid, {{"officer", FieldCode::kUnknownOfficer}});
      }
      r->assigned_user_id = found.officer_id;
      event->note = found.officer_name;  // the assignment's entry names the officer
      break;
    case Action::kReturn:
      event->agency_id = r->agency_id;  // the agency it left
      r->agency_id.reset();
      r->assigned_user_id.reset();
      r->returned = true;
      break;
    case Action::kArchive:
      r->archive_reason = in.archive_reason;
      if (!in.duplicate_of.empty()) {
        r->duplicate_of = parse_tracking_id(in.duplicate_of).canonical;
        // A duplicate of a report that exists, and not of itself.
        if (!found.original_found) {
          return refused(Refusal::kInvalid, {{"duplicate_of", FieldCode::kInvalidTrackingId}});
        }
      }
      break;
    case Action::kRate:
    case Action::kConfirm:
      if (!in.rating) break;  // confirming without rating: the rating may come later
      // Rated once: a second rating would rewrite the record.
      if (r->rating) return refused(Refusal::kNotAllowed);
      r->rating = in.rating;
      r->rating_comment = normalize_block(in.note);
      break;
    default:
      break;
  }
  return std::nullopt;
}

// A privacy change, or a forward that hides more (the coordinator may hide more while
// forwarding, never less): the flags set on `r` and what changed, as words, in `note`; a
// refusal when the role may not make the change.
std::optional<ActionEffects> set_privacy(Action action, Role role, const ActionInput& in,
                                         ReportState* r, std::string* note) {
  if (action != Action::kPrivacy && action != Action::kForward) return std::nullopt;
  std::vector<FieldError> errors = privacy_change_errors(role, r->anonymous, r->confidential, in);
  // A forward that leaves the flags as they are is no privacy change.
  if (action == Action::kForward) {
    std::erase_if(errors, [](const FieldError& e) { return e.code == FieldCode::kUnchanged; });
  }
  if (!errors.empty()) return refused(Refusal::kInvalid, std::move(errors));
  *note = privacy_change_note(*r, in);
  if (in.anonymous) r->anonymous = *in.anonymous;
  if (in.confidential) r->confidential = *in.confidential;
  return std::nullopt;
}

// An entry that goes with the action's own, written at the report's new status.
EventDraft companion(const EventDraft& event, Action action, Status now, Visibility visibility,
                     std::string note) {
  EventDraft e = event;
  e.action = action;
  e.from = now;
  e.visibility = visibility;
  e.note = std::move(note);
  return e;
}

// Who hears of the action, with the note they may read: the citizen's shown entries, the
// officer's instructions. The reporter's own privacy choice needs no message to anyone.
void tell(Action action, Role role, const EventDraft& event,
          const std::optional<EventDraft>& instruction, bool tightened, Status before,
          ActionEffects* e) {
  const bool shown = event.visibility != Visibility::kStaff;
  const bool by_reporter = role == Role::kCitizen && action == Action::kPrivacy;
  if (const auto what = notification_event(action, shown); what && !by_reporter) {
    const std::string note = action == Action::kAssign && instruction ? instruction->note
                             : shown && action != Action::kPrivacy    ? event.note
                                                                      : "";
    e->notices.push_back({*what, note, before != e->after.status});
  }
  // The reporter hears of a change to who may see their report made by someone else.
  if (action == Action::kForward && tightened) e->notices.push_back({"privacy_changed", "", false});
}

// The action's entry and those that accompany it, in the order written, and who hears of it.
void write_history(Action action, Role role, const ActionInput& in, const std::string& privacy_note,
                   Status before, EventDraft event, ActionEffects* e) {
  const Status now = e->after.status;
  std::optional<EventDraft> instruction, rated, tightened;
  // The coordinator's note with a forward is an instruction to the agency, not a message
  // to the citizen: the forward itself is public, its note an internal comment.
  if (action == Action::kForward && !event.note.empty()) {
    instruction = companion(event, Action::kComment, now, Visibility::kStaff, event.note);
    event.note.clear();
  }
  // So is an admin's note with an assignment: what the officer should do; the assignment's
  // own note is the officer's name.
  if (const std::string told = normalize_block(in.note);
      action == Action::kAssign && !told.empty()) {
    instruction = companion(event, Action::kComment, now, Visibility::kStaff, told);
  }
  // Confirming with a rating rates in the same step: the rating is an entry of its own, as
  // when it comes later, and the note is its comment.
  if (action == Action::kConfirm && in.rating) {
    rated = companion(event, Action::kRate, now, event.visibility, event.note);
    event.note.clear();
  }
  // Flags tightened while forwarding are a privacy change of their own in the record.
  if (action == Action::kForward && !privacy_note.empty()) {
    tightened = companion(event, Action::kPrivacy, now, Visibility::kReporter, privacy_note);
  }
  e->events.push_back(event);
  for (auto* extra : {&instruction, &rated, &tightened}) {
    if (*extra) e->events.push_back(**extra);
  }
  tell(action, role, event, instruction, tightened.has_value(), before, e);
}

}  // namespace

ActionEffects decide_action(const ReportState& before, Action action, Role role,
                            const ActionInput& in, const FoundInput& found,
                            const AgencyRules& rules) {
  const auto t = transition_for(before, action, role, rules);
  if (!t) return refused(Refusal::kNotAllowed);
  ActionEffects e;
  e.transition = *t;
  e.after = before;
  EventDraft event{.action = action, .from = before.status};
  if (auto no = set_fields(action, in, found, &e.after, &event)) return std::move(*no);
  std::string privacy_note;  // what a privacy change did, when it did something
  if (auto no = set_privacy(action, role, in, &e.after, &privacy_note)) return std::move(*no);
  if (action == Action::kForward || action == Action::kRespond) {
    if (const auto tier = parse_tier(in.tier)) e.after.tier = *tier;  // empty: kept
  }
  e.after.status = t->to;
  if (action == Action::kPrivacy) {
    event.note = privacy_note;
  } else if (event.note.empty()) {
    event.note = normalize_block(in.note);
  }
  event.visibility = event_visibility(action, in);
  write_history(action, role, in, privacy_note, before.status, std::move(event), &e);
  // Made confidential, a report leaves the matcher's index; the reporter making it public
  // again brings it back.
  e.back_in_search = action == Action::kPrivacy && before.confidential && !e.after.confidential;
  e.follow_original = action == Action::kArchive && !e.after.duplicate_of.empty();
  return e;
}

std::optional<std::string> notification_event(Action a, bool shown) {
  switch (a) {
    case Action::kForward:
      return "forwarded";
    case Action::kReturn:
      return "returned";
    case Action::kAssign:
      return "assigned";
    case Action::kEscalate:
      return "escalated";
    case Action::kPostpone:
    case Action::kRespond:
    case Action::kResolve:
    case Action::kArchive:
    case Action::kAutoClose:
      return "citizen_update";
    case Action::kUpdate:  // an internal update tells no one
      return shown ? std::optional<std::string>("citizen_update") : std::nullopt;
    case Action::kAnswer:
    case Action::kReply:
    case Action::kReopen:
      return "citizen_reply";
    case Action::kPrivacy:  // staff made it more private: the reporter hears of it
      return "privacy_changed";
    default:
      return std::nullopt;
  }
}

std::string_view to_string(ActionEffects::Refusal r) {
  switch (r) {
    case Refusal::kNone:
      return "none";
    case Refusal::kNotAllowed:
      return "not_allowed";
    case Refusal::kInvalid:
      return "invalid";
  }
  return "none";
}

}  // namespace aduan

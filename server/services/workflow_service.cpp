#include "services/workflow_service.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "notify/external_forwarding.h"
#include "notify/notifier.h"
#include "services/auth_service.h"
#include "services/upload_service.h"
#include "shared/text.h"
#include "shared/tracking_id.h"
#include "store/attachment_repository.h"
#include "store/catalog_repository.h"
#include "store/follower_repository.h"
#include "store/report_search.h"
#include "store/similar_reports.h"
#include "store/user_repository.h"

namespace aduan {
namespace {

bool contains_id(const std::vector<int64_t>& ids, std::optional<int64_t> id) {
  return id && std::find(ids.begin(), ids.end(), *id) != ids.end();
}

bool in_scope(const Actor& actor, std::optional<int64_t> agency_id) {
  return !actor.agency_scope || contains_id(*actor.agency_scope, agency_id);
}

// Which notification an action leads to (who receives it is the deployment's rule).
std::optional<std::string> notification_event(Action a, bool event_public) {
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
    case Action::kUpdate:
      return event_public ? std::optional<std::string>("citizen_update") : std::nullopt;
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

// What the agency holding the report decided for its reports, read in the action's
// transaction so that a setting just turned off is obeyed at once.
AgencyRules agency_rules(SQLite::Database& db, std::optional<int64_t> agency_id) {
  AgencyRules rules;
  if (!agency_id) return rules;
  if (const auto agency = CatalogRepository::agency_by_id(db, *agency_id)) {
    rules.officers_resolve = agency->officers_resolve;
  }
  return rules;
}

// Staff who work on reports, and the reporter; not the system admin or the deadline job.
bool may_change_privacy(Role role) { return role != Role::kSystemAdmin && role != Role::kSystem; }

// The flags a privacy change turns on or off, as words the pages translate:
// "anonymous:on confidential:off". Empty when nothing changes.
std::string privacy_change_note(const ReportRecord& r, const ActionInput& in) {
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

}  // namespace

WorkflowService::WorkflowService(Store& store, const Clock& clock, ServiceSettings settings,
                                 const Notifier* notifier)
    : store_(store), clock_(clock), settings_(settings), notifier_(notifier) {}

ActOutcome WorkflowService::act(int64_t report_id, const Actor& actor, Action action,
                                const ActionInput& input, std::optional<int64_t> expected_version) {
  ActOutcome out;
  std::shared_ptr<const Catalogue> catalogue;
  store_.read([&](SQLite::Database& db) { catalogue = CatalogRepository::catalogue(db); });
  const Catalogue& cat = *catalogue;
  ActionContext ctx;
  for (const Agency& a : cat.agencies) ctx.agencies.push_back(a.code);
  for (const Category& c : cat.categories) ctx.categories.push_back(c.code);
  out.errors = validate_action(action, input, ctx);
  if (!out.errors.empty()) {
    out.result = ActOutcome::Result::kInvalid;
    return out;
  }

  const int64_t now = clock_.now_unix();
  const Date today = local_date(now, settings_.utc_offset_minutes);
  store_.write([&](SQLite::Database& db) {
    SQLite::Transaction tx(db);
    auto found = ReportRepository::find_by_id(db, report_id);
    if (!found) {
      out.result = ActOutcome::Result::kNotFound;
      return;
    }
    ReportRecord r = std::move(*found);
    if (expected_version && *expected_version != r.version) {
      out.result = ActOutcome::Result::kStaleVersion;
      return;
    }
    // A privacy change is no move in the table: it keeps the status and the clock, in any
    // status, and who may make it is the rule of privacy_change_errors.
    const auto t =
        action == Action::kPrivacy
            ? std::optional<Transition>(
                  Transition{r.status, action, 0, r.status, ClockEffect::kKeep, Stage::kNone})
            : find_transition(r.status, action, actor.role, agency_rules(db, r.agency_id));
    if (!t || (action == Action::kPrivacy && !may_change_privacy(actor.role))) {
      out.result = ActOutcome::Result::kNotAllowed;
      return;
    }
    // An agency acts only on what was forwarded to it.
    const bool agency_role = actor.role == Role::kAgencyAdmin || actor.role == Role::kAgencyOfficer;
    if (agency_role && !in_scope(actor, r.agency_id)) {
      out.result = ActOutcome::Result::kNotFound;
      return;
    }
    if (actor.role == Role::kAgencyOfficer && r.assigned_user_id != actor.user_id) {
      out.result = ActOutcome::Result::kNotFound;
      return;
    }

    const ReportRecord held = r;  // as it was during the stage that may end now
    EventRecord event;
    std::string privacy_note;  // what a privacy change did, when it did something
    switch (action) {
      case Action::kForward: {
        const Agency* agency = find_code(cat.agencies, input.agency);
        r.agency_id = agency->id;
        event.agency_id = agency->id;
        if (!input.classification.empty()) r.classification = input.classification;
        if (!input.category.empty()) r.category_id = find_code(cat.categories, input.category)->id;
        // The coordinator may hide more while forwarding, never less (privacy below).
        r.returned = false;
        r.assigned_user_id.reset();
        break;
      }
      case Action::kAssign: {
        // The officer works in the agency (or a unit of it) that holds the report, and in
        // the assigning admin's part of the hierarchy.
        const auto officer = UserRepository::find_by_username(db, input.officer);
        const std::vector<int64_t> report_scope =
            r.agency_id ? agency_subtree(db, *r.agency_id) : std::vector<int64_t>{};
        const bool fits =
            officer && !officer->disabled &&
            (officer->role == Role::kAgencyOfficer || officer->role == Role::kAgencyAdmin) &&
            contains_id(report_scope, officer->agency_id) && in_scope(actor, officer->agency_id);
        if (!fits) {
          out.result = ActOutcome::Result::kInvalid;
          out.errors.push_back({"officer", FieldCode::kUnknownOfficer});
          return;
        }
        r.assigned_user_id = officer->id;
        event.note = officer->display_name;
        break;
      }
      case Action::kReturn:
        event.agency_id = r.agency_id;
        r.agency_id.reset();
        r.assigned_user_id.reset();
        r.returned = true;
        break;
      case Action::kArchive:
        r.archive_reason = input.archive_reason;
        if (!input.duplicate_of.empty()) {
          r.duplicate_of = parse_tracking_id(input.duplicate_of).canonical;
          // A duplicate of a report that exists, and not of itself.
          const auto original = ReportRepository::find_by_tracking_id(db, r.duplicate_of);
          if (!original || original->id == r.id) {
            out.result = ActOutcome::Result::kInvalid;
            out.errors.push_back({"duplicate_of", FieldCode::kInvalidTrackingId});
            return;
          }
        }
        break;
      case Action::kRate:
      case Action::kConfirm:
        if (!input.rating) break;  // confirming without rating: the rating may come later
        if (r.rating) {            // rated once; a second rating would rewrite the record
          out.result = ActOutcome::Result::kNotAllowed;
          return;
        }
        r.rating = input.rating;
        r.rating_comment = normalize_block(input.note);
        break;
      default:
        break;
    }
    if (action == Action::kPrivacy || action == Action::kForward) {
      std::vector<FieldError> refused =
          privacy_change_errors(actor.role, r.anonymous, r.confidential, input);
      // A forward that leaves the flags as they are is no privacy change.
      if (action == Action::kForward) {
        std::erase_if(refused, [](const FieldError& e) { return e.code == FieldCode::kUnchanged; });
      }
      if (!refused.empty()) {
        out.result = ActOutcome::Result::kInvalid;
        out.errors = std::move(refused);
        return;
      }
      privacy_note = privacy_change_note(r, input);
      if (input.anonymous) r.anonymous = *input.anonymous;
      if (input.confidential) r.confidential = *input.confidential;
    }
    if (!input.tier.empty() && (action == Action::kForward || action == Action::kRespond)) {
      r.tier = *parse_tier(input.tier);
    }

    const Status from = r.status;
    // A running stage ends when the clock starts another, pauses or stops: keep its record
    // (with the agency that held it) for the monitoring.
    if (t->clock != ClockEffect::kKeep && held.clock.deadline.stage != Stage::kNone) {
      const StageDeadline& ended = held.clock.deadline;
      ReportRepository::record_stage(db, held, ended, today,
                                     cat.calendar.working_days_between(ended.started, today), now);
    }
    r.clock = next_clock(*t, r.clock, today, r.tier, cat.calendar, settings_.policy);
    r.status = t->to;
    r.updated_at = now;
    if (!ReportRepository::update(db, &r)) {
      out.result = ActOutcome::Result::kStaleVersion;
      return;
    }
    ReportSearch::moved(db, held, r.agency_id);
    external_forwarding::acted(db, held, r, action, now);
    event.at = now;
    event.actor_role = actor.role;
    event.actor_id = actor.user_id;
    event.actor_name = actor.name;
    event.action = action;
    event.from_status = from;
    event.to_status = r.status;
    if (action == Action::kPrivacy) {
      event.note = privacy_note;
    } else if (event.note.empty()) {
      event.note = normalize_block(input.note);
    }
    event.visibility = event_visibility(action, input);
    // The coordinator's note with a forward is an instruction to the agency, not a message
    // to the citizen: the forward itself is public, its note an internal comment.
    // So is an admin's note with an assignment: what the officer should do; the assignment's
    // own note is the officer's name.
    std::optional<EventRecord> instruction;
    if (action == Action::kForward && !event.note.empty()) {
      instruction = event;
      instruction->action = Action::kComment;
      instruction->from_status = r.status;
      instruction->visibility = Visibility::kStaff;
      event.note.clear();
    }
    if (const std::string told = normalize_block(input.note);
        action == Action::kAssign && !told.empty()) {
      instruction = event;
      instruction->action = Action::kComment;
      instruction->from_status = r.status;
      instruction->visibility = Visibility::kStaff;
      instruction->note = told;
    }
    // Confirming with a rating rates in the same step: the rating is an event of its own,
    // as when it comes later, and the note is its comment.
    std::optional<EventRecord> rated;
    if (action == Action::kConfirm && input.rating) {
      rated = event;
      rated->action = Action::kRate;
      rated->from_status = r.status;
      event.note.clear();
    }
    // Flags tightened while forwarding are a privacy change of their own in the record.
    std::optional<EventRecord> tightened;
    if (action == Action::kForward && !privacy_note.empty()) {
      tightened = event;
      tightened->action = Action::kPrivacy;
      tightened->from_status = r.status;
      tightened->note = privacy_note;
      tightened->visibility = Visibility::kReporter;
    }
    const int64_t event_id = ReportRepository::append_event(db, store_.secrets(), r, event);
    // The staff member's finished uploads become the entry's files; who may fetch them
    // follows the entry's visibility (AttachmentRepository::read).
    if (!input.attachments.empty()) {
      // A report that holds all the files it can: no more, whatever the entry.
      if (AttachmentRepository::last_position(db, r.id) + int(input.attachments.size()) >
          kMaxAttachmentPosition) {
        out.result = ActOutcome::Result::kInvalid;
        out.errors.push_back({"attachments", FieldCode::kTooMany});
        return;
      }
      const auto refused = actor.user_id ? AttachmentRepository::attach_to_event(
                                               db, input.attachments, r.id, event_id,
                                               *actor.user_id, now - kUploadLifetimeSeconds)
                                         : std::optional<size_t>(0);
      if (refused) {
        out.result = ActOutcome::Result::kInvalid;
        out.errors.push_back({"attachments." + std::to_string(*refused), FieldCode::kNotReady});
        return;  // the transaction rolls back: no event, no state change
      }
    }
    if (instruction) ReportRepository::append_event(db, store_.secrets(), r, *instruction);
    if (rated) ReportRepository::append_event(db, store_.secrets(), r, *rated);
    // Made confidential, a report leaves the search index (a trigger, migration 0009); the
    // reporter making it public again brings it back.
    if (action == Action::kPrivacy && held.confidential && !r.confidential) {
      SimilarReports::add(db, r);
    }
    if (tightened) ReportRepository::append_event(db, store_.secrets(), r, *tightened);
    if (action == Action::kArchive && !r.duplicate_of.empty()) {
      // The reporter of a duplicate hears of the original from now on, and counts there.
      if (const auto original = ReportRepository::find_by_tracking_id(db, r.duplicate_of)) {
        Follower f;
        if (r.notify_citizen) {
          f.phone = r.reporter.phone;
          f.email = r.reporter.email;
        }
        f.language = r.language;
        f.from_report_id = r.id;
        FollowerRepository::add(db, original->id, f, now);
        // The words that differ between the two teach the matcher (server/store/term_links.h).
        SimilarReports::learn_duplicate(db, *original, r, now);
      }
    }
    if (notifier_) {
      const bool shown = event.visibility != Visibility::kStaff;
      // The reporter's own privacy choice needs no message to anyone.
      const bool by_reporter = actor.role == Role::kCitizen && action == Action::kPrivacy;
      const auto what = notification_event(action, shown);
      if (what && !by_reporter) {
        // A note goes to whoever may read it: the citizen's shown notes, the officer's
        // instructions.
        const std::string note = action == Action::kAssign && instruction ? instruction->note
                                 : shown && action != Action::kPrivacy    ? event.note
                                                                          : "";
        notifier_->notify(db, *what, r,
                          NotifyDetails{.note = note, .status_changed = from != r.status}, now);
      }
      // The reporter hears of a change to who may see their report made by someone else.
      if (action == Action::kForward && tightened) {
        notifier_->notify(db, "privacy_changed", r, NotifyDetails{}, now);
      }
    }
    tx.commit();
    out.report = std::move(r);
  });
  return out;
}

}  // namespace aduan

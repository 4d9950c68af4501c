#include "services/workflow_service.h"

#include <algorithm>

#include "notify/external_forwarding.h"
#include "notify/notifier.h"
#include "services/auth_service.h"
#include "services/upload_service.h"
#include "shared/effects.h"
#include "shared/tracking_id.h"
#include "store/attachment_repository.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/follower_repository.h"
#include "store/report_repository.h"
#include "store/report_search.h"
#include "store/similar_reports.h"
#include "store/user_repository.h"

namespace aduan {
namespace {

bool contains_id(const std::vector<int64_t>& ids, std::optional<int64_t> id) {
  return id && std::find(ids.begin(), ids.end(), *id) != ids.end();
}

// What the agency holding the report decided for its reports, read in the action's
// transaction so that a setting just turned off is obeyed at once.
AgencyRules agency_rules(Db& db, std::optional<int64_t> agency_id) {
  AgencyRules rules;
  if (!agency_id) return rules;
  if (const auto agency = CatalogRepository::agency_by_id(db, *agency_id)) {
    rules.officers_resolve = agency->officers_resolve;
  }
  return rules;
}

ActionContext action_context(const Catalogue& cat) {
  ActionContext ctx;
  for (const Agency& a : cat.agencies) ctx.agencies.push_back(a.code);
  for (const Category& c : cat.categories) ctx.categories.push_back(c.code);
  return ctx;
}

ReportState state_of(const ReportRecord& r) {
  return ReportState{.status = r.status,
                     .agency_id = r.agency_id,
                     .assigned_user_id = r.assigned_user_id,
                     .category_id = r.category_id,
                     .classification = r.classification,
                     .tier = r.tier,
                     .returned = r.returned,
                     .anonymous = r.anonymous,
                     .confidential = r.confidential,
                     .archive_reason = r.archive_reason,
                     .duplicate_of = r.duplicate_of,
                     .rating = r.rating,
                     .rating_comment = r.rating_comment};
}

void set_state(const ReportState& s, ReportRecord* r) {
  r->status = s.status;
  r->agency_id = s.agency_id;
  r->assigned_user_id = s.assigned_user_id;
  r->category_id = s.category_id;
  r->classification = s.classification;
  r->tier = s.tier;
  r->returned = s.returned;
  r->anonymous = s.anonymous;
  r->confidential = s.confidential;
  r->archive_reason = s.archive_reason;
  r->duplicate_of = s.duplicate_of;
  r->rating = s.rating;
  r->rating_comment = s.rating_comment;
}

// The names in the action's form as the store's ids, each only when fit for report `r`.
FoundInput look_up(Db& db, const Catalogue& cat, const ReportRecord& r, const Caller& actor,
                   Action action, const ActionInput& in) {
  FoundInput found;
  if (action == Action::kForward) {
    if (const Agency* a = find_code(cat.agencies, in.agency)) found.agency_id = a->id;
    if (const Category* c = find_code(cat.categories, in.category)) found.category_id = c->id;
  } else if (action == Action::kAssign) {
    // The officer works in the agency (or a unit of it) that holds the report, and in the
    // assigning admin's part of the hierarchy.
    const auto officer = UserRepository::find_by_username(db, in.officer);
    const std::vector<int64_t> holders =
        r.agency_id ? agency_subtree(db, *r.agency_id) : std::vector<int64_t>{};
    if (officer && !officer->disabled &&
        (officer->role == Role::kAgencyOfficer || officer->role == Role::kAgencyAdmin) &&
        contains_id(holders, officer->agency_id) && in_agency_scope(actor, officer->agency_id)) {
      found.officer_id = officer->id;
      found.officer_name = officer->display_name;
    }
  } else if (action == Action::kArchive && !in.duplicate_of.empty()) {
    const auto original =
        ReportRepository::find_by_tracking_id(db, parse_tracking_id(in.duplicate_of).canonical);
    found.original_found = original && original->id != r.id;
  }
  return found;
}

EventRecord event_record(const EventDraft& d, const Caller& actor, Status to, int64_t now) {
  EventRecord e;
  e.at = now;
  e.actor_role = actor.role;
  e.actor_id = actor.user_id;
  e.actor_name = actor.name;
  e.action = d.action;
  e.from_status = d.from;
  e.to_status = to;
  e.note = d.note;
  e.visibility = d.visibility;
  e.agency_id = d.agency_id;
  return e;
}

ActOutcome refusal(ActOutcome::Result result, std::vector<FieldError> errors = {}) {
  ActOutcome out;
  out.result = result;
  out.errors = std::move(errors);
  return out;
}

}  // namespace

WorkflowService::WorkflowService(Store& store, const Clock& clock, ServiceSettings settings,
                                 const Notifier* notifier)
    : store_(store), clock_(clock), settings_(settings), notifier_(notifier) {}

ActOutcome WorkflowService::act(int64_t report_id, const Caller& actor, Action action,
                                const ActionInput& input, std::optional<int64_t> expected_version) {
  std::shared_ptr<const Catalogue> catalogue;
  store_.read([&](Db& db) { catalogue = CatalogRepository::catalogue(db); });
  if (auto errors = validate_action(action, input, action_context(*catalogue)); !errors.empty()) {
    return refusal(ActOutcome::Result::kInvalid, std::move(errors));
  }
  const Request request{report_id,        actor,      action,           input,
                        expected_version, *catalogue, clock_.now_unix()};
  ActOutcome out;
  store_.write([&](Db& db) {
    Transaction tx(db);
    out = act_within(db, request);
    if (out.result == ActOutcome::Result::kOk) tx.commit();  // else nothing was changed
  });
  return out;
}

// Load, decide (shared/effects.h), store, notify: all in the caller's transaction.
ActOutcome WorkflowService::act_within(Db& db, const Request& q) const {
  auto found = ReportRepository::find_by_id(db, q.report_id);
  if (!found) return refusal(ActOutcome::Result::kNotFound);
  const ReportRecord held = std::move(*found);  // as it was during the stage that may end now
  if (q.expected_version && *q.expected_version != held.version) {
    return refusal(ActOutcome::Result::kStaleVersion);
  }
  const ActionEffects effects = decide_action(
      state_of(held), q.action, q.actor.role, q.input,
      look_up(db, q.catalogue, held, q.actor, q.action, q.input), agency_rules(db, held.agency_id));
  // A move the table refuses is refused before the report's reach is asked, as it always was.
  if (effects.refusal == ActionEffects::Refusal::kNotAllowed) {
    return refusal(ActOutcome::Result::kNotAllowed);
  }
  if (!can_act_on_report(q.actor, held)) return refusal(ActOutcome::Result::kNotFound);
  if (effects.refusal == ActionEffects::Refusal::kInvalid) {
    return refusal(ActOutcome::Result::kInvalid, effects.errors);
  }

  ReportRecord r = held;
  set_state(effects.after, &r);
  if (!store_state(db, q, held, effects.transition, &r)) {
    return refusal(ActOutcome::Result::kStaleVersion);
  }
  if (auto errors = store_history(db, q, r, effects); !errors.empty()) {
    return refusal(ActOutcome::Result::kInvalid, std::move(errors));  // rolled back
  }
  if (effects.back_in_search) SimilarReports::add(db, r);
  if (effects.follow_original) follow_original(db, r, q.now);
  if (notifier_) {
    for (const Notice& n : effects.notices) {
      notifier_->notify(db, n.event, r,
                        NotifyDetails{.note = n.note, .status_changed = n.status_changed}, q.now);
    }
  }
  ActOutcome out;
  out.report = std::move(r);
  return out;
}

// The report's new state, its clock, the record of a stage that ended, and the indexes
// that follow the report. False when the report changed meanwhile.
bool WorkflowService::store_state(Db& db, const Request& q, const ReportRecord& held,
                                  const Transition& t, ReportRecord* r) const {
  const Date today = local_date(q.now, settings_.utc_offset_minutes);
  const WorkingCalendar& calendar = q.catalogue.calendar;
  // A running stage ends when the clock starts another, pauses or stops: keep its record
  // (with the agency that held it) for the monitoring.
  if (t.clock != ClockEffect::kKeep && held.clock.deadline.stage != Stage::kNone) {
    const StageDeadline& ended = held.clock.deadline;
    ReportRepository::record_stage(db, held, ended, today,
                                   calendar.working_days_between(ended.started, today), q.now);
  }
  r->clock = next_clock(t, r->clock, today, r->tier, calendar, settings_.policy);
  r->updated_at = q.now;
  if (!ReportRepository::update(db, r)) return false;
  ReportSearch::moved(db, held, r->agency_id);
  external_forwarding::acted(db, held, *r, q.action, q.now);
  return true;
}

// The action's entries, the staff member's finished uploads as the first one's files (who
// may fetch them follows the entry's visibility, AttachmentRepository::read). The problems
// with the files, when they cannot be attached.
std::vector<FieldError> WorkflowService::store_history(Db& db, const Request& q,
                                                       const ReportRecord& r,
                                                       const ActionEffects& effects) const {
  const int64_t event_id = ReportRepository::append_event(
      db, store_.secrets(), r, event_record(effects.events.front(), q.actor, r.status, q.now));
  if (!q.input.attachments.empty()) {
    // A report that holds all the files it can: no more, whatever the entry.
    if (AttachmentRepository::last_position(db, r.id) + int(q.input.attachments.size()) >
        kMaxAttachmentPosition) {
      return {{"attachments", FieldCode::kTooMany}};
    }
    const auto refused = q.actor.user_id ? AttachmentRepository::attach_to_event(
                                               db, q.input.attachments, r.id, event_id,
                                               *q.actor.user_id, q.now - kUploadLifetimeSeconds)
                                         : std::optional<size_t>(0);
    if (refused) return {{"attachments." + std::to_string(*refused), FieldCode::kNotReady}};
  }
  for (size_t i = 1; i < effects.events.size(); ++i) {
    ReportRepository::append_event(db, store_.secrets(), r,
                                   event_record(effects.events[i], q.actor, r.status, q.now));
  }
  return {};
}

// The reporter of a duplicate hears of the original from now on, and counts there; the
// words that differ between the two teach the matcher (store/term_links.h).
void WorkflowService::follow_original(Db& db, const ReportRecord& r, int64_t now) const {
  const auto original = ReportRepository::find_by_tracking_id(db, r.duplicate_of);
  if (!original) return;
  Follower f;
  if (r.notify_citizen) {
    f.phone = r.reporter.phone;
    f.email = r.reporter.email;
  }
  f.language = r.language;
  f.from_report_id = r.id;
  FollowerRepository::add(db, original->id, f, now);
  SimilarReports::learn_duplicate(db, *original, r, now);
}

}  // namespace aduan

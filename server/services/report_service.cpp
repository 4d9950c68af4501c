#include "services/report_service.h"

#include <sys/random.h>

#include <algorithm>
#include <stdexcept>

#include "base/crypto.h"
#include "base/secrets.h"
#include "model/region_catalog.h"
#include "notify/notifier.h"
#include "services/upload_service.h"
#include "shared/text.h"
#include "store/attachment_repository.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/replay_repository.h"
#include "store/report_repository.h"
#include "store/report_search.h"
#include "store/similar_reports.h"

namespace aduan {
namespace {

// Decoder errors win over validation codes for the same field: "wrong_type" explains more
// than the "required" that an ignored value would also produce.
std::vector<FieldError> merge_errors(std::vector<FieldError> decode_errors,
                                     const std::vector<FieldError>& validation) {
  std::vector<FieldError> out = std::move(decode_errors);
  for (const FieldError& e : validation) {
    const bool shadowed = std::any_of(out.begin(), out.end(),
                                      [&](const FieldError& d) { return d.field == e.field; });
    if (!shadowed) out.push_back(e);
  }
  return out;
}

// Thrown inside the write when an attachment was claimed by another submission between the
// check and the write; the savepoint is rolled back and the citizen told.
struct AttachmentTaken {};

// What is stored of the submission a key came with: its digest keyed with the client's key,
// so the store alone cannot confirm a guessed body, nor link two submissions.
std::string bound_digest(const std::string& key, const std::string& submission_digest) {
  return digest_hex("idempotency-body:" + key + ":" + submission_digest);
}

// The first submission with this key, found inside the write; nullopt when there is none.
// When the key came with another submission, an outcome with only `key_reused` set: nothing
// of the first report (tracking ID, PIN) is given out. Rows without a digest (from before
// keys were bound to bodies) match no submission.
std::optional<SubmitOutcome> replay(Db& db, const std::string& key,
                                    const std::string& submission_digest) {
  const auto stored = ReplayRepository::submission_key(db, digest_hex("idempotency:" + key));
  if (!stored) return std::nullopt;
  if (stored->body_digest.empty() ||
      !equal_secret(stored->body_digest, bound_digest(key, submission_digest))) {
    SubmitOutcome reused;
    reused.key_reused = true;
    return reused;
  }
  const auto report = ReportRepository::find_by_id(db, stored->report_id);
  const auto pin = open_with_secret(key, stored->sealed_pin);
  if (!report || !pin) return std::nullopt;
  SubmitOutcome out;
  out.tracking_id = format_tracking_id(report->tracking_id);
  out.pin = *pin;
  out.status = report->status;
  out.deadline = report->clock.deadline;
  out.created_at = report->created_at;
  out.replayed = true;
  return out;
}

void remember_key(Db& db, const std::string& key, const std::string& submission_digest,
                  int64_t report_id, const std::string& pin, int64_t now) {
  ReplayRepository::add_submission_key(
      db, digest_hex("idempotency:" + key),
      StoredSubmissionKey{.report_id = report_id,
                          .sealed_pin = seal_with_secret(key, pin),
                          .body_digest = bound_digest(key, submission_digest)},
      now);
}

constexpr int kTrackingIdAttempts = 8;
constexpr int kLatestIndonesianOffsetMinutes = 9 * 60;

}  // namespace

std::optional<DeadlineView> deadline_view(const WorkingCalendar& calendar, const ReportRecord& r,
                                          Date today) {
  if (r.clock.deadline.stage == Stage::kNone || !is_open(r.status)) return std::nullopt;
  DeadlineView d;
  d.deadline = r.clock.deadline;
  d.colour = deadline_colour(calendar, d.deadline.started, d.deadline.due, today);
  d.working_days_left = calendar.working_days_between(today, d.deadline.due);
  return d;
}

std::vector<int> deadline_unconfirmed_years(const Catalogue& catalogue, const ReportRecord& r) {
  if (!is_open(r.status)) return {};
  std::optional<Date> from, to;
  const auto span = [&](Date d) {
    from = from ? std::min(*from, d) : d;
    to = to ? std::max(*to, d) : d;
  };
  if (r.clock.deadline.stage != Stage::kNone) {
    span(r.clock.deadline.started);
    span(r.clock.deadline.due);
  }
  if (r.clock.escalation_due) span(*r.clock.escalation_due);
  if (!from) return {};
  return unconfirmed_holiday_years(catalogue, *from, *to);
}

ReportView summary_view(ReportRecord r, const std::vector<Agency>& agencies,
                        const std::vector<Category>& categories, const WorkingCalendar& calendar,
                        Date today) {
  ReportView v;
  if (const Category* c = find_id(categories, r.category_id)) v.category = *c;
  const auto agency_id = r.agency_id ? r.agency_id : r.suggested_agency_id;
  if (const Agency* a = find_id(agencies, agency_id)) v.agency = *a;
  v.deadline = deadline_view(calendar, r, today);
  v.report = std::move(r);
  return v;
}

ReportView load_report_view(Db& db, ReportRecord report, Date today, bool include_internal,
                            const ServiceSettings& settings) {
  ReportView view;
  view.timeline = ReportRepository::events(db, report.id, include_internal);
  const auto catalogue = CatalogRepository::catalogue(db);
  if (const Category* c = find_id(catalogue->categories, report.category_id)) view.category = *c;
  const auto agency_id = report.agency_id ? report.agency_id : report.suggested_agency_id;
  if (const Agency* a = find_id(catalogue->agencies, agency_id)) {
    view.agency = *a;
  } else if (agency_id) {
    view.agency = CatalogRepository::agency_by_id(db, *agency_id);  // no longer active
  }
  view.deadline = deadline_view(catalogue->calendar, report, today);
  view.attachments = AttachmentRepository::of_report(db, report.id, include_internal);
  view.region_name = RegionCatalog::embedded().full_name(report.location.region_code);
  // The postponement the reporter is to answer is the last one: its day starts the answer's
  // time, its note is the question.
  std::optional<Date> postponed_on;
  if (report.status == Status::kPostponed) {
    for (const EventRecord& e : view.timeline) {
      if (e.action != Action::kPostpone) continue;
      postponed_on = local_date(e.at, settings.utc_offset_minutes);
      view.question = e.note;
    }
  }
  view.citizen_step =
      citizen_step(report.status, report.clock, postponed_on, catalogue->calendar, settings.policy);
  view.report = std::move(report);
  return view;
}

std::string make_citizen_pin() {
  std::string pin = std::to_string(random_below(100000000));
  return std::string(8 - pin.size(), '0') + pin;
}

std::string citizen_pin_hash(const Secrets& secrets, const std::string& canonical_tracking_id,
                             const std::string& pin) {
  return secrets.pin_mac(digest_hex("pin:" + canonical_tracking_id + ":" + pin));
}

uint64_t system_random() {
  uint64_t value = 0;
  if (getrandom(&value, sizeof value, 0) != sizeof value) {
    throw std::runtime_error("getrandom failed");
  }
  return value;
}

ReportService::ReportService(Store& store, const Clock& clock, ServiceSettings settings,
                             Random random, const Notifier* notifier)
    : store_(store),
      clock_(clock),
      settings_(settings),
      random_(std::move(random)),
      notifier_(notifier) {}

Date ReportService::today() const {
  return local_date(clock_.now_unix(), settings_.utc_offset_minutes);
}

bool valid_idempotency_key(std::string_view key) {
  if (key.size() < 16 || key.size() > 64) return false;
  for (char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

SubmitOutcome ReportService::submit(const ReportInput& input, std::vector<FieldError> decode_errors,
                                    const std::string& idempotency_key,
                                    const std::string& submission_digest) {
  std::shared_ptr<const Catalogue> catalogue;
  store_.read([&](Db& db) { catalogue = CatalogRepository::catalogue(db); });
  const Submission s{normalize_report(input), idempotency_key, submission_digest};
  if (auto refused = check(input, std::move(decode_errors), s, *catalogue)) return *refused;

  SubmitOutcome out;
  ReportRecord r = new_record(s.report, *catalogue);
  out.pin = make_citizen_pin();
  // The tracking ID found free and the notices addressed before the write, on a reader:
  // every submission's write goes through the one writer, which would otherwise wait for
  // these answers one report after another.
  NewReportNotices notices;
  store_.read([&](Db& db) {
    r.tracking_id = free_tracking_id(db);
    if (notifier_) {
      notices.staff = notifier_->address(db, "new_report", r, {});
      notices.citizen = notifier_->address(db, "received", r, NotifyDetails{.pin = out.pin});
    }
  });
  r.citizen_pin_hash = citizen_pin_hash(store_.secrets(), r.tracking_id, out.pin);
  // Grouped with the submissions that arrive meanwhile: one fsync for all of them, and this
  // returns only once the group is on disk.
  std::optional<SubmitOutcome> earlier;
  try {
    store_.write_grouped([&](Db& db) {
      if (!s.key.empty() && (earlier = replay(db, s.key, s.digest))) return;
      store_new(db, s, out.pin, notices, &r);
    });
  } catch (const AttachmentTaken&) {
    out.pin.clear();
    out.errors.push_back({"attachments", FieldCode::kNotReady});
    return out;
  }
  if (earlier) return *earlier;

  out.tracking_id = format_tracking_id(r.tracking_id);
  out.status = r.status;
  out.deadline = r.clock.deadline;
  out.created_at = r.created_at;
  return out;
}

// The form by the core's rules and the uploads by the store's state; the outcome to answer
// with when the submission goes no further (its problems, or the first answer of a retry).
std::optional<SubmitOutcome> ReportService::check(const ReportInput& input,
                                                  std::vector<FieldError> decode_errors,
                                                  const Submission& s, const Catalogue& catalogue) {
  SubmitOutcome out;
  ValidationContext ctx;
  // "In the future" is judged in WIT, Indonesia's easternmost zone, so that a citizen in
  // Papua filing just after midnight is never told their today is tomorrow.
  ctx.today = local_date(clock_.now_unix(), kLatestIndonesianOffsetMinutes);
  for (const Category& c : catalogue.categories) ctx.categories.push_back(c.code);
  for (const Agency& a : catalogue.agencies) ctx.agencies.push_back(a.code);
  out.errors = merge_errors(std::move(decode_errors), validate_report(input, ctx));
  if (!out.errors.empty()) return out;
  // What only the server knows: the state of the uploads. (Region codes are the core's:
  // validate_report checks them against the same list with every other field.)
  const int64_t oldest = clock_.now_unix() - kUploadLifetimeSeconds;
  store_.read([&](Db& db) {
    for (size_t i = 0; i < input.attachments.size(); ++i) {
      if (!AttachmentRepository::unclaimed(db, input.attachments[i], oldest)) {
        out.errors.push_back({"attachments." + std::to_string(i), FieldCode::kNotReady});
      }
    }
  });
  if (out.errors.empty()) return std::nullopt;
  // A retry of a submission that went through may find its uploads already claimed.
  if (!s.key.empty()) {
    std::optional<SubmitOutcome> earlier;
    store_.read([&](Db& db) { earlier = replay(db, s.key, s.digest); });
    if (earlier) return earlier;
  }
  return out;
}

// The report as it starts: submitted, its verification stage running from today.
ReportRecord ReportService::new_record(const ReportInput& n, const Catalogue& catalogue) const {
  ReportRecord r;
  r.classification = n.classification;
  r.status = Status::kSubmitted;
  r.title = n.title;
  r.body = n.body;
  r.incident_date = n.incident_date;
  r.location = n.location;
  r.category_id = find_code(catalogue.categories, n.category)->id;
  if (const Agency* a = find_code(catalogue.agencies, n.agency)) r.suggested_agency_id = a->id;
  r.channel = n.channel;
  r.reporter = n.reporter;
  r.anonymous = n.anonymous;
  r.confidential = n.confidential;
  r.language = n.language;
  const Transition t = *find_transition(std::nullopt, Action::kSubmit, Role::kCitizen);
  r.clock.deadline = stage_deadline(catalogue.calendar, settings_.policy, t.stage, r.tier, today());
  r.created_at = r.updated_at = clock_.now_unix();
  return r;
}

std::string ReportService::free_tracking_id(Db& db) const {
  for (int attempt = 0; attempt < kTrackingIdAttempts; ++attempt) {
    std::string id = make_tracking_id(random_());
    if (!ReportRepository::tracking_id_taken(db, id)) return id;
  }
  throw std::runtime_error("no free tracking ID");
}

// In the grouped write: the report under its tracking ID, its first entry in the audit chain,
// its files, the retry key, the matcher's and the queue's indexes, and the messages.
// Throws AttachmentTaken when another submission claimed a file meanwhile.
void ReportService::store_new(Db& db, const Submission& s, const std::string& pin,
                              const NewReportNotices& notices, ReportRecord* r) {
  ReportRepository::add(db, r);
  const int64_t now = r->created_at;
  EventRecord e;
  e.at = now;
  e.actor_role = Role::kCitizen;
  e.action = Action::kSubmit;
  e.to_status = r->status;
  ReportRepository::append_event(db, store_.secrets(), *r, e);
  if (!AttachmentRepository::claim(db, s.report.attachments, r->id, now - kUploadLifetimeSeconds)) {
    throw AttachmentTaken{};
  }
  if (!s.key.empty()) remember_key(db, s.key, s.digest, r->id, pin, now);
  SimilarReports::add(db, *r);
  ReportSearch::add(db, *r);
  if (notifier_) {
    notifier_->send(db, notices.staff, *r, {}, now);
    notifier_->send(db, notices.citizen, *r, NotifyDetails{.pin = pin}, now);
  }
}

TrackOutcome ReportService::track(std::string_view typed_tracking_id) {
  TrackOutcome out;
  const ParsedTrackingId id = parse_tracking_id(typed_tracking_id);
  out.id_error = id.error;
  if (!id.ok()) return out;

  store_.read([&](Db& db) {
    auto report = ReportRepository::find_by_tracking_id(db, id.canonical);
    if (report) out.view = load_report_view(db, std::move(*report), today(), false, settings_);
  });
  return out;
}

}  // namespace aduan

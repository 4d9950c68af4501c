// Citizen-facing report operations: submit and track. Validates with the same core as the
// browser, writes in one transaction, and reads the time from the injected clock.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "model/attachment.h"
#include "model/catalogue.h"
#include "model/report_record.h"
#include "notify/notifier.h"
#include "shared/calendar.h"
#include "shared/deadlines.h"
#include "shared/tracking_id.h"
#include "shared/validation.h"
#include "store/db.h"
#include "store/store.h"

namespace aduan {

class Secrets;

struct ServiceSettings {
  int utc_offset_minutes = 7 * 60;  // WIB
  DeadlinePolicy policy;
  // Dashboards and public statistics may be this old: under load, many ask the same. Also
  // how long what an inbox's sources found is kept at most (services/inbox_service.h).
  int monitoring_cache_ms = 5000;
};

struct SubmitOutcome {
  std::vector<FieldError> errors;  // non-empty: nothing was stored
  std::string tracking_id;         // display form, "K7M-2QX-9PA"
  std::string pin;                 // the citizen's secret for acting on the report; shown once
  Status status = Status::kSubmitted;
  StageDeadline deadline;
  int64_t created_at = 0;
  bool replayed = false;    // the answer to an earlier submission with the same key
  bool key_reused = false;  // the key came with another submission before: nothing stored
};

// How long a submission's Idempotency-Key is remembered.
inline constexpr int64_t kSubmissionKeyLifetimeSeconds = 7 * 24 * 3600;

// "Idempotency-Key": 16 to 64 letters, digits, '-' or '_'.
bool valid_idempotency_key(std::string_view key);

struct DeadlineView {
  StageDeadline deadline;
  DeadlineColour colour = DeadlineColour::kGreen;
  int working_days_left = 0;  // negative when overdue
};

struct ReportView {
  ReportRecord report;
  std::optional<Category> category;
  std::optional<Agency> agency;  // the agency handling it, else the one the citizen named
  std::vector<EventRecord> timeline;
  std::optional<DeadlineView> deadline;
  std::vector<AttachmentInfo> attachments;
  std::string region_name;  // of location.region_code, when it names a known area
  // What the report waits for from its reporter, by when and what follows otherwise.
  std::optional<CitizenStep> citizen_step;
  std::string question;  // a postponed report's question: the last postponement's note
  // Staff views: the years a running deadline spans (its stage's and the escalation date)
  // whose holidays are not confirmed, so the date may still move (deadline_unconfirmed_years).
  std::vector<int> unconfirmed_holiday_years;
};

struct TrackOutcome {
  TrackingIdError id_error = TrackingIdError::kNone;
  std::optional<ReportView> view;  // nullopt with kNone: no such report
};

class ReportService {
 public:
  using Random = std::function<uint64_t()>;

  // `random` draws tracking IDs and is called from several threads at once. `notifier` may
  // be null: no notifications are written.
  ReportService(Store& store, const Clock& clock, ServiceSettings settings, Random random,
                const Notifier* notifier = nullptr);

  // Validates and stores a new report with its first timeline event. `decode_errors` are
  // problems the JSON decoder found (wrong types); they are reported with the rest.
  // With an `idempotency_key` (the client's random handle for this one report), sending
  // the same submission again returns the first one's outcome, PIN included, instead of a
  // second report: a phone whose answer was lost can safely retry. The key is bound to
  // `submission_digest` (a digest of what was submitted, from the caller): the same key with
  // another digest stores nothing and answers `key_reused`.
  SubmitOutcome submit(const ReportInput& input, std::vector<FieldError> decode_errors = {},
                       const std::string& idempotency_key = {},
                       const std::string& submission_digest = {});

  TrackOutcome track(std::string_view typed_tracking_id);

  Date today() const;
  const ServiceSettings& settings() const { return settings_; }

 private:
  struct Submission {
    ReportInput report;  // normalised (normalize_report)
    const std::string& key;
    const std::string& digest;
  };
  std::optional<SubmitOutcome> check(const ReportInput& input,
                                     std::vector<FieldError> decode_errors, const Submission& s,
                                     const Catalogue& catalogue);
  ReportRecord new_record(const ReportInput& n, const Catalogue& catalogue) const;
  // A fresh tracking ID that no report has.
  std::string free_tracking_id(Db& db) const;
  // Who hears of a new report: the staff's notice and the citizen's receipt.
  struct NewReportNotices {
    NotifyAddress staff, citizen;
  };
  void store_new(Db& db, const Submission& s, const std::string& pin,
                 const NewReportNotices& notices, ReportRecord* r);

  Store& store_;
  const Clock& clock_;
  ServiceSettings settings_;
  Random random_;
  const Notifier* notifier_;
};

// Unpredictable 64-bit values from the operating system, for tracking IDs.
uint64_t system_random();

// The deadline of an open report as people see it on `today`; nullopt when none runs.
std::optional<DeadlineView> deadline_view(const WorkingCalendar& calendar, const ReportRecord& r,
                                          Date today);

// The years from the start of `r`'s running stage to its latest due date (the stage's or the
// escalation date) whose holidays a system admin has not confirmed; empty when the report is
// closed or no deadline runs.
std::vector<int> deadline_unconfirmed_years(const Catalogue& catalogue, const ReportRecord& r);

// A report for a list: its category, agency (the one handling it, else the citizen's
// choice) and deadline, from catalogue lists the caller read once for the whole list.
ReportView summary_view(ReportRecord r, const std::vector<Agency>& agencies,
                        const std::vector<Category>& categories, const WorkingCalendar& calendar,
                        Date today);

// The report with its category, agency, timeline (public only unless `include_internal`),
// deadline as seen on `today`, and the step it waits for from its reporter under `settings`.
ReportView load_report_view(Db& db, ReportRecord report, Date today, bool include_internal,
                            const ServiceSettings& settings);

// Eight random digits, and the digest stored in its place: keyed with the store's audit key
// (Secrets::pin_mac over the unkeyed digest the store held before it had a key, so that those
// were wrapped without the PINs), so a copy of the database alone gives no PIN away.
std::string make_citizen_pin();
std::string citizen_pin_hash(const Secrets& secrets, const std::string& canonical_tracking_id,
                             const std::string& pin);

}  // namespace aduan

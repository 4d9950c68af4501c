// Reports and their timeline in SQL. Callers own the transaction; each function is one
// statement or a short group of them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "actions.h"
#include "deadlines.h"
#include "report.h"
#include "workflow.h"

namespace SQLite {
class Database;
}

namespace aduan {

class Secrets;
struct AuditHead;

struct ReportRecord {
  int64_t id = 0;
  std::string tracking_id;  // canonical
  std::string classification;
  Status status = Status::kSubmitted;
  std::string title;
  std::string body;
  std::string incident_date;
  Location location;
  int64_t category_id = 0;
  std::optional<int64_t> suggested_agency_id;
  std::optional<int64_t> agency_id;  // the agency it is forwarded to
  std::string channel;
  Reporter reporter;
  bool anonymous = false;
  bool confidential = false;
  ResolutionTier tier = ResolutionTier::kNormative;
  ClockState clock;
  std::string citizen_pin_hash;
  std::optional<int64_t> assigned_user_id;
  bool returned = false;
  std::string archive_reason;
  std::string duplicate_of;
  std::optional<int> rating;
  std::string rating_comment;
  bool notify_citizen = true;   // the citizen may stop messages about their report
  std::string language = "id";  // of the citizen's messages
  int64_t followers = 0;        // citizens with the same problem (read only here)
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t version = 1;
};

struct EventRecord {
  int64_t id = 0;
  int64_t at = 0;
  Role actor_role = Role::kCitizen;
  std::optional<int64_t> actor_id;
  std::string actor_name;  // staff display name; never shown to the public
  Action action = Action::kSubmit;
  std::optional<Status> from_status;
  Status to_status = Status::kSubmitted;
  std::string note;
  Visibility visibility =
      Visibility::kReporter;         // who may read it (stored as report_events.public)
  std::optional<int64_t> agency_id;  // forward: the agency it went to
};

// A staff queue: which reports, in which order, which page.
// The order of a queue page: the soonest deadline first (the default), the oldest or the
// newest report first, the one changed most recently first, or the most followed first.
enum class QueueOrder { kDue, kOldest, kNewest, kUpdated, kFollowers };

struct ReportFilter {
  std::vector<Status> statuses;                  // empty: any
  std::optional<std::vector<int64_t>> agencies;  // set: only reports forwarded to these
  std::optional<int64_t> category_id;
  std::optional<int64_t> assigned_user_id;
  std::optional<Date> overdue_on;  // set: only reports whose stage is due before it
  bool returned_only = false;
  std::optional<int64_t> after_id;  // set: id order from after this id (keyset paging)
  QueueOrder order = QueueOrder::kDue;
  // The queue's search (server/report_search.h): one of these, or nothing when `nothing`.
  std::optional<std::string> tracking_id;
  std::optional<std::string> reporter_phone;
  std::optional<std::string> reporter_email;
  std::optional<std::string> words;  // an FTS5 MATCH expression over report_search
  // The words' expression already keeps only `agencies`' reports (ReportSearch::
  // within_agencies), so a count of words and agencies needs no report row.
  bool words_within_agencies = false;
  bool named_reporters_only = false;  // a contact search by a role that may not see anonymous ones
  bool nothing = false;
  int limit = 25;
  int offset = 0;
};

// What a report's newest event recorded of the report's state (audit_chain.h).
struct LastEventState {
  int64_t event_id = 0;
  std::string state;
};

// Lists count their matches up to this many and one more: past it, a page says "more than
// 10,000" rather than have every request count hundreds of thousands of rows.
inline constexpr int64_t kCountLimit = 10000;
// A search by words counts to 500: each match counted is a report read, and staff refine a
// search long before the five hundredth result.
inline constexpr int64_t kSearchCountLimit = 500;

// How many reports a list matched: exact, or (capped) more than its limit (kCountLimit,
// kSearchCountLimit); `n` is then the limit and one more.
struct MatchCount {
  int64_t n = 0;
  bool capped = false;
};

class ReportRepository {
 public:
  // Inserts the report; false when its tracking ID is already taken (the caller picks
  // another). Other failures throw.
  static bool insert(SQLite::Database& db, ReportRecord* report);

  // Writes every mutable column and bumps the version, if the stored version is still
  // `report.version`. False when someone else changed the report first.
  static bool update(SQLite::Database& db, ReportRecord* report);

  // Appends `event` to the timeline of `report`, given as it is after the event (already
  // written), and links it to the store's audit chain: the link covers the previous event's
  // link, the event and a digest of the report's resulting state (audit_chain.h). Every
  // change of a report's state must come with one, in the same transaction. Returns the
  // event's id (what a staff member's files are attached to).
  static int64_t append_event(SQLite::Database& db, const Secrets& secrets,
                              const ReportRecord& report, const EventRecord& event);
  // The same for a caller that follows the chain's head itself (`head`, moved to the new
  // event; the caller writes it to the store once after a run of events: the bulk load),
  // with the report's state digest (report_state_digest) computed once for its events.
  static void append_event_after(SQLite::Database& db, const Secrets& secrets, int64_t report_id,
                                 const std::string& state_digest, const EventRecord& event,
                                 AuditHead* head);

  static std::optional<ReportRecord> find_by_tracking_id(SQLite::Database& db,
                                                         const std::string& canonical);
  static std::optional<ReportRecord> find_by_id(SQLite::Database& db, int64_t id);

  // Oldest first. `include_internal` adds the staff-only events.
  static std::vector<EventRecord> events(SQLite::Database& db, int64_t report_id,
                                         bool include_internal);

  // One page of reports, soonest deadline first (id order with after_id), and how many match
  // when `total` is not null: exact from the monitoring's counters when the filter is only
  // statuses, agencies and a category (the queues staff open most), otherwise counted up to
  // kCountLimit + 1.
  static std::vector<ReportRecord> list(SQLite::Database& db, const ReportFilter& filter,
                                        MatchCount* total);

  // Reports the deadline job may have to act on by `today` (see due_action in shared/).
  static std::vector<int64_t> due_for_jobs(SQLite::Database& db, Date today, int limit);

  static int64_t count(SQLite::Database& db);

  // Every report in id order with what its newest event recorded (nullopt: it has none),
  // until `fn` returns false; for the audit.
  static void each_with_last_state(
      SQLite::Database& db,
      const std::function<bool(const ReportRecord&, const std::optional<LastEventState>&)>& fn);

  // Replaces every stored PIN digest d with wrap(d) (when the digests become keyed, or
  // are cleared after the key was lost); returns how many.
  static int64_t rewrite_pin_digests(SQLite::Database& db,
                                     const std::function<std::string(const std::string&)>& wrap);

  static void set_notify_citizen(SQLite::Database& db, int64_t id, bool enabled);

  // Records that the stage `ended` of report `r` (as it was during the stage) finished.
  static void record_stage(SQLite::Database& db, const ReportRecord& r, const StageDeadline& ended,
                           Date on, int working_days, int64_t now);
};

}  // namespace aduan

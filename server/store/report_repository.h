// Reports and their timeline in SQL. Callers own the transaction; each function is one
// statement or a short group of them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/report_record.h"
#include "shared/actions.h"
#include "shared/deadlines.h"
#include "shared/report.h"
#include "shared/workflow.h"
#include "store/db.h"

namespace aduan {

class Secrets;
struct AuditHead;

class ReportRepository {
 public:
  // Inserts the report; false when its tracking ID is already taken (the caller picks
  // another). Other failures throw. Not within a grouped write on PostgreSQL: the counters'
  // trigger leaves a group's reports to the group's end, which counts those add() took.
  static bool insert(Db& db, ReportRecord* report);

  // Inserts the report, its tracking ID found free (tracking_id_taken) by the caller. In a
  // grouped write on PostgreSQL, under an id taken from the sequence beforehand (a few at a
  // time, Db::GroupMemo) and without waiting for the answer (Prepared::send): each answer
  // waited for is a wait of the one writer. Should another report have taken the tracking
  // ID meanwhile, the write fails, as any failed statement fails it. Its counters are then
  // counted with the group's other reports at the group's end (tallies::count_group).
  static void add(Db& db, ReportRecord* report);

  static bool tracking_id_taken(Db& db, const std::string& canonical);

  // Writes every mutable column and bumps the version, if the stored version is still
  // `report.version`. False when someone else changed the report first.
  static bool update(Db& db, ReportRecord* report);

  // Appends `event` to the timeline of `report`, given as it is after the event (already
  // written), and links it to the store's audit chain: the link covers the previous event's
  // link, the event and a digest of the report's resulting state (store/audit_chain.h). Every
  // change of a report's state must come with one, in the same transaction. Returns the
  // event's id (what a staff member's files are attached to).
  static int64_t append_event(Db& db, const Secrets& secrets, const ReportRecord& report,
                              const EventRecord& event);
  // The same for a caller that follows the chain's head itself (`head`, moved to the new
  // event; the caller writes it to the store once after a run of events: the bulk load),
  // with the report's state digest (report_state_digest) computed once for its events.
  static void append_event_after(Db& db, const Secrets& secrets, int64_t report_id,
                                 const std::string& state_digest, const EventRecord& event,
                                 AuditHead* head);

  static std::optional<ReportRecord> find_by_tracking_id(Db& db, const std::string& canonical);
  static std::optional<ReportRecord> find_by_id(Db& db, int64_t id);
  // Those of the reports `ids` that exist, by id: kReportsPerRead to a statement, where one
  // find_by_id each would be a round trip each on PostgreSQL (the inbox shows fifty).
  static std::unordered_map<int64_t, ReportRecord> find_by_ids(Db& db,
                                                               const std::vector<int64_t>& ids);
  static constexpr size_t kReportsPerRead = 50;

  // Oldest first. `include_internal` adds the staff-only events.
  static std::vector<EventRecord> events(Db& db, int64_t report_id, bool include_internal);

  // One page of reports, soonest deadline first (id order with after_id), and how many match
  // when `total` is not null: exact from the monitoring's counters when the filter is only
  // statuses, agencies and a category (the queues staff open most), otherwise counted up to
  // kCountLimit + 1.
  static std::vector<ReportRecord> list(Db& db, const ReportFilter& filter, MatchCount* total);

  // Reports the deadline job may have to act on by `today` (see due_action in shared/).
  static std::vector<int64_t> due_for_jobs(Db& db, Date today, int limit);

  // Reports with a stage running (stage_clock_runs) that is due by `last`, the citizen's
  // confirmation window too: those the deadline job may have to warn about.
  static std::vector<int64_t> stage_due_by(Db& db, Date last);

  static int64_t count(Db& db);

  // Every report in id order with what its newest event recorded (nullopt: it has none),
  // until `fn` returns false; for the audit.
  static void each_with_last_state(
      Db& db,
      const std::function<bool(const ReportRecord&, const std::optional<LastEventState>&)>& fn);

  // Replaces every stored PIN digest d with wrap(d) (when the digests become keyed, or
  // are cleared after the key was lost); returns how many.
  static int64_t rewrite_pin_digests(Db& db,
                                     const std::function<std::string(const std::string&)>& wrap);

  static void set_notify_citizen(Db& db, int64_t id, bool enabled);

  // Records that the stage `ended` of report `r` (as it was during the stage) finished.
  static void record_stage(Db& db, const ReportRecord& r, const StageDeadline& ended, Date on,
                           int working_days, int64_t now);
};

}  // namespace aduan

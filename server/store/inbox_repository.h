// The staff inbox in SQL: reports that may need a user's attention, each with the newest
// event that put it there, and what the user has read. Nothing is copied per event per user:
// the items come from the reports' indexes and their timelines when asked, the read state is
// one marker per user plus the reports read one by one since it moved.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "shared/date.h"
#include "shared/workflow.h"
#include "store/db.h"

namespace aduan {

// One way a report lands in someone's inbox: the reports that match (each a condition on an
// index of reports), and the events that make the item.
struct InboxSource {
  std::vector<Status> statuses;                  // one or more
  std::optional<std::vector<int64_t>> agencies;  // set: only reports forwarded to these
  std::optional<int64_t> assigned_user_id;
  std::optional<Date> due_until;         // set: only stages due on or before, most urgent first
  std::optional<int64_t> updated_since;  // set: only reports changed since (Unix seconds)
  std::vector<Action> actions;           // the events that count; empty: any event
  int limit = 100;                       // the newest (or most urgent) reports, at most
};

// A report and the newest of its events that a source counts.
struct InboxCandidate {
  size_t source = 0;  // the source's place in the list asked for
  int64_t report_id = 0;
  int64_t event_id = 0;
  int64_t at = 0;
  Action action = Action::kComment;
  Role actor_role = Role::kSystem;
  std::string actor_name;
};

// What a user has read: every event up to `read_up_to`, and each report of `reports` up to
// its event.
struct InboxReadState {
  int64_t read_up_to = 0;
  std::map<int64_t, int64_t> reports;  // report id -> event id
  bool read(int64_t report_id, int64_t event_id) const;
};

// The reports a user has read one by one that are kept; past it the oldest are dropped (an
// item of one of them still waiting in the inbox shows as unread again).
inline constexpr int kMaxInboxReads = 1000;

class InboxRepository {
 public:
  // Each source's reports with their newest counted events (a report without one is left
  // out), in no order.
  static std::vector<InboxCandidate> candidates(Db& db, std::span<const InboxSource> sources);

  // The note of the internal comment written with the assignment `assign_event_id` (the
  // admin's instructions to the officer), or "" when there was none.
  static std::string instructions(Db& db, int64_t report_id, int64_t assign_event_id);

  static InboxReadState read_state(Db& db, int64_t user_id);
  // The newest event of the store (0: none), and of one report.
  static int64_t newest_event(Db& db);
  static int64_t newest_event_of(Db& db, int64_t report_id);

  // Marks the report read up to `event_id` for the user.
  static void mark_report(Db& db, int64_t user_id, int64_t report_id, int64_t event_id);
  // Marks every event up to `event_id` read for the user.
  static void mark_all(Db& db, int64_t user_id, int64_t event_id);
};

}  // namespace aduan

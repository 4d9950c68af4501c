#include "store/inbox_repository.h"

#include "store/db.h"
#include "store/dialect.h"
#include "store/prepared.h"

namespace aduan {

bool InboxReadState::read(int64_t report_id, int64_t event_id) const {
  if (event_id <= read_up_to) return true;
  const auto it = reports.find(report_id);
  return it != reports.end() && event_id <= it->second;
}

namespace {

// Whether a source can find any report: none has a status of an empty list, or is held by
// an agency of one.
bool finds_any(const InboxSource& s) {
  return !s.statuses.empty() && !(s.agencies && s.agencies->empty());
}

// One source's reports as a subquery of their ids, then each with its newest counted event;
// its rows tagged with the source's number `n`. The reports come first, from the reports' own
// indexes (status, agency, officer, due day, update time), at most `limit`; then each one's
// newest counted event from its timeline (report_events_report). The cost is bounded by the
// limit, not by the store's size. The parameters are those of the reports' conditions, status
// by status, then the counted actions, on both engines.
std::string source_sql(const Db& db, const InboxSource& s, size_t n) {
  std::string where = "status = ?";
  if (s.agencies) where += " AND agency_id IN (" + placeholders(s.agencies->size()) + ")";
  if (s.assigned_user_id) where += " AND assigned_user_id = ?";
  // The same expression as the queue's indexes (migrations 0008, 0025).
  if (s.due_until) where += " AND coalesce(stage_due, '9999-12-31') <= ? AND stage != 'none'";
  if (s.updated_since) where += " AND updated_at >= ?";
  const std::string order =
      s.due_until ? "coalesce(stage_due, '9999-12-31'), created_at" : "updated_at DESC";
  const std::string keys = s.due_until ? "coalesce(stage_due, '9999-12-31') AS k1, created_at AS k2"
                                       : "updated_at AS k1, id AS k2";
  const std::string merged_order = s.due_until ? "k1, k2" : "k1 DESC, k2 DESC";
  // The limit is written into the text, not bound: PostgreSQL prices a plan for any limit far
  // above one for this one and so planned the statement again at every use (a third of the
  // inbox's time in PostgreSQL), where with the limit known it keeps one plan.
  const std::string limit = " LIMIT " + std::to_string(s.limit);
  // One branch per status, each read in order from an index that starts with the status and
  // cut at the limit, then merged and cut again. With the statuses in one IN list the order
  // could come only from the index of update times alone, and PostgreSQL read it skipping
  // every report of another status updated since (113,000 new submissions and 70 ms a
  // request in the bench's store).
  std::string branches;
  for (size_t b = 0; b < s.statuses.size(); ++b) {
    if (b > 0) branches += " UNION ALL ";
    branches += "SELECT id, k1, k2 FROM (SELECT id, " + keys + " FROM reports WHERE " + where +
                " ORDER BY " + order + limit + ") AS b" + std::to_string(b);
  }
  const std::string reports =
      "(SELECT id FROM (" + branches + ") AS merged ORDER BY " + merged_order + limit + ") AS c";
  std::string counted;
  if (!s.actions.empty()) counted = " AND action IN (" + placeholders(s.actions.size()) + ")";
  const std::string columns = "SELECT " + std::to_string(n) +
                              ", e.report_id, e.id, e.at, e.action, e.actor_role, e.actor_name ";
  if (dialect::joins_lateral(db)) {
    // The event's id from a backward scan of report_events_report alone, which holds each
    // event's action beside its key (migration 0034), then its row by the primary key. A
    // report with no counted event is then passed over without reading a row of its
    // timeline; in the bench's store three sources of four find none for most of their
    // reports. Reading the row in the same scan tested each action in the table instead.
    return columns + "FROM " + reports +
           " CROSS JOIN LATERAL (SELECT id FROM report_events WHERE report_id = c.id" + counted +
           " ORDER BY id DESC LIMIT 1) AS newest JOIN report_events e ON e.id = newest.id";
  }
  // The reports first (CROSS JOIN keeps SQLite's order), then each event by its rowid.
  return columns + "FROM " + reports +
         " CROSS JOIN report_events AS e WHERE e.id = "
         "(SELECT max(id) FROM report_events WHERE report_id = c.id" +
         counted + ")";
}

}  // namespace

std::vector<InboxCandidate> InboxRepository::candidates(Db& db,
                                                        std::span<const InboxSource> sources) {
  // Every source in one statement: on PostgreSQL each statement is a round trip, and a
  // coordinator's inbox has four sources.
  std::string sql;
  for (size_t n = 0; n < sources.size(); ++n) {
    if (!finds_any(sources[n])) continue;
    if (!sql.empty()) sql += " UNION ALL ";
    sql += source_sql(db, sources[n], n);
  }
  if (sql.empty()) return {};
  Prepared q(db, sql);
  int i = 1;
  for (const InboxSource& s : sources) {
    if (!finds_any(s)) continue;
    for (Status st : s.statuses) {
      q.bind(i++, std::string(to_string(st)));
      if (s.agencies) {
        for (int64_t id : *s.agencies) q.bind(i++, id);
      }
      if (s.assigned_user_id) q.bind(i++, *s.assigned_user_id);
      if (s.due_until) q.bind(i++, format_iso_date(*s.due_until));
      if (s.updated_since) q.bind(i++, *s.updated_since);
    }
    for (Action a : s.actions) q.bind(i++, std::string(to_string(a)));
  }
  std::vector<InboxCandidate> out;
  while (q.executeStep()) {
    InboxCandidate c;
    c.source = static_cast<size_t>(q.getColumn(0).getInt64());
    c.report_id = q.getColumn(1).getInt64();
    c.event_id = q.getColumn(2).getInt64();
    c.at = q.getColumn(3).getInt64();
    c.action = parse_action(q.getColumn(4).getString()).value_or(Action::kComment);
    c.actor_role = parse_role(q.getColumn(5).getString()).value_or(Role::kSystem);
    c.actor_name = q.getColumn(6).getString();
    out.push_back(std::move(c));
  }
  return out;
}

std::string InboxRepository::instructions(Db& db, int64_t report_id, int64_t assign_event_id) {
  // The workflow writes the instructions as the event right after the assignment, in the
  // same transaction (services/workflow_service.cpp), so it has the next id.
  Prepared q(db,
             "SELECT note FROM report_events WHERE id = ? AND report_id = ? AND "
             "action = 'comment' AND public = 0");
  q.bind(1, assign_event_id + 1);
  q.bind(2, report_id);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

InboxReadState InboxRepository::read_state(Db& db, int64_t user_id) {
  InboxReadState out;
  Prepared cursor(db, "SELECT read_up_to FROM inbox_cursors WHERE user_id = ?");
  cursor.bind(1, user_id);
  if (cursor.executeStep()) out.read_up_to = cursor.getColumn(0).getInt64();
  Prepared reads(db, "SELECT report_id, event_id FROM inbox_reads WHERE user_id = ?");
  reads.bind(1, user_id);
  while (reads.executeStep()) {
    out.reports[reads.getColumn(0).getInt64()] = reads.getColumn(1).getInt64();
  }
  return out;
}

int64_t InboxRepository::newest_event(Db& db) {
  // A bare max() of the key: SQLite reads the last row, not the table.
  Prepared q(db, "SELECT max(id) FROM report_events");
  q.executeStep();
  return q.getColumn(0).isNull() ? 0 : q.getColumn(0).getInt64();
}

int64_t InboxRepository::newest_event_of(Db& db, int64_t report_id) {
  Prepared q(db, "SELECT max(id) FROM report_events WHERE report_id = ?");
  q.bind(1, report_id);
  q.executeStep();
  return q.getColumn(0).isNull() ? 0 : q.getColumn(0).getInt64();
}

void InboxRepository::mark_report(Db& db, int64_t user_id, int64_t report_id, int64_t event_id) {
  Prepared cursor(db, "SELECT read_up_to FROM inbox_cursors WHERE user_id = ?");
  cursor.bind(1, user_id);
  if (cursor.executeStep() && event_id <= cursor.getColumn(0).getInt64()) return;
  Prepared upsert(db,
                  "INSERT INTO inbox_reads(user_id, report_id, event_id) VALUES(?, ?, ?) "
                  "ON CONFLICT(user_id, report_id) DO UPDATE SET "
                  "event_id = CASE WHEN excluded.event_id > inbox_reads.event_id "
                  "THEN excluded.event_id ELSE inbox_reads.event_id END");
  upsert.bind(1, user_id);
  upsert.bind(2, report_id);
  upsert.bind(3, event_id);
  upsert.exec();
  // Bounded per user: the oldest reads beyond kMaxInboxReads go.
  Prepared prune(db,
                 "DELETE FROM inbox_reads WHERE user_id = ?1 AND event_id < "
                 "(SELECT event_id FROM inbox_reads WHERE user_id = ?1 "
                 "ORDER BY event_id DESC LIMIT 1 OFFSET ?2)");
  prune.bind(1, user_id);
  prune.bind(2, kMaxInboxReads - 1);
  prune.exec();
}

void InboxRepository::mark_all(Db& db, int64_t user_id, int64_t event_id) {
  Prepared upsert(db,
                  "INSERT INTO inbox_cursors(user_id, read_up_to) VALUES(?, ?) "
                  "ON CONFLICT(user_id) DO UPDATE SET "
                  "read_up_to = CASE WHEN excluded.read_up_to > inbox_cursors.read_up_to "
                  "THEN excluded.read_up_to ELSE inbox_cursors.read_up_to END");
  upsert.bind(1, user_id);
  upsert.bind(2, event_id);
  upsert.exec();
  // What the marker covers needs no row of its own.
  Prepared drop(db,
                "DELETE FROM inbox_reads WHERE user_id = ? AND event_id <= "
                "(SELECT read_up_to FROM inbox_cursors WHERE user_id = ?)");
  drop.bind(1, user_id);
  drop.bind(2, user_id);
  drop.exec();
}

}  // namespace aduan

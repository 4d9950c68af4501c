#include "store/report_repository.h"

#include <algorithm>
#include <stdexcept>

#include "store/audit_chain.h"
#include "store/dialect.h"
#include "store/prepared.h"
#include "store/report_search.h"
#include "store/status_sql.h"

namespace aduan {
namespace {

constexpr const char* kReportColumns =
    "id, tracking_id, classification, status, title, body, incident_date, location_text, lat, "
    "lon, region_code, category_id, suggested_agency_id, agency_id, channel, reporter_name, "
    "reporter_phone, reporter_email, reporter_nik, anonymous, confidential, resolution_tier, "
    "stage, stage_started, stage_due, paused_days_left, escalation_due, citizen_pin_hash, "
    "assigned_user_id, returned, archive_reason, duplicate_of, rating, rating_comment, "
    "notify_citizen, language, created_at, updated_at, version, followers";

template <typename T>
void bind_optional(Prepared& st, int index, const std::optional<T>& v) {
  if (v) {
    st.bind(index, *v);
  } else {
    st.bind(index);
  }
}

void bind_date(Prepared& st, int index, std::optional<Date> d) {
  if (d) {
    st.bind(index, format_iso_date(*d));
  } else {
    st.bind(index);
  }
}

std::optional<double> optional_double(const Column& c) {
  return c.isNull() ? std::nullopt : std::optional<double>(c.getDouble());
}

std::optional<int64_t> optional_int(const Column& c) {
  return c.isNull() ? std::nullopt : std::optional<int64_t>(c.getInt64());
}

std::optional<Date> optional_date(const Column& c) {
  return c.isNull() ? std::nullopt : parse_iso_date(c.getString());
}

ReportRecord read_report(Prepared& q) {
  ReportRecord r;
  int i = 0;
  r.id = q.getColumn(i++).getInt64();
  r.tracking_id = q.getColumn(i++).getString();
  r.classification = q.getColumn(i++).getString();
  r.status = parse_status(q.getColumn(i++).getString()).value_or(Status::kSubmitted);
  r.title = q.getColumn(i++).getString();
  r.body = q.getColumn(i++).getString();
  r.incident_date = q.getColumn(i++).getString();
  r.location.text = q.getColumn(i++).getString();
  r.location.lat = optional_double(q.getColumn(i++));
  r.location.lon = optional_double(q.getColumn(i++));
  r.location.region_code = q.getColumn(i++).getString();
  r.category_id = q.getColumn(i++).getInt64();
  r.suggested_agency_id = optional_int(q.getColumn(i++));
  r.agency_id = optional_int(q.getColumn(i++));
  r.channel = q.getColumn(i++).getString();
  r.reporter.name = q.getColumn(i++).getString();
  r.reporter.phone = q.getColumn(i++).getString();
  r.reporter.email = q.getColumn(i++).getString();
  r.reporter.nik = q.getColumn(i++).getString();
  r.anonymous = q.getColumn(i++).getInt() != 0;
  r.confidential = q.getColumn(i++).getInt() != 0;
  r.tier = parse_tier(q.getColumn(i++).getString()).value_or(ResolutionTier::kNormative);
  r.clock.deadline.stage = parse_stage(q.getColumn(i++).getString()).value_or(Stage::kNone);
  r.clock.deadline.started = optional_date(q.getColumn(i++)).value_or(Date{});
  r.clock.deadline.due = optional_date(q.getColumn(i++)).value_or(Date{});
  const auto paused = optional_int(q.getColumn(i++));
  if (paused) r.clock.paused_days_left = static_cast<int>(*paused);
  r.clock.escalation_due = optional_date(q.getColumn(i++));
  r.citizen_pin_hash = q.getColumn(i++).getString();
  r.assigned_user_id = optional_int(q.getColumn(i++));
  r.returned = q.getColumn(i++).getInt() != 0;
  r.archive_reason = q.getColumn(i++).getString();
  r.duplicate_of = q.getColumn(i++).getString();
  const auto rating = optional_int(q.getColumn(i++));
  if (rating) r.rating = static_cast<int>(*rating);
  r.rating_comment = q.getColumn(i++).getString();
  r.notify_citizen = q.getColumn(i++).getInt() != 0;
  r.language = q.getColumn(i++).getString();
  r.created_at = q.getColumn(i++).getInt64();
  r.updated_at = q.getColumn(i++).getInt64();
  r.version = q.getColumn(i++).getInt64();
  r.followers = q.getColumn(i++).getInt64();
  return r;
}

// Binds the columns that an update may change, in the order of kMutableAssignments.
int bind_mutable(Prepared& q, const ReportRecord& r, int i) {
  q.bind(i++, r.classification);
  q.bind(i++, std::string(to_string(r.status)));
  q.bind(i++, r.category_id);
  bind_optional(q, i++, r.agency_id);
  q.bind(i++, r.anonymous ? 1 : 0);
  q.bind(i++, r.confidential ? 1 : 0);
  q.bind(i++, std::string(to_string(r.tier)));
  const bool running = r.clock.deadline.stage != Stage::kNone;
  q.bind(i++, std::string(to_string(r.clock.deadline.stage)));
  bind_date(q, i++, running ? std::optional<Date>(r.clock.deadline.started) : std::nullopt);
  bind_date(q, i++, running ? std::optional<Date>(r.clock.deadline.due) : std::nullopt);
  bind_optional(q, i++, r.clock.paused_days_left);
  bind_date(q, i++, r.clock.escalation_due);
  bind_optional(q, i++, r.assigned_user_id);
  q.bind(i++, r.returned ? 1 : 0);
  q.bind(i++, r.archive_reason);
  q.bind(i++, r.duplicate_of);
  bind_optional(q, i++, r.rating);
  q.bind(i++, r.rating_comment);
  q.bind(i++, r.updated_at);
  return i;
}

constexpr const char* kMutableAssignments =
    "classification = ?, status = ?, category_id = ?, agency_id = ?, anonymous = ?, "
    "confidential = ?, resolution_tier = ?, stage = ?, stage_started = ?, stage_due = ?, "
    "paused_days_left = ?, escalation_due = ?, assigned_user_id = ?, returned = ?, "
    "archive_reason = ?, duplicate_of = ?, rating = ?, rating_comment = ?, updated_at = ?";

std::string select_reports(const std::string& tail) {
  return std::string("SELECT ") + kReportColumns + " FROM reports " + tail;
}

// Report ids a grouped write takes from PostgreSQL's sequence at once (ReportRepository::add).
constexpr int kReportIdsTaken = 16;

// The INSERT of every column: under an id the caller chose (`with_id`), or under the one the
// engine gives, answered with it.
Prepared insert_statement(Db& db, bool with_id) {
  static const std::string kColumns =
      "tracking_id, title, body, incident_date, location_text, lat, lon, region_code, "
      "suggested_agency_id, channel, reporter_name, reporter_phone, reporter_email, "
      "reporter_nik, citizen_pin_hash, created_at, version, notify_citizen, language, "
      "classification, status, category_id, agency_id, anonymous, confidential, "
      "resolution_tier, stage, stage_started, stage_due, paused_days_left, escalation_due, "
      "assigned_user_id, returned, archive_reason, duplicate_of, rating, rating_comment, "
      "updated_at";
  static const std::string kValues = placeholders(38);
  static const std::string kWithId =
      "INSERT INTO reports(id, " + kColumns + ") VALUES(?, " + kValues + ")";
  static const std::string kGivenId = "INSERT INTO reports(" + kColumns + ") VALUES(" + kValues +
                                      ") ON CONFLICT(tracking_id) DO NOTHING RETURNING id";
  return Prepared(db, with_id ? kWithId : kGivenId);
}

// Binds the report's columns from parameter `i` on.
void bind_new(Prepared& q, const ReportRecord& r, int i) {
  q.bind(i++, r.tracking_id);
  q.bind(i++, r.title);
  q.bind(i++, r.body);
  q.bind(i++, r.incident_date);
  q.bind(i++, r.location.text);
  bind_optional(q, i++, r.location.lat);
  bind_optional(q, i++, r.location.lon);
  q.bind(i++, r.location.region_code);
  bind_optional(q, i++, r.suggested_agency_id);
  q.bind(i++, r.channel);
  q.bind(i++, r.reporter.name);
  q.bind(i++, r.reporter.phone);
  q.bind(i++, r.reporter.email);
  q.bind(i++, r.reporter.nik);
  q.bind(i++, r.citizen_pin_hash);
  q.bind(i++, r.created_at);
  q.bind(i++, r.version);
  q.bind(i++, r.notify_citizen ? 1 : 0);
  q.bind(i++, r.language);
  bind_mutable(q, r, i);
}

}  // namespace

bool ReportRepository::insert(Db& db, ReportRecord* r) {
  Prepared q = insert_statement(db, false);
  bind_new(q, *r, 1);
  if (!q.executeStep()) return false;  // the tracking ID was taken
  r->id = q.getColumn(0).getInt64();
  return true;
}

void ReportRepository::add(Db& db, ReportRecord* r) {
  std::deque<int64_t>& ids = db.group_memo.report_ids;
  if (db.engine() != Engine::kPostgresql || !db.group_memo.active) {
    if (!insert(db, r)) throw std::runtime_error("the tracking ID was taken meanwhile");
    return;
  }
  // Ids taken in the group under the write lock, so that they still follow the order the
  // reports are committed in; those the group leaves unused are gaps, as a sequence leaves.
  if (ids.empty()) {
    Prepared take(db,
                  "SELECT nextval(pg_get_serial_sequence('reports', 'id')) "
                  "FROM generate_series(1, " +
                      std::to_string(kReportIdsTaken) + ")");
    while (take.executeStep()) ids.push_back(take.getColumn(0).getInt64());
    std::sort(ids.begin(), ids.end());
  }
  r->id = ids.front();
  ids.pop_front();
  db.group_memo.pending.reports.push_back(r->id);  // counted at the group's end
  Prepared q = insert_statement(db, true);
  q.bind(1, r->id);
  bind_new(q, *r, 2);
  q.send();
}

bool ReportRepository::tracking_id_taken(Db& db, const std::string& canonical) {
  Prepared q(db, "SELECT 1 FROM reports WHERE tracking_id = ?");
  q.bind(1, canonical);
  return q.executeStep();
}

bool ReportRepository::update(Db& db, ReportRecord* r) {
  Prepared q(db, std::string("UPDATE reports SET ") + kMutableAssignments +
                     ", version = version + 1 WHERE id = ? AND version = ?");
  int i = bind_mutable(q, *r, 1);
  q.bind(i++, r->id);
  q.bind(i++, r->version);
  if (q.exec() == 0) return false;
  ++r->version;
  return true;
}

int64_t ReportRepository::append_event(Db& db, const Secrets& secrets, const ReportRecord& report,
                                       const EventRecord& e) {
  AuditHead head = read_audit_head(db);
  append_event_after(db, secrets, report.id, report_state_digest(secrets, report), e, &head);
  write_audit_head(db, head);
  return head.event_id;
}

void ReportRepository::append_event_after(Db& db, const Secrets& secrets, int64_t report_id,
                                          const std::string& state, const EventRecord& e,
                                          AuditHead* head) {
  // The event takes the id after the head's, so that its link is known before the one
  // INSERT writes it (a store whose head lags its events fails here, on the primary key).
  const int64_t id = head->event_id + 1;
  const std::string actor_role(to_string(e.actor_role));
  const std::string action(to_string(e.action));
  const std::optional<std::string> from_status =
      e.from_status ? std::optional<std::string>(to_string(*e.from_status)) : std::nullopt;
  const std::string to_status(to_string(e.to_status));
  // The values about to be bound, as the store gives them back (what verify reads).
  auto text = [](const std::optional<int64_t>& v) {
    return v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt;
  };
  const EventColumns columns = {std::to_string(id),
                                std::to_string(e.at),
                                actor_role,
                                text(e.actor_id),
                                e.actor_name,
                                action,
                                from_status,
                                to_status,
                                e.note,
                                std::to_string(static_cast<int>(e.visibility)),
                                text(e.agency_id),
                                state};
  const std::string link = chain_link(secrets, head->link, report_id, columns);
  Prepared q(db,
             "INSERT INTO report_events(id, report_id, at, actor_role, actor_id, actor_name, "
             "action, from_status, to_status, note, public, agency_id, state, hash) "
             "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  q.bind(1, id);
  q.bind(2, report_id);
  q.bind(3, e.at);
  q.bind(4, actor_role);
  bind_optional(q, 5, e.actor_id);
  q.bind(6, e.actor_name);
  q.bind(7, action);
  bind_optional(q, 8, from_status);
  q.bind(9, to_status);
  q.bind(10, e.note);
  q.bind(11, static_cast<int>(e.visibility));
  bind_optional(q, 12, e.agency_id);
  q.bind(13, state);
  q.bind(14, link);
  q.send();
  *head = AuditHead{id, link};
  // Counted with the group's other events at its end (tallies::count_group).
  if (db.engine() == Engine::kPostgresql && db.group_memo.active) {
    db.group_memo.pending.events.emplace_back(report_id, id);
  }
}

std::optional<ReportRecord> ReportRepository::find_by_tracking_id(Db& db,
                                                                  const std::string& canonical) {
  Prepared q(db, select_reports("WHERE tracking_id = ?"));
  q.bind(1, canonical);
  if (!q.executeStep()) return std::nullopt;
  return read_report(q);
}

std::optional<ReportRecord> ReportRepository::find_by_id(Db& db, int64_t id) {
  Prepared q(db, select_reports("WHERE id = ?"));
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_report(q);
}

std::unordered_map<int64_t, ReportRecord> ReportRepository::find_by_ids(
    Db& db, const std::vector<int64_t>& ids) {
  static const std::string kRead =
      select_reports("WHERE id IN (" + placeholders(kReportsPerRead) + ")");
  std::unordered_map<int64_t, ReportRecord> out;
  for (size_t from = 0; from < ids.size(); from += kReportsPerRead) {
    Prepared q(db, kRead);
    bind_list(q, ids, from, kReportsPerRead);
    while (q.executeStep()) {
      ReportRecord r = read_report(q);
      const int64_t id = r.id;
      out.emplace(id, std::move(r));
    }
  }
  return out;
}

std::vector<EventRecord> ReportRepository::events(Db& db, int64_t report_id,
                                                  bool include_internal) {
  Prepared q(db, std::string("SELECT id, at, actor_role, actor_id, actor_name, action, "
                             "from_status, to_status, note, public, agency_id "
                             "FROM report_events WHERE report_id = ?") +
                     (include_internal ? "" : " AND public >= 1") + " ORDER BY id");
  q.bind(1, report_id);
  std::vector<EventRecord> out;
  while (q.executeStep()) {
    EventRecord e;
    e.id = q.getColumn(0).getInt64();
    e.at = q.getColumn(1).getInt64();
    e.actor_role = parse_role(q.getColumn(2).getString()).value_or(Role::kSystem);
    e.actor_id = optional_int(q.getColumn(3));
    e.actor_name = q.getColumn(4).getString();
    e.action = parse_action(q.getColumn(5).getString()).value_or(Action::kComment);
    if (!q.getColumn(6).isNull()) e.from_status = parse_status(q.getColumn(6).getString());
    e.to_status = parse_status(q.getColumn(7).getString()).value_or(Status::kSubmitted);
    e.note = q.getColumn(8).getString();
    e.visibility = static_cast<Visibility>(std::clamp(q.getColumn(9).getInt(), 0, 2));
    e.agency_id = optional_int(q.getColumn(10));
    out.push_back(std::move(e));
  }
  return out;
}

namespace {

// The WHERE terms of a list's filter and their values, in one order.
std::string filter_terms(const Db& db, const ReportFilter& f, const std::string& status_column) {
  std::string terms;
  if (!f.statuses.empty()) {
    terms += " AND " + status_column + " IN (" + placeholders(f.statuses.size()) + ")";
  }
  if (f.agencies) {
    terms += " AND agency_id IN (" + placeholders(f.agencies->size()) +
             (f.agencies->empty() ? "NULL)" : ")");
  }
  if (f.category_id) terms += " AND category_id = ?";
  if (f.assigned_user_id) terms += " AND assigned_user_id = ?";
  if (f.overdue_on) terms += " AND stage != 'none' AND stage_due < ?";
  if (f.returned_only) terms += " AND returned = 1";
  if (f.after_id) terms += " AND id > ?";
  if (f.nothing) terms += " AND 1 = 0";
  if (f.tracking_id) terms += " AND tracking_id = ?";
  // The partial indexes of migration 0024 need their condition in the query.
  if (f.reporter_phone) terms += " AND reporter_phone = ? AND reporter_phone <> ''";
  if (f.reporter_email) {
    terms +=
        " AND " + dialect::equals_ignoring_case(db, "reporter_email") + " AND reporter_email <> ''";
  }
  if (f.named_reporters_only) terms += " AND anonymous = 0";
  // With words, the list reads from their matches joined to reports (list below).
  if (f.words) {
    const std::string match = ReportSearch::match(db, *f.words).where;
    if (!match.empty()) terms += " AND " + match;
  }
  return terms;
}

// The FROM item of a list's matches: the words' matches joined to their reports, or reports.
std::string matches_from(const Db& db, const ReportFilter& f) {
  if (!f.words) return "reports ";
  // CROSS JOIN keeps SQLite reading the words' matches first (list below).
  return ReportSearch::match(db, *f.words).from + dialect::join_in_this_order(db) +
         " reports ON reports.id = report_search.rowid ";
}

// Binds the filter's values from parameter `i` on, those of the words' FROM item first (a
// statement with words reads from matches_from, or from the words' item alone, before its
// WHERE); the next parameter's number.
int bind_filter(const Db& db, Prepared& q, const ReportFilter& f, int i = 1) {
  const std::optional<WordsMatch> words =
      f.words ? std::optional(ReportSearch::match(db, *f.words)) : std::nullopt;
  if (words) {
    for (const std::string& value : words->from_values) q.bind(i++, value);
  }
  for (Status s : f.statuses) q.bind(i++, std::string(to_string(s)));
  if (f.agencies) {
    for (int64_t id : *f.agencies) q.bind(i++, id);
  }
  if (f.category_id) q.bind(i++, *f.category_id);
  if (f.assigned_user_id) q.bind(i++, *f.assigned_user_id);
  if (f.overdue_on) q.bind(i++, format_iso_date(*f.overdue_on));
  if (f.after_id) q.bind(i++, *f.after_id);
  if (f.tracking_id) q.bind(i++, *f.tracking_id);
  if (f.reporter_phone) q.bind(i++, *f.reporter_phone);
  if (f.reporter_email) q.bind(i++, *f.reporter_email);
  if (words) {
    for (const std::string& value : words->where_values) q.bind(i++, value);
  }
  return i;
}

// How many reports the filter matches, when it is only statuses, agencies and a category:
// every report has one status counter for the month it was made, moved by the triggers of
// migration 0007 as it changes status or agency. A sum of a few hundred counter rows instead
// of reading up to 10,001 index entries, and exact.
std::optional<MatchCount> count_from_tallies(Db& db, const ReportFilter& f) {
  if (f.assigned_user_id || f.overdue_on || f.returned_only || f.after_id || f.nothing ||
      f.tracking_id || f.reporter_phone || f.reporter_email || f.words)
    return std::nullopt;
  // Every report has one 'submitted' counter of its month besides its status's, so that the
  // queue of all statuses sums those: a quarter of the rows of every status's counters (2,000
  // against 8,100 at the bench's million reports, 0.5 ms against 1.8 on PostgreSQL).
  Prepared count(db, std::string("SELECT coalesce(sum(n), 0) FROM report_tallies WHERE ") +
                         (f.statuses.empty() ? "dimension = 'submitted' AND value = ''"
                                             : "dimension = 'status'") +
                         " AND grain = 1" + filter_terms(db, f, "value"));
  bind_filter(db, count, f);
  count.executeStep();
  return MatchCount{count.getColumn(0).getInt64(), false};
}

// Each order is the expression of an index that starts with the status (reports_queue of
// migration 0008, the ones of migration 0023), so that a page of one status is read in
// order from it instead of sorting every match. The deadline order puts reports with no
// running deadline after, oldest first; id breaks ties so that pages never overlap.
std::string order_of(const Db& db, const ReportFilter& f) {
  std::string order;
  if (f.after_id) {
    order = " ORDER BY id";
  } else if (f.words) {
    // Newest first, in the index's own order: sorting every match of a common word by its
    // deadline would read all of them.
    order = " ORDER BY " + ReportSearch::match(db, *f.words).order;
  } else {
    switch (f.order) {
      case QueueOrder::kDue:
        order = " ORDER BY coalesce(stage_due, '9999-12-31'), created_at, id";
        break;
      case QueueOrder::kOldest:
        order = " ORDER BY created_at, id";
        break;
      case QueueOrder::kNewest:
        order = " ORDER BY created_at DESC, id DESC";
        break;
      case QueueOrder::kUpdated:
        order = " ORDER BY updated_at DESC, id DESC";
        break;
      case QueueOrder::kFollowers:
        order = " ORDER BY followers DESC, id DESC";
        break;
    }
  }
  return order;
}

// How many of a queue's first pages have their bounds written into the statement's text.
constexpr int kPagesWrittenOut = 10;

// Whether the page's bounds are written into the statement's text. Where the engine keeps one
// plan per text (PostgreSQL), bound ones are priced as reading a tenth of the matches, so the
// queue was planned again at every use (0.15 ms of its 0.7 ms); written, each page's text
// keeps its plan. Only the first pages, those staff turn: a connection keeps its first
// Db::kMaxStatements texts and runs any other unnamed, planned each time, as before.
bool bounds_written_out(const Db& db, const ReportFilter& f) {
  return db.reuses_one_plan() && f.offset < kPagesWrittenOut * f.limit;
}

std::string page_bounds(const Db& db, const ReportFilter& f) {
  if (!bounds_written_out(db, f)) return " LIMIT ? OFFSET ?";
  return " LIMIT " + std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset);
}

// How many reports a queue matches beyond its first page: from the monitoring's counters
// when they can say, else counted up to the limit and one more.
MatchCount count_matches(Db& db, const ReportFilter& f, const std::string& from) {
  if (const auto counted = count_from_tallies(db, f)) return *counted;
  const int64_t limit = f.words ? kSearchCountLimit : kCountLimit;
  // Words and nothing else (a coordinator's search), or words within agencies whose
  // terms the words' match holds (an agency admin's): every match is a report the filter
  // keeps, so the index alone counts them, without reading a report row for each.
  const bool words_only = f.words && f.statuses.empty() &&
                          (!f.agencies || !f.words->agencies.empty()) && !f.category_id &&
                          !f.assigned_user_id && !f.overdue_on && !f.returned_only && !f.after_id &&
                          !f.named_reporters_only && !f.nothing && !f.tracking_id &&
                          !f.reporter_phone && !f.reporter_email;
  if (words_only) {
    const int64_t n = ReportSearch::count(db, *f.words, limit);
    return MatchCount{n, n > limit};
  }
  const std::string sql = "SELECT count(*) FROM (SELECT 1 FROM " + from + "WHERE 1 = 1" +
                          filter_terms(db, f, "status") + " LIMIT " + std::to_string(limit + 1) +
                          ") AS matches";
  Prepared count(db, sql);
  bind_filter(db, count, f);
  count.executeStep();
  const int64_t n = count.getColumn(0).getInt64();
  return MatchCount{n, n > limit};
}

}  // namespace

std::vector<ReportRecord> ReportRepository::list(Db& db, const ReportFilter& f, MatchCount* total) {
  const std::string where = "WHERE 1 = 1" + filter_terms(db, f, "status");
  // A search by words is driven by the words' index: its matches newest first (ReportSearch::
  // match), each joined to its report and kept when the other filters hold, so that a page
  // (and the count, which stops at kSearchCountLimit) reads only as many matches as it needs,
  // however common the words. SQLite's planner would otherwise read an agency's reports from a
  // covering index and ask the FTS5 index about each (1.7 s for an agency's 58,000 at a
  // million reports), where the index's own intersection with the agency's term takes 1 ms.
  const std::string from = matches_from(db, f);
  const std::string order = order_of(db, f);
  // A queue of several statuses: one branch per status, each read in order from an index that
  // starts with the status and cut where the page ends, then merged, sorted and cut to the
  // page. With the statuses in one IN list the order could come only from an index without
  // the status, read skipping every report of another status: up to 665 ms for a page of 25
  // at the bench's PostgreSQL store of 100,000 reports, 183 ms at 1,000,000.
  std::vector<Status> statuses = f.statuses;  // each once: a branch apiece
  std::sort(statuses.begin(), statuses.end());
  statuses.erase(std::unique(statuses.begin(), statuses.end()), statuses.end());
  const bool merging_statuses = !f.words && !f.after_id && statuses.size() > 1;
  // On PostgreSQL a page by followers is its ids first, read from the indexes alone, then
  // those rows (dialect::finds_page_ids_first). Not in the other orders, whose plans already
  // take the status's index: there the rows read twice cost more than the rows an OFFSET
  // skips (0.23 against 0.15 ms for a first page by update, warm).
  const bool ids_first = !f.words && !f.after_id && f.order == QueueOrder::kFollowers &&
                         dialect::finds_page_ids_first(db);
  const std::string page_columns = ids_first ? "id" : kReportColumns;
  std::string page;
  if (merging_statuses) {
    ReportFilter one = f;
    one.statuses.resize(1);
    const std::string branch = "SELECT * FROM (SELECT " +
                               (ids_first ? "id, followers" : page_columns) +
                               " FROM reports WHERE 1 = 1" + filter_terms(db, one, "status") +
                               order + " LIMIT " + std::to_string(f.offset + f.limit) + ") AS b";
    std::string branches;
    for (size_t n = 0; n < statuses.size(); ++n) {
      branches += (n > 0 ? " UNION ALL " : "") + branch + std::to_string(n);
    }
    page = "SELECT " + page_columns + " FROM (" + branches + ") AS merged" + order +
           page_bounds(db, f);
  } else {
    page = "SELECT " + page_columns + " FROM " + from + where + order + page_bounds(db, f);
  }
  const std::string sql = ids_first ? std::string("SELECT ") + kReportColumns +
                                          " FROM reports WHERE id IN (" + page + ")" + order
                                    : page;
  Prepared q(db, sql);
  int i = 1;
  if (merging_statuses) {
    ReportFilter one = f;
    for (Status status : statuses) {
      one.statuses = {status};
      i = bind_filter(db, q, one, i);
    }
  } else {
    i = bind_filter(db, q, f);
  }
  if (!bounds_written_out(db, f)) {
    q.bind(i++, f.limit);
    q.bind(i++, f.offset);
  }
  std::vector<ReportRecord> out;
  while (q.executeStep()) out.push_back(read_report(q));
  if (!total) return out;
  if (f.offset == 0 && !f.after_id && static_cast<int>(out.size()) < f.limit) {
    // A first page that is not full holds every match: no second pass over them (for words
    // that meet rarely, the page already read every posting of both).
    *total = MatchCount{static_cast<int64_t>(out.size()), false};
    return out;
  }
  *total = count_matches(db, f, from);
  return out;
}

std::vector<int64_t> ReportRepository::due_for_jobs(Db& db, Date today, int limit) {
  // The statuses are those due_action closes or escalates in, the days its own tests; it
  // decides on each report found. A list of one status compiles as `status = ...` would.
  Prepared q(db, "SELECT id FROM reports WHERE status IN " + status_sql_list(auto_closes_when_due) +
                     " AND stage = 'citizen_confirmation' AND stage_due < ?1 "
                     "UNION SELECT id FROM reports WHERE status IN " +
                     status_sql_list(escalates_when_due) +
                     " AND escalation_due < ?1 ORDER BY 1 LIMIT ?2");
  q.bind(1, format_iso_date(today));
  q.bind(2, limit);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<int64_t> ReportRepository::stage_due_by(Db& db, Date last) {
  Prepared q(db, "SELECT id FROM reports WHERE status IN " + status_sql_list(stage_clock_runs) +
                     " AND stage != 'none' AND stage_due <= ?");
  q.bind(1, format_iso_date(last));
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

void ReportRepository::set_notify_citizen(Db& db, int64_t id, bool enabled) {
  Prepared q(db, "UPDATE reports SET notify_citizen = ? WHERE id = ?");
  q.bind(1, enabled ? 1 : 0);
  q.bind(2, id);
  q.exec();
}

void ReportRepository::record_stage(Db& db, const ReportRecord& r, const StageDeadline& ended,
                                    Date on, int working_days, int64_t now) {
  Prepared q(db,
             "INSERT INTO stage_records(report_id, stage, agency_id, category_id, started, "
             "due, ended, working_days, on_time, ended_at) VALUES(?,?,?,?,?,?,?,?,?,?)");
  q.bind(1, r.id);
  q.bind(2, std::string(to_string(ended.stage)));
  bind_optional(q, 3, r.agency_id);
  q.bind(4, r.category_id);
  q.bind(5, format_iso_date(ended.started));
  q.bind(6, format_iso_date(ended.due));
  q.bind(7, format_iso_date(on));
  q.bind(8, working_days);
  q.bind(9, on <= ended.due ? 1 : 0);
  q.bind(10, now);
  q.exec();
}

int64_t ReportRepository::count(Db& db) { return query_int64(db, "SELECT count(*) FROM reports"); }

void ReportRepository::each_with_last_state(
    Db& db,
    const std::function<bool(const ReportRecord&, const std::optional<LastEventState>&)>& fn) {
  Prepared q(db, std::string("SELECT ") + kReportColumns +
                     ", (SELECT id || ':' || state FROM report_events WHERE report_id = reports.id "
                     "ORDER BY id DESC LIMIT 1) FROM reports ORDER BY id");
  while (q.executeStep()) {
    const int last_column = q.getColumnCount() - 1;  // known once a row is read (PostgreSQL)
    const ReportRecord r = read_report(q);
    std::optional<LastEventState> last;
    const Column c = q.getColumn(last_column);
    if (!c.isNull()) {
      const std::string value = c.getString();
      const size_t colon = value.find(':');
      last = LastEventState{std::stoll(value.substr(0, colon)), value.substr(colon + 1)};
    }
    if (!fn(r, last)) return;
  }
}

int64_t ReportRepository::rewrite_pin_digests(
    Db& db, const std::function<std::string(const std::string&)>& wrap) {
  // In batches: read, then rewrite, never both at once on one table.
  int64_t after = 0, rewritten = 0;
  while (true) {
    std::vector<std::pair<int64_t, std::string>> digests;
    {
      Prepared q(db,
                 "SELECT id, citizen_pin_hash FROM reports WHERE id > ? AND citizen_pin_hash != '' "
                 "ORDER BY id LIMIT 10000");
      q.bind(1, after);
      while (q.executeStep()) {
        digests.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
      }
    }
    if (digests.empty()) return rewritten;
    after = digests.back().first;
    rewritten += static_cast<int64_t>(digests.size());
    Prepared update(db, "UPDATE reports SET citizen_pin_hash = ? WHERE id = ?");
    for (const auto& [id, digest] : digests) {
      update.bind(1, wrap(digest));
      update.bind(2, id);
      update.exec();
      update.reset();
    }
  }
}

}  // namespace aduan

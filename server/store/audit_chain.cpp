#include "store/audit_chain.h"

#include <cstring>
#include <vector>

#include "shared/tracking_id.h"
#include "store/db.h"
#include "store/prepared.h"

namespace aduan {
namespace {

// The columns an event is made of, as stored (the order of EventColumns), of events `e`.
constexpr const char* kEventColumns =
    "e.id, e.at, e.actor_role, e.actor_id, e.actor_name, e.action, e.from_status, e.to_status, "
    "e.note, e.public, e.agency_id, e.state";
constexpr int kColumnCount = std::tuple_size_v<EventColumns>;
const std::string kNullMark = "\\x00null";  // NULL, unlike any stored text

// Each value written with its length, so that no two different sequences read the same.
void field(std::string* text, std::string_view value) {
  *text += std::to_string(value.size());
  *text += ':';
  *text += value;
  *text += '|';
}

void field(std::string* text, const std::optional<int64_t>& value) {
  field(text, value ? std::to_string(*value) : kNullMark);
}

void field(std::string* text, const std::optional<double>& value) {
  // The exact bits: the value read back from SQLite is the same double.
  uint64_t bits = 0;
  if (value) std::memcpy(&bits, &*value, sizeof bits);
  field(text, value ? std::to_string(bits) : kNullMark);
}

// The event's columns start at `first` in `row`.
EventColumns read_columns(Prepared& row, int first) {
  EventColumns event;
  for (int i = 0; i < kColumnCount; ++i) {
    const Column c = row.getColumn(first + i);
    if (!c.isNull()) event[static_cast<size_t>(i)] = c.getString();
  }
  return event;
}

std::string name(const std::string& canonical_tracking_id) {
  return "report " + format_tracking_id(canonical_tracking_id);
}

}  // namespace

std::string format_audit_head(const AuditHead& head) {
  return std::to_string(head.event_id) + ":" + head.link;
}

std::optional<AuditHead> parse_audit_head(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 18) return std::nullopt;
  AuditHead head;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9') return std::nullopt;
    head.event_id = head.event_id * 10 + (c - '0');
  }
  head.link = std::string(text.substr(colon + 1));
  const bool hex = head.link.size() == 64 &&
                   head.link.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!hex && !(head.event_id == 0 && head.link.empty())) return std::nullopt;
  return head;
}

std::string report_state_digest(const Secrets& secrets, const ReportRecord& r) {
  std::string text;
  text.reserve(512 + r.title.size() + r.body.size() + r.rating_comment.size());
  field(&text, "state v1");
  field(&text, r.tracking_id);
  field(&text, r.classification);
  field(&text, to_string(r.status));
  field(&text, r.title);
  field(&text, r.body);
  field(&text, r.incident_date);
  field(&text, r.location.text);
  field(&text, r.location.lat);
  field(&text, r.location.lon);
  field(&text, r.location.region_code);
  field(&text, std::optional<int64_t>(r.category_id));
  field(&text, r.suggested_agency_id);
  field(&text, r.agency_id);
  field(&text, r.channel);
  field(&text, r.reporter.name);
  field(&text, r.reporter.phone);
  field(&text, r.reporter.email);
  field(&text, r.reporter.nik);
  field(&text, r.anonymous ? "1" : "0");
  field(&text, r.confidential ? "1" : "0");
  field(&text, to_string(r.tier));
  field(&text, r.assigned_user_id);
  field(&text, r.returned ? "1" : "0");
  field(&text, r.archive_reason);
  field(&text, r.duplicate_of);
  field(&text, r.rating ? std::optional<int64_t>(*r.rating) : std::nullopt);
  field(&text, r.rating_comment);
  field(&text, std::optional<int64_t>(r.created_at));
  // The deadlines too: an agency must not move its own due date (or the escalation date)
  // behind the record's back. Only a workflow action changes them, with its event.
  // The dates of a stage are stored only while it runs (store/report_repository.cpp), so only
  // then are they part of the state.
  const bool running = r.clock.deadline.stage != Stage::kNone;
  field(&text, to_string(r.clock.deadline.stage));
  field(&text, running ? std::optional<int64_t>(r.clock.deadline.started.days) : std::nullopt);
  field(&text, running ? std::optional<int64_t>(r.clock.deadline.due.days) : std::nullopt);
  field(&text, r.clock.paused_days_left ? std::optional<int64_t>(*r.clock.paused_days_left)
                                        : std::nullopt);
  field(&text, r.clock.escalation_due ? std::optional<int64_t>(r.clock.escalation_due->days)
                                      : std::nullopt);
  // The PIN's digest: blanking it would lock the reporter out unnoticed. It changes only at
  // submission and when the key is adopted or replaced, which re-link the chain.
  field(&text, r.citizen_pin_hash);
  return secrets.state_mac(text);
}

std::string chain_link(const Secrets& secrets, const std::string& previous, int64_t report_id,
                       const EventColumns& event) {
  std::string text;
  text.reserve(256 + (event[8] ? event[8]->size() : 0));
  field(&text, "link v1");
  field(&text, previous);
  field(&text, std::optional<int64_t>(report_id));
  for (const std::optional<std::string>& value : event) field(&text, value ? *value : kNullMark);
  return secrets.chain_mac(text);
}

AuditHead read_audit_head(Db& db) {
  Db::GroupMemo& memo = db.group_memo;
  if (memo.active && memo.chain_head) return {memo.chain_head->first, memo.chain_head->second};
  Prepared q(db, "SELECT event_id, link FROM audit_head");
  AuditHead head;
  if (q.executeStep()) {
    head.event_id = q.getColumn(0).getInt64();
    head.link = q.getColumn(1).getString();
  }
  if (memo.active) memo.chain_head.emplace(head.event_id, head.link);
  return head;
}

void write_audit_head(Db& db, const AuditHead& head) {
  Prepared q(db, "UPDATE audit_head SET event_id = ?, link = ?");
  q.bind(1, head.event_id);
  q.bind(2, head.link);
  q.send();
  Db::GroupMemo& memo = db.group_memo;
  if (memo.active) memo.chain_head.emplace(head.event_id, head.link);
}

std::string stored_key_check(Db& db) {
  return query_string(db, "SELECT key_check FROM audit_head");
}

namespace {

// One batch of events after `from`, in order: each with its report and whether it is that
// report's newest event.
struct EventBatch {
  std::vector<std::pair<int64_t, EventColumns>> events;  // report, columns
  std::vector<bool> newest;
};

EventBatch read_event_batch(Db& db, int64_t from, int limit) {
  EventBatch b;
  Prepared q(db, std::string("SELECT e.report_id, e.id = (SELECT max(id) FROM report_events "
                             "WHERE report_id = e.report_id), ") +
                     kEventColumns + " FROM report_events e WHERE e.id > ? ORDER BY e.id " +
                     "LIMIT " + std::to_string(limit));
  q.bind(1, from);
  while (q.executeStep()) {
    b.events.emplace_back(q.getColumn(0).getInt64(), read_columns(q, 2));
    b.newest.push_back(q.getColumn(1).getInt() != 0);
  }
  return b;
}

// Links the batch's events onto the chain at `head` under the current key, and writes each
// event's link and recorded state.
void relink_batch(Db& db, const Secrets& secrets, EventBatch* batch, AuditHead* head) {
  struct Linked {
    int64_t id;
    std::string link, state;
  };
  std::vector<Linked> done;
  for (size_t i = 0; i < batch->events.size(); ++i) {
    auto& [report_id, columns] = batch->events[i];
    // The states before the report's last event were never recorded; its state now is
    // what its last event led to.
    std::string state;
    if (batch->newest[i]) {
      if (const auto report = ReportRepository::find_by_id(db, report_id)) {
        state = report_state_digest(secrets, *report);
      }
    }
    columns.back() = state;
    const int64_t id = std::stoll(*columns.front());
    head->link = chain_link(secrets, head->link, report_id, columns);
    head->event_id = id;
    done.push_back({id, head->link, state});
  }
  Prepared update(db, "UPDATE report_events SET hash = ?, state = ? WHERE id = ?");
  for (const Linked& l : done) {
    update.bind(1, l.link);
    update.bind(2, l.state);
    update.bind(3, l.id);
    update.exec();
    update.reset();
  }
}

}  // namespace

Relinked adopt_audit_key(Db& db, const Secrets& secrets, StoredPins pins) {
  Transaction tx(db);
  AuditHead head;
  Relinked out;
  // The PIN digests first: they are part of each report's state that the relinking records.
  out.pins = ReportRepository::rewrite_pin_digests(db, [&](const std::string& stored) {
    return pins == StoredPins::kWrap ? secrets.pin_mac(stored) : std::string();
  });
  // In batches: the events are read, then rewritten, never both at once on one table.
  constexpr int kBatch = 10000;
  while (true) {
    EventBatch batch = read_event_batch(db, head.event_id, kBatch);
    if (batch.events.empty()) break;
    relink_batch(db, secrets, &batch, &head);
    out.events += static_cast<int64_t>(batch.events.size());
  }
  write_audit_head(db, head);
  Prepared check(db, "UPDATE audit_head SET key_check = ?, relinked_through = ?");
  check.bind(1, secrets.check());
  check.bind(2, head.event_id);
  check.exec();
  tx.commit();
  return out;
}

namespace {

// The key given is the one the store was linked with.
void check_key(Db& db, const Secrets& secrets, AuditResult* result) {
  const std::string stored_check = stored_key_check(db);
  if (stored_check.empty()) {
    result->broken = "the store has never been linked with a key (start aduan once with it)";
    return;
  }
  if (stored_check != secrets.check()) {
    result->broken = "the audit key given is not the key this store was linked with";
    return;
  }
}

// The chain, event by event, through the expected head when one is given.
void walk_chain(Db& db, const Secrets& secrets, const std::optional<AuditHead>& expect,
                AuditResult* result) {
  Prepared rows(db, std::string("SELECT e.report_id, e.hash, r.tracking_id, ") + kEventColumns +
                        " FROM report_events e LEFT JOIN reports r ON r.id = e.report_id "
                        "ORDER BY e.id");
  bool anchor_seen = false;
  while (rows.executeStep()) {
    const int64_t report_id = rows.getColumn(0).getInt64();
    const EventColumns columns = read_columns(rows, 3);
    const int64_t id = std::stoll(*columns.front());
    const std::string event = "event " + std::to_string(id);
    ++result->events;
    if (rows.getColumn(2).isNull()) {
      result->broken = event + " belongs to a report (id " + std::to_string(report_id) +
                       ") that is no longer in the store: a report was deleted";
      return;
    }
    const std::string where = name(rows.getColumn(2).getString()) + ", " + event;
    const std::string expected = chain_link(secrets, result->head.link, report_id, columns);
    if (expected != rows.getColumn(1).getString()) {
      if (id != result->head.event_id + 1) {
        result->broken = where + ": the events before it (after event " +
                         std::to_string(result->head.event_id) + ") were removed";
      } else {
        result->broken = where + ": its contents, or the event before it, were changed";
      }
      return;
    }
    if (expect && expect->event_id > result->head.event_id && expect->event_id < id) {
      result->broken = "event " + std::to_string(expect->event_id) +
                       ", where the expected head is, is no longer in the chain";
      return;
    }
    if (expect && expect->event_id == id) {
      anchor_seen = true;
      if (expected != expect->link) {
        result->broken = where +
                         ": the chain does not pass through the expected head (it was "
                         "rewritten, or the head is another store's)";
        return;
      }
    }
    result->head = AuditHead{id, expected};
  }
  if (expect && !anchor_seen && expect->event_id != 0) {
    result->broken = "the chain ends at event " + std::to_string(result->head.event_id) +
                     ", before the expected head's event " + std::to_string(expect->event_id) +
                     ": the last events were removed";
    return;
  }
}

// The store's head names the chain's last event.
void check_head(Db& db, AuditResult* result) {
  const AuditHead stored = read_audit_head(db);
  result->relinked_through = query_int64(db, "SELECT relinked_through FROM audit_head");
  if (stored.event_id != result->head.event_id || stored.link != result->head.link) {
    result->broken = "the chain ends at event " + std::to_string(result->head.event_id) +
                     " but the store's head names event " + std::to_string(stored.event_id) +
                     ": events were removed or the head was moved";
    return;
  }
}

// Each report as it is now against the state its last event recorded.
void check_states(Db& db, const Secrets& secrets, AuditResult* result) {
  ReportRepository::each_with_last_state(
      db, [&](const ReportRecord& r, const std::optional<LastEventState>& last) {
        ++result->reports;
        if (!last) {
          result->broken = name(r.tracking_id) + ": it has no event (its events were removed)";
        } else if (last->state != report_state_digest(secrets, r)) {
          result->broken = name(r.tracking_id) +
                           ": the report was changed without an event (it differs from the state "
                           "its last event, " +
                           std::to_string(last->event_id) + ", recorded)";
        }
        return !result->broken;
      });
}

}  // namespace

AuditResult verify_chain(Db& db, const Secrets& secrets, const std::optional<AuditHead>& expect) {
  AuditResult out;
  check_key(db, secrets, &out);
  if (!out.broken) walk_chain(db, secrets, expect, &out);
  if (!out.broken) check_head(db, &out);
  if (!out.broken) check_states(db, secrets, &out);
  return out;
}

}  // namespace aduan

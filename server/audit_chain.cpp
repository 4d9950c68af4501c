#include "audit_chain.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "crypto.h"
#include "prepared.h"
#include "tracking_id.h"

namespace aduan {
namespace {

// The columns an event is made of, as stored (the order of EventColumns).
constexpr const char* kEventColumns =
    "id, at, actor_role, actor_id, actor_name, action, from_status, to_status, note, public, "
    "agency_id";
constexpr int kColumnCount = std::tuple_size_v<EventColumns>;
const std::string kNullMark = "\\x00null";  // NULL, unlike any stored text

}  // namespace

std::string chain_link(const std::string& previous, int64_t report_id, const EventColumns& event) {
  // Each value written with its length, so that no two different events read the same.
  std::string text = previous + "|" + std::to_string(report_id);
  for (const std::optional<std::string>& value : event) {
    const std::string& shown = value ? *value : kNullMark;
    text += "|" + std::to_string(shown.size()) + ":" + shown;
  }
  return digest_hex(text);
}

namespace {

// The event's columns start at `first` in `row`.
std::string link(const std::string& previous, int64_t report_id, Prepared& row, int first = 0) {
  EventColumns event;
  for (int i = 0; i < kColumnCount; ++i) {
    const SQLite::Column c = row.getColumn(first + i);
    if (!c.isNull()) event[static_cast<size_t>(i)] = c.getString();
  }
  return chain_link(previous, report_id, event);
}

}  // namespace

std::string read_audit_head(SQLite::Database& db, int64_t report_id) {
  Prepared head(db, "SELECT audit_head FROM reports WHERE id = ?");
  head.bind(1, report_id);
  return head.executeStep() ? head.getColumn(0).getString() : std::string();
}

void set_event_link(SQLite::Database& db, int64_t event_id, const std::string& link) {
  Prepared event(db, "UPDATE report_events SET hash = ? WHERE id = ?");
  event.bind(1, link);
  event.bind(2, event_id);
  event.exec();
}

void set_audit_head(SQLite::Database& db, int64_t report_id, const std::string& link) {
  Prepared head(db, "UPDATE reports SET audit_head = ? WHERE id = ?");
  head.bind(1, link);
  head.bind(2, report_id);
  head.exec();
}

void chain_event(SQLite::Database& db, int64_t report_id, int64_t event_id) {
  const std::string previous = read_audit_head(db, report_id);
  Prepared row(db, std::string("SELECT ") + kEventColumns + " FROM report_events WHERE id = ?");
  row.bind(1, event_id);
  if (!row.executeStep()) return;
  const std::string hash = link(previous, report_id, row);
  row.reset();
  set_event_link(db, event_id, hash);
  set_audit_head(db, report_id, hash);
}

int64_t chain_unlinked(SQLite::Database& db) {
  if (db.execAndGet("SELECT events_chained FROM tally_settings").getInt()) return 0;
  SQLite::Transaction tx(db);
  db.exec("UPDATE tally_settings SET events_chained = 1");
  db.exec("UPDATE reports SET audit_head = ''");
  std::vector<std::pair<int64_t, int64_t>> events;  // report, event
  {
    Prepared all(db, "SELECT report_id, id FROM report_events ORDER BY report_id, id");
    while (all.executeStep())
      events.emplace_back(all.getColumn(0).getInt64(), all.getColumn(1).getInt64());
  }
  for (const auto& [report, event] : events) chain_event(db, report, event);
  tx.commit();
  return static_cast<int64_t>(events.size());
}

AuditResult verify_chains(SQLite::Database& db) {
  AuditResult out;
  Prepared rows(db, std::string("SELECT report_id, hash, ") + kEventColumns +
                        " FROM report_events ORDER BY report_id, id");
  Prepared heads(db, "SELECT id, tracking_id, audit_head FROM reports ORDER BY id");
  auto name = [](const std::string& tracking_id) { return format_tracking_id(tracking_id); };
  bool more = rows.executeStep();
  while (heads.executeStep() && !out.broken) {
    const int64_t report = heads.getColumn(0).getInt64();
    const std::string tracking_id = heads.getColumn(1).getString();
    std::string previous;
    ++out.reports;
    while (more && rows.getColumn(0).getInt64() < report) {
      out.broken =
          "an event (id " + rows.getColumn(2).getString() + ") of a report that does not exist";
      return out;
    }
    while (more && rows.getColumn(0).getInt64() == report) {
      const std::string expected = link(previous, report, rows, 2);
      ++out.events;
      if (expected != rows.getColumn(1).getString()) {
        out.broken = "report " + name(tracking_id) + ", event " + rows.getColumn(2).getString() +
                     ": its contents or the event before it were changed";
        return out;
      }
      previous = expected;
      more = rows.executeStep();
    }
    if (previous != heads.getColumn(2).getString()) {
      out.broken = "report " + name(tracking_id) +
                   ": its last event is not the one the chain ends with (an event was removed)";
      return out;
    }
  }
  if (more && !out.broken) {
    out.broken =
        "an event (id " + rows.getColumn(2).getString() + ") of a report that does not exist";
  }
  return out;
}

}  // namespace aduan

// The hash chain over each report's timeline (migration 0011). An event's link is the
// SHA-256 of the previous link and the event's stored columns; the report keeps its last
// link. Whoever edits the database behind aduan's back breaks a link that `verify` names.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace SQLite {
class Database;
}

namespace aduan {

// An event's stored columns as SQLite gives them back as text, in the chain's order (the
// event's id first); nullopt for NULL.
using EventColumns = std::array<std::optional<std::string>, 11>;

// The link of an event that follows `previous` (empty for a report's first event).
std::string chain_link(const std::string& previous, int64_t report_id, const EventColumns& event);

// The report's head (its newest link; empty before its first event), an event's link, and
// moving the head; each one statement in the caller's transaction.
std::string read_audit_head(SQLite::Database& db, int64_t report_id);
void set_event_link(SQLite::Database& db, int64_t event_id, const std::string& link);
void set_audit_head(SQLite::Database& db, int64_t report_id, const std::string& link);

// Links the event just inserted (the report's newest) to the chain and moves the report's
// head; called in the transaction that inserted it. Reads the event back from the store.
void chain_event(SQLite::Database& db, int64_t report_id, int64_t event_id);

// Links the events stored before the chain existed (once, at the first start after the
// migration). Returns how many.
int64_t chain_unlinked(SQLite::Database& db);

struct AuditResult {
  int64_t reports = 0;
  int64_t events = 0;
  std::optional<std::string> broken;  // the first broken link, in words
};

// Recomputes every chain from the stored events.
AuditResult verify_chains(SQLite::Database& db);

}  // namespace aduan

// The hash chain over each report's timeline (migration 0011). An event's link is the
// SHA-256 of the previous link and the event's stored columns; the report keeps its last
// link. Whoever edits the database behind aduan's back breaks a link that `verify` names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace SQLite {
class Database;
}

namespace aduan {

// Links the event just inserted (the report's newest) to the chain and moves the report's
// head; called in the transaction that inserted it.
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

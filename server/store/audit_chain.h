// The audit chain (migrations 0011 and 0018): one chain through every event of every report,
// in event id order. An event's link is a keyed digest (Secrets::chain_mac) of the link
// before it (of whatever report), the event's report, its stored columns and a digest of the
// report's state after it (report_state_digest); the store keeps the last link, the head, in
// one row. Without the key, an edited, inserted or removed event, a report deleted with its
// events, or a report row changed without an event breaks a link or a state that `verify`
// names. Removing the last events and moving the head back is caught against a head kept
// elsewhere (`aduan audit head`, then `verify --expect`).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/secrets.h"
#include "store/db.h"
#include "store/report_repository.h"

namespace aduan {

// Where the chain ends: its last event and that event's link. event_id 0: no event yet.
struct AuditHead {
  int64_t event_id = 0;
  std::string link;
};

// "EVENT_ID:LINK", the form `aduan audit head` prints and `--expect` reads.
std::string format_audit_head(const AuditHead& head);
std::optional<AuditHead> parse_audit_head(std::string_view text);

// An event's stored columns as SQLite gives them back as text, in the chain's order (the
// event's id first, its state digest last); nullopt for NULL.
using EventColumns = std::array<std::optional<std::string>, 12>;

// The keyed digest of what a report is after an event: the columns a change of which must
// be an event (status, agency, flags, title, body, place, category, reporter, assignment,
// archive reason, duplicate, rating, ...), not the bookkeeping that may change without one
// (followers, version, deadline clock, notify_citizen, updated_at, the PIN digest).
std::string report_state_digest(const Secrets& secrets, const ReportRecord& report);

// The link of an event that follows `previous` (empty for the store's first event).
std::string chain_link(const Secrets& secrets, const std::string& previous, int64_t report_id,
                       const EventColumns& event);

// The head as stored, and moving it; each one statement in the caller's transaction.
AuditHead read_audit_head(Db& db);
void write_audit_head(Db& db, const AuditHead& head);

// The check value (Secrets::check) of the key the store's chain is linked with; empty
// before the first start with a key.
std::string stored_key_check(Db& db);

// What becomes of the stored PIN digests when the chain is linked again with a key.
enum class StoredPins {
  kWrap,     // unkeyed digests d become Secrets::pin_mac(d): the PINs keep working
  kDiscard,  // digests made with a lost key, which nothing can check any more: cleared
};

struct Relinked {
  int64_t events = 0;
  int64_t pins = 0;  // PIN digests wrapped or cleared
};

// Links every stored event again, in id order, with the key (the state of each report
// recorded with its last event), treats the PIN digests as `pins` says, and records the
// key's check value and the last event so linked; in one transaction. Done once, at the
// first start with a key (kWrap), or by `aduan audit new-key` when the key was lost
// (kDiscard).
Relinked adopt_audit_key(Db& db, const Secrets& secrets, StoredPins pins);

struct AuditResult {
  int64_t reports = 0;
  int64_t events = 0;
  AuditHead head;                     // where the recomputed chain ends
  int64_t relinked_through = 0;       // the last event when the chain was linked again
  std::optional<std::string> broken;  // the first broken place, in words
};

// Recomputes the chain from the stored events, checks it ends at the stored head and, with
// `expect`, that it passes through that head (an anchor taken earlier; events added since
// are fine); then compares each report's row with the state its last event recorded.
AuditResult verify_chain(Db& db, const Secrets& secrets,
                         const std::optional<AuditHead>& expect = std::nullopt);

}  // namespace aduan

// The staff inbox: what needs this staff member's attention, newest first, and what they have
// read (server/store/inbox_repository.h for how it is kept).
//
// Who hears of what follows the notifications (docs/notifications.md), within the reports the
// user may read (services/caller.h, the queue's scope):
//   coordinator    new reports waiting for verification, reports an agency returned, the
//                  citizen's answers and replies before forwarding, ratings, escalations;
//   agency admin   reports newly forwarded to the agency, the citizen's replies and reopenings
//                  on its reports, stages due within kDueSoonWorkingDays or overdue,
//                  escalations of its reports;
//   officer        reports assigned to them (with the admin's instructions), the citizen's
//                  replies on them;
//   supervisor     escalated reports and the citizen's replies on them.
// One item per report: the newest event that put it there. An item never names the reporter.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/ttl_cache.h"
#include "services/caller.h"
#include "services/report_service.h"

namespace aduan {

// How many items a page lists; the unread count covers every item found.
inline constexpr int kInboxPageSize = 50;
// Replies, reopenings and ratings older than this no longer make an item.
inline constexpr int64_t kInboxReplyWindowSeconds = 30 * 86400;

struct InboxItem {
  ReportView view;       // without timeline
  std::string kind;      // new_report, returned, forwarded, assigned, citizen_reply,
                         // reopened, rated, escalated, due_soon, overdue
  int64_t event_id = 0;  // the event that made the item
  int64_t at = 0;        // its time
  Role actor_role = Role::kSystem;
  std::string actor_name;    // staff only; empty for the citizen
  std::string instructions;  // assigned: the admin's note to the officer
  bool unread = true;
};

// What the sources of one inbox found, newest first (services/inbox_service.cpp).
struct InboxFound;

struct InboxPage {
  std::vector<InboxItem> items;  // newest first, at most kInboxPageSize
  int unread = 0;                // of every item found, also those beyond the page
  int64_t newest_event_id = 0;   // of the store when read: "mark all read" up to it
};

class InboxService {
 public:
  InboxService(Store& store, const Clock& clock, ServiceSettings settings);

  // At most `items` items (0: the unread count alone, for the header's badge on every page).
  InboxPage inbox(const Caller& p, int items = kInboxPageSize);

  // Marks the items of one report read (its newest event); false when there is no such
  // report or `p` may not read it.
  bool mark_read(const Caller& p, const std::string& typed_id);
  // Marks every item up to `up_to` read (the newest event the page showed; nullopt: every
  // event so far).
  void mark_all_read(const Caller& p, std::optional<int64_t> up_to);

 private:
  Store& store_;
  const Clock& clock_;
  ServiceSettings settings_;
  // What the sources found, per question (sources and their parameters) and per newest event
  // of the store: every change that can move a report into or out of an inbox writes an
  // event in the same transaction, and the writers of every server take turns at one lock
  // until they commit (on PostgreSQL an advisory lock), so event ids grow in the order
  // they become visible and an ask after any change asks the store again. A change made
  // behind aduan's back (SQL by hand, a restore into a running server's file) is seen
  // within settings.monitoring_cache_ms.
  TtlCache<std::shared_ptr<const InboxFound>> found_;
};

}  // namespace aduan

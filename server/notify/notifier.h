// Decides who hears of an event and writes their messages to the outbox, inside the
// caller's transaction: the change and its notifications commit together or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "model/report_record.h"
#include "notify/notify_config.h"
#include "shared/deadlines.h"
#include "store/db.h"

namespace aduan {

struct NotifyDetails {
  std::string note;                       // the public note of the action, if any
  std::string pin;                        // "received" only: the citizen's PIN
  std::optional<StageDeadline> deadline;  // the deadline the message is about
  bool status_changed = true;             // followers hear of status changes only
};

// Where one message goes.
struct NotifyRecipient {
  std::string channel;
  std::string address;
  std::string language = "id";
  // A citizen's contact. Not part of the order: an address that is both a staff member's
  // and a citizen's gets one message, and counts as a citizen's.
  mutable bool citizen = false;
  bool operator<(const NotifyRecipient& o) const {
    return std::tie(channel, address) < std::tie(o.channel, o.address);
  }
};

// Who hears of an event about a report, and the names their messages show: what
// Notifier::notify reads before it writes anything.
struct NotifyAddress {
  std::string event;
  std::set<NotifyRecipient> to;
  std::set<NotifyRecipient> followers;  // hear only that the status changed
  std::string category, agency;
};

class Notifier {
 public:
  explicit Notifier(NotifyConfig config);

  // Writes the messages for `event` ("new_report", "forwarded", ...) about `report`.
  // Returns how many were written. The same as send(db, address(db, ...), ...).
  int notify(Db& db, const std::string& event, const ReportRecord& report,
             const NotifyDetails& details, int64_t now) const;

  // The two halves of notify, for a caller that reads the addresses before its write
  // transaction (on a reader, beside other requests) and writes the messages in it: the
  // writer then does not wait for those reads. A recipient added or removed in between
  // counts as if the change came a moment later. `report` needs its contacts, category and
  // agency for address(), and its tracking ID and id only for send(); both take the same
  // `details` (whether followers hear of it is decided from them in address()).
  NotifyAddress address(Db& db, const std::string& event, const ReportRecord& report,
                        const NotifyDetails& details) const;
  int send(Db& db, const NotifyAddress& to, const ReportRecord& report,
           const NotifyDetails& details, int64_t now) const;

  // The daily digest of one agency: its open and overdue reports.
  int notify_digest(Db& db, int64_t agency_id, Date today, int64_t now) const;

  // A message to an address that is not (yet) a report's reporter, such as an inbound
  // message that could not become a report; in `language` ("id" or "en").
  void notify_address(Db& db, const std::string& event, const std::string& channel,
                      const std::string& recipient, const std::string& language,
                      const std::string& note, int64_t now) const;

  // The code a contact must give back, to that contact alone: `event` "follow_code" for a
  // follower (FollowService), "link_code" for a citizen linking their reports
  // (DeviceLinkService). The code is never kept readable in the outbox.
  void notify_code(Db& db, const std::string& channel, const std::string& recipient,
                   const std::string& language, const std::string& code, int64_t now,
                   const std::string& event = "follow_code") const;

  const NotifyConfig& config() const { return config_; }

 private:
  NotifyConfig config_;
};

}  // namespace aduan

// The notifications as the system admin sees them: what went where and what failed, and
// sending a failed one again. The system admin may read no complaint: a message's subject and
// text never come out of here, and a citizen's contact only masked, also where a transport's
// error repeats it. Staff contacts are shown whole.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/outbox_message.h"

namespace aduan {

class Store;
class Clock;
class NotificationSender;

// A citizen's contact as the system admin sees it: enough to tell a mistyped domain or a
// number of the wrong length, not enough to know who it is. "budi.s@gmail.com" reads
// "b•••@g••••.com", "+6281234564321" reads "+62•••••••••21".
std::string mask_contact(const std::string& contact);

class OutboxService {
 public:
  OutboxService(Store& store, const Clock& clock, NotificationSender& sender)
      : store_(store), clock_(clock), sender_(sender) {}

  // The newest 200 messages with `status` (pending, sent or failed), masked as above, without
  // subject or text.
  std::vector<OutboxMessage> list(const std::string& status) const;
  // Puts a failed message back in the queue and wakes the sender; false when no failed
  // message has this id.
  bool retry(int64_t id);

 private:
  Store& store_;
  const Clock& clock_;
  NotificationSender& sender_;
};

}  // namespace aduan

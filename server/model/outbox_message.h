// A notification in the outbox: queued in the transaction of what caused it, sent later by
// the sender (notify/notification_sender.h), kept by store/outbox_repository.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace aduan {

struct OutboxMessage {
  int64_t id = 0;
  std::string message_id;
  std::optional<int64_t> report_id;
  std::string event;
  std::string channel;  // email, sms, whatsapp; open311 (a post to an external agency)
  std::string recipient;
  std::string subject;
  // A message that carries the reporter's PIN shows it masked in `body`; the text with the
  // PIN is in `sealed_body` until the message is sent or has failed for good (else empty).
  std::string body;
  std::string sealed_body;
  // A citizen's contact (the system admin sees it masked), not a staff member's.
  bool to_citizen = true;
  std::string status = "pending";  // pending, sent, failed
  int attempts = 0;
  int64_t next_attempt_at = 0;
  std::string last_error;
  int64_t created_at = 0;
  std::optional<int64_t> sent_at;
};

}  // namespace aduan

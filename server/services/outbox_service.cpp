#include "services/outbox_service.h"

#include "base/clock.h"
#include "notify/notification_sender.h"
#include "store/db.h"
#include "store/outbox_repository.h"
#include "store/store.h"

namespace aduan {

namespace {
constexpr const char* kDot = "\u2022";
}  // namespace

std::string mask_contact(const std::string& contact) {
  std::string out;
  const size_t at = contact.find('@');
  if (at != std::string::npos) {
    const std::string domain = contact.substr(at + 1);
    const size_t dot = domain.rfind('.');
    out = contact.substr(0, std::min<size_t>(at, 1)) + kDot + kDot + kDot + "@";
    if (dot == std::string::npos || dot == 0) return out + kDot + kDot + kDot;
    return out + domain.substr(0, 1) + kDot + kDot + kDot + kDot + domain.substr(dot);
  }
  size_t digits = 0;
  for (char c : contact) digits += (c >= '0' && c <= '9') ? 1 : 0;
  if (digits < 6) return std::string(kDot) + kDot + kDot;
  const bool plus = contact[0] == '+';
  // "+62" (or the leading "0" of a national number) and the last two digits.
  const size_t head = plus ? 3 : 1;
  size_t seen = 0;
  for (char c : contact) {
    if (c < '0' || c > '9') continue;
    ++seen;
    out += (seen + (plus ? 1 : 0) <= head || seen > digits - 2) ? std::string(1, c) : kDot;
  }
  return plus ? "+" + out : out;
}

std::vector<OutboxMessage> OutboxService::list(const std::string& status) const {
  std::vector<OutboxMessage> out;
  store_.read([&](Db& db) { out = OutboxRepository::list(db, status, 200); });
  for (OutboxMessage& m : out) {
    m.subject.clear();
    m.body.clear();
    m.sealed_body.clear();
    if (!m.to_citizen) continue;
    const std::string masked = mask_contact(m.recipient);
    size_t at = m.recipient.empty() ? std::string::npos : m.last_error.find(m.recipient);
    while (at != std::string::npos) {
      m.last_error.replace(at, m.recipient.size(), masked);
      at = m.last_error.find(m.recipient, at + masked.size());
    }
    m.recipient = masked;
  }
  return out;
}

bool OutboxService::retry(int64_t id) {
  bool queued = false;
  store_.write([&](Db& db) { queued = OutboxRepository::retry_now(db, id, clock_.now_unix()); });
  if (queued) sender_.wake();
  return queued;
}

}  // namespace aduan

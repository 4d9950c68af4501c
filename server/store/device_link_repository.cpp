#include "store/device_link_repository.h"

#include <charconv>

#include "base/crypto.h"
#include "base/secrets.h"
#include "store/db.h"
#include "store/prepared.h"

namespace aduan {
namespace {

// The key a contact's list is sealed with: derived from the secret and the contact, so that
// one list opened (with the key file) opens no other.
std::string list_key(const Secrets& secrets, const std::string& contact_id) {
  return secrets.contact_mac("reports:" + contact_id);
}

// "12,40,913", padded with spaces to a multiple of 64 bytes: the sealed size tells little of
// how many reports a contact linked.
std::string join_ids(const std::vector<int64_t>& ids) {
  std::string out;
  for (const int64_t id : ids) {
    if (!out.empty()) out.push_back(',');
    out += std::to_string(id);
  }
  out.resize((out.size() / 64 + 1) * 64, ' ');
  return out;
}

std::vector<int64_t> split_ids(const std::string& text) {
  std::vector<int64_t> ids;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    int64_t id = 0;
    const auto [next, error] = std::from_chars(p, end, id);
    if (error != std::errc()) break;
    ids.push_back(id);
    p = next < end && *next == ',' ? next + 1 : end;
  }
  return ids;
}

}  // namespace

std::string DeviceLinkRepository::contact_id(const Secrets& secrets,
                                             const std::string& contact_key) {
  return secrets.contact_mac("contact:" + contact_key);
}

void DeviceLinkRepository::put_code(Db& db, const std::string& contact_id,
                                    const std::string& code_digest, int64_t expires_at) {
  Prepared q(db,
             "INSERT INTO contact_codes(contact_id, code_digest, expires_at, attempts) "
             "VALUES(?, ?, ?, 0) ON CONFLICT(contact_id) DO UPDATE SET "
             "code_digest = excluded.code_digest, expires_at = excluded.expires_at, attempts = 0");
  q.bind(1, contact_id);
  q.bind(2, code_digest);
  q.bind(3, expires_at);
  q.exec();
}

std::optional<ContactCode> DeviceLinkRepository::code(Db& db, const std::string& contact_id) {
  Prepared q(db,
             "SELECT code_digest, expires_at, attempts FROM contact_codes WHERE contact_id = ?");
  q.bind(1, contact_id);
  if (!q.executeStep()) return std::nullopt;
  return ContactCode{q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                     q.getColumn(2).getInt()};
}

void DeviceLinkRepository::record_wrong_code(Db& db, const std::string& contact_id) {
  Prepared q(db, "UPDATE contact_codes SET attempts = attempts + 1 WHERE contact_id = ?");
  q.bind(1, contact_id);
  q.exec();
}

void DeviceLinkRepository::remove_code(Db& db, const std::string& contact_id) {
  Prepared q(db, "DELETE FROM contact_codes WHERE contact_id = ?");
  q.bind(1, contact_id);
  q.exec();
}

void DeviceLinkRepository::add_session(Db& db, const std::string& token_digest,
                                       const std::string& contact_id, int64_t now,
                                       int64_t expires_at) {
  Prepared q(db,
             "INSERT INTO contact_sessions(token_digest, contact_id, created_at, expires_at) "
             "VALUES(?, ?, ?, ?)");
  q.bind(1, token_digest);
  q.bind(2, contact_id);
  q.bind(3, now);
  q.bind(4, expires_at);
  q.exec();
}

std::optional<std::string> DeviceLinkRepository::session_contact(Db& db,
                                                                 const std::string& token_digest,
                                                                 int64_t now) {
  Prepared q(db,
             "SELECT contact_id FROM contact_sessions WHERE token_digest = ? AND expires_at > ?");
  q.bind(1, token_digest);
  q.bind(2, now);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

void DeviceLinkRepository::remove_session(Db& db, const std::string& token_digest) {
  Prepared q(db, "DELETE FROM contact_sessions WHERE token_digest = ?");
  q.bind(1, token_digest);
  q.exec();
}

int DeviceLinkRepository::remove_sessions(Db& db, const std::string& contact_id) {
  Prepared q(db, "DELETE FROM contact_sessions WHERE contact_id = ?");
  q.bind(1, contact_id);
  return q.exec();
}

std::vector<int64_t> DeviceLinkRepository::reports(Db& db, const Secrets& secrets,
                                                   const std::string& contact_id) {
  Prepared q(db, "SELECT sealed FROM contact_reports WHERE contact_id = ?");
  q.bind(1, contact_id);
  if (!q.executeStep()) return {};
  const Column column = q.getColumn(0);
  const std::string sealed(static_cast<const char*>(column.getBlob()),
                           static_cast<size_t>(column.getBytes()));
  // A list that does not open (another key file) links nothing rather than failing.
  const auto text = open_with_secret(list_key(secrets, contact_id), sealed);
  return text ? split_ids(*text) : std::vector<int64_t>();
}

void DeviceLinkRepository::set_reports(Db& db, const Secrets& secrets,
                                       const std::string& contact_id,
                                       const std::vector<int64_t>& ids) {
  if (ids.empty()) {
    Prepared q(db, "DELETE FROM contact_reports WHERE contact_id = ?");
    q.bind(1, contact_id);
    q.exec();
    return;
  }
  const std::string sealed = seal_with_secret(list_key(secrets, contact_id), join_ids(ids));
  Prepared q(db,
             "INSERT INTO contact_reports(contact_id, sealed) VALUES(?, ?) "
             "ON CONFLICT(contact_id) DO UPDATE SET sealed = excluded.sealed");
  q.bind(1, contact_id);
  q.bind(2, sealed.data(), static_cast<int>(sealed.size()));
  q.exec();
}

int DeviceLinkRepository::prune(Db& db, int64_t now) {
  Prepared codes(db, "DELETE FROM contact_codes WHERE expires_at <= ?");
  codes.bind(1, now);
  const int removed = codes.exec();
  Prepared sessions(db, "DELETE FROM contact_sessions WHERE expires_at <= ?");
  sessions.bind(1, now);
  return removed + sessions.exec();
}

}  // namespace aduan

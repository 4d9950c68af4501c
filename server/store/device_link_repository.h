// What "my reports on any phone" keeps (migration 0020): the one-time code last sent to a
// contact, the reports linked to a contact, and the phones signed in with one. A contact is
// known here only by its `contact_id`, a keyed digest (DeviceLinkRepository::contact_id); the
// linked reports are sealed under a key derived from the server's secret, so a copy of the
// database file shows neither a contact nor which reports belong together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace aduan {

class Secrets;

struct ContactCode {
  std::string code_digest;
  int64_t expires_at = 0;
  int attempts = 0;  // wrong codes given so far
};

class DeviceLinkRepository {
 public:
  // The row key of a normalised contact (parse_contact's `key`).
  static std::string contact_id(const Secrets& secrets, const std::string& contact_key);

  // Replaces the contact's code: only the newest code sent is good.
  static void put_code(Db& db, const std::string& contact_id, const std::string& code_digest,
                       int64_t expires_at);
  static std::optional<ContactCode> code(Db& db, const std::string& contact_id);
  static void record_wrong_code(Db& db, const std::string& contact_id);
  static void remove_code(Db& db, const std::string& contact_id);

  static void add_session(Db& db, const std::string& token_digest, const std::string& contact_id,
                          int64_t now, int64_t expires_at);
  // The contact a phone's token signs in as, while its session lasts.
  static std::optional<std::string> session_contact(Db& db, const std::string& token_digest,
                                                    int64_t now);
  static void remove_session(Db& db, const std::string& token_digest);
  // Every phone signed in with the contact (a lost phone included). Returns how many.
  static int remove_sessions(Db& db, const std::string& contact_id);

  // The ids of the reports linked to the contact, oldest link first.
  static std::vector<int64_t> reports(Db& db, const Secrets& secrets,
                                      const std::string& contact_id);
  static void set_reports(Db& db, const Secrets& secrets, const std::string& contact_id,
                          const std::vector<int64_t>& ids);

  // Forgets expired codes and sessions; the deadline job calls it. Returns the rows removed.
  static int prune(Db& db, int64_t now);
};

}  // namespace aduan

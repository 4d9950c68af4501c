// Citizens who follow a report: they have the same problem and said so instead of filing
// again, or their own report was archived as its duplicate. Those who left a contact get the
// report's status changes once they proved the contact is theirs; everyone counts once in
// the report's "followers".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/follower.h"
#include "store/db.h"

namespace aduan {

class FollowerRepository {
 public:
  // Adds a follower who needs no proof (no contact, or the reporter of a duplicate with their
  // own report's contact) and counts it; a contact that already follows (or is pending, and
  // is now proven) counts once. Returns the report's count.
  static int64_t add(Db& db, int64_t report_id, const Follower& f, int64_t now);

  // Keeps a contact pending with a new code (until `expires_at`). False when the contact
  // already follows the report: nothing to prove.
  static bool add_pending(Db& db, int64_t report_id, const Follower& f,
                          const std::string& code_digest, int64_t expires_at, int64_t now);
  static std::optional<PendingFollower> pending(Db& db, int64_t report_id, const std::string& phone,
                                                const std::string& email);
  // The pending follower proved the contact: it follows and counts. Returns the count.
  static int64_t confirm(Db& db, int64_t report_id, int64_t follower_id);
  static void record_wrong_code(Db& db, int64_t follower_id);
  static void remove_pending(Db& db, int64_t follower_id);

  // Those who left a contact and proved it, for the report's status changes.
  static std::vector<Follower> with_contact(Db& db, int64_t report_id);
};

}  // namespace aduan

// The administration's own records (migration 0029): one-time activation links of staff
// accounts, kept by the digest of their token, and the append-only log of administrative
// changes. The caller holds the transaction that also writes the change itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/admin_records.h"
#include "store/db.h"

namespace aduan {

class AdminRepository {
 public:
  static void add_activation(Db& db, const std::string& token_hash, int64_t user_id, int64_t now,
                             int64_t expires_at);
  // Marks the link with `token_hash` used at `now` and returns its account, when the link
  // exists, is unused and has not expired; nullopt (nothing written) otherwise.
  static std::optional<int64_t> use_activation(Db& db, const std::string& token_hash, int64_t now);
  // The account of a link that is unused and has not expired, without using it.
  static std::optional<int64_t> activation_user(Db& db, const std::string& token_hash, int64_t now);
  // Ends every unused link of an account (a new one replaces them; a disabled account has
  // none).
  static void drop_activations(Db& db, int64_t user_id, int64_t now);
  // Whether the account has an unused link that has not expired (it awaits activation).
  static bool activation_pending(Db& db, int64_t user_id, int64_t now);

  static void append_event(Db& db, const AdminEvent& e);
  // The newest first; of one target when `target_kind` is given (and `target` with it).
  static std::vector<AdminEvent> events(Db& db, const std::string& target_kind,
                                        const std::string& target, int limit);

  static std::vector<AgencyEntry> agencies(Db& db);
  static std::vector<CategoryEntry> categories(Db& db);
};

}  // namespace aduan

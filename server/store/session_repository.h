// Staff sessions, stored by the hash of their token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/db.h"

namespace aduan {

struct SessionRecord {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
  int64_t expires_at = 0;
};

class SessionRepository {
 public:
  static void insert(Db& db, const SessionRecord& s);
  static std::optional<SessionRecord> find(Db& db, const std::string& token_hash);
  static void touch(Db& db, const std::string& token_hash, int64_t now);
  static void remove(Db& db, const std::string& token_hash);
  static void remove_for_user(Db& db, int64_t user_id);
  // Every session of the account but the one with `keep_token_hash`.
  static void remove_for_user_except(Db& db, int64_t user_id, const std::string& keep_token_hash);
  static int remove_expired(Db& db, int64_t now, int64_t idle_before);
};

}  // namespace aduan

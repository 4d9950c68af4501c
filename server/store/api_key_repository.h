// API keys for integrations: created and revoked by system admins, stored as digests,
// each with the scopes it may use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/api_key.h"

namespace SQLite {
class Database;
}

namespace aduan {

class ApiKeyRepository {
 public:
  // Creates a key and returns it in full; only its digest is stored.
  static std::string create(SQLite::Database& db, const std::string& name,
                            const std::vector<std::string>& scopes, int64_t now, ApiKey* created);
  // The active key with this value and scope, marking it used; nullopt otherwise.
  static std::optional<ApiKey> authenticate(SQLite::Database& db, const std::string& key,
                                            const std::string& scope, int64_t now);
  static std::vector<ApiKey> list(SQLite::Database& db);
  static bool revoke(SQLite::Database& db, int64_t id, int64_t now);
};

}  // namespace aduan

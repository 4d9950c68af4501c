// API keys for integrations: created and revoked by system admins, stored as digests,
// each with the scopes it may use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/api_key.h"
#include "store/db.h"

namespace aduan {

class ApiKeyRepository {
 public:
  // Creates a key and returns it in full; only its digest is stored.
  static std::string create(Db& db, const std::string& name, const std::vector<std::string>& scopes,
                            int64_t now, ApiKey* created);
  // The active key with this value and scope, marking it used; nullopt otherwise.
  static std::optional<ApiKey> authenticate(Db& db, const std::string& key,
                                            const std::string& scope, int64_t now);
  static std::vector<ApiKey> list(Db& db);
  static bool revoke(Db& db, int64_t id, int64_t now);
};

}  // namespace aduan

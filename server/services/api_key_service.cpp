#include "services/api_key_service.h"

#include "base/clock.h"
#include "store/api_key_repository.h"
#include "store/db.h"
#include "store/store.h"

namespace aduan {

std::optional<ApiKey> ApiKeyService::authenticate(const std::string& key,
                                                  const std::string& scope) const {
  std::optional<ApiKey> out;
  // A write: the key's last use is recorded.
  store_.write(
      [&](Db& db) { out = ApiKeyRepository::authenticate(db, key, scope, clock_.now_unix()); });
  return out;
}

std::vector<ApiKey> ApiKeyService::list() const {
  std::vector<ApiKey> out;
  store_.read([&](Db& db) { out = ApiKeyRepository::list(db); });
  return out;
}

std::string ApiKeyService::create(const std::string& name, const std::vector<std::string>& scopes,
                                  ApiKey* created) {
  std::string key;
  store_.write([&](Db& db) {
    key = ApiKeyRepository::create(db, name, scopes, clock_.now_unix(), created);
  });
  return key;
}

bool ApiKeyService::revoke(int64_t id) {
  bool revoked = false;
  store_.write([&](Db& db) { revoked = ApiKeyRepository::revoke(db, id, clock_.now_unix()); });
  return revoked;
}

}  // namespace aduan

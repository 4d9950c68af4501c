// API keys for integrations (Open311 clients, the metrics scraper): created and revoked by
// the system admin, checked on every request that carries one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/api_key.h"

namespace aduan {

class Store;
class Clock;

class ApiKeyService {
 public:
  ApiKeyService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The active key with this value and `scope` ("open311", "metrics"), marked used now;
  // nullopt for anything else.
  std::optional<ApiKey> authenticate(const std::string& key, const std::string& scope) const;
  std::vector<ApiKey> list() const;
  // Creates a key and returns it in full, the only time it is seen; `created` describes it.
  std::string create(const std::string& name, const std::vector<std::string>& scopes,
                     ApiKey* created);
  // False when no active key has this id.
  bool revoke(int64_t id);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace aduan

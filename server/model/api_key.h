// An integration's API key as the admin lists it: never the key itself, which is shown once
// at creation and stored only as a digest (store/api_key_repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aduan {

struct ApiKey {
  int64_t id = 0;
  std::string name;
  std::string prefix;
  std::vector<std::string> scopes;
  int64_t created_at = 0;
  std::optional<int64_t> revoked_at;
  std::optional<int64_t> last_used_at;
};

}  // namespace aduan

// A citizen who follows a report, and one whose contact is not yet confirmed (kept by
// store/follower_repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace aduan {

struct Follower {
  std::string phone;  // E.164, or empty
  std::string email;  // or empty
  std::string language = "id";
  std::optional<int64_t> from_report_id;
};

// A contact that asked to follow and has not yet given the code sent to it.
struct PendingFollower {
  int64_t id = 0;
  std::string code_digest;
  int64_t code_expires_at = 0;
  int attempts = 0;  // wrong codes so far
};

}  // namespace aduan

// A ready-made answer of the staff (kept by store/canned_response_repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace aduan {

// Whose list: an agency's, or the coordinators' (nullopt).
using CannedList = std::optional<int64_t>;

struct CannedResponse {
  int64_t id = 0;
  CannedList agency_id;
  std::string title;
  std::string text;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::string updated_by;       // the username, or "demo"
  std::string updated_by_name;  // the account's display name when there is one, else updated_by
  int64_t version = 1;          // grows with each change
};

}  // namespace aduan

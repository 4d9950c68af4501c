// What the administration of accounts, agencies and categories reads and logs (kept by
// store/admin_repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace aduan {

struct AdminEvent {
  int64_t id = 0;
  int64_t at = 0;
  std::string actor;        // the admin's username
  std::string action;       // account_created, agency_renamed, ...
  std::string target_kind;  // account, agency, category
  std::string target;       // its username or code
  std::string before_json = "{}";
  std::string after_json = "{}";
};

// An agency as the administration lists it: also the inactive ones, with the parent's code.
struct AgencyEntry {
  int64_t id = 0;
  std::string code, name;
  std::optional<int64_t> parent_id;
  bool active = true;
};

struct CategoryEntry {
  int64_t id = 0;
  std::string code, name, name_en;
  std::optional<int64_t> agency_id;
  bool active = true;
};

}  // namespace aduan

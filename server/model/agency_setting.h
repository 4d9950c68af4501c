// A change of an agency's own setting, as its history shows it (kept by
// store/agency_settings_repository.h).
#pragma once

#include <cstdint>
#include <string>

namespace aduan {

struct AgencySettingChange {
  std::string setting;  // "officers_resolve"
  std::string value;    // "1" or "0"
  std::string changed_by_name;
  int64_t changed_at = 0;
};

}  // namespace aduan

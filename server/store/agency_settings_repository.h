// Storage of an agency's own settings (agencies.officers_resolve) and of every change to
// them with who made it and when (agency_setting_changes, migration 0030).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/agency_setting.h"
#include "store/db.h"

namespace aduan {

class AgencySettingsRepository {
 public:
  // Sets the agency's flag and records the change, in the caller's transaction. The
  // catalogue's version moves with the agencies row (migration 0013), so cached
  // catalogues read the new value.
  static void set_officers_resolve(Db& db, int64_t agency_id, bool value, int64_t changed_by,
                                   const std::string& changed_by_name, int64_t now);
  // The newest `limit` changes of the agency's settings, newest first.
  static std::vector<AgencySettingChange> changes(Db& db, int64_t agency_id, int limit);
};

}  // namespace aduan

// An agency's own settings, changed by that agency's admin or the system admin: for now
// whether its officers may resolve their reports (shared/workflow.h AgencyRules). Every
// change is recorded with who made it and when, and logged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "model/agency_setting.h"
#include "services/caller.h"
#include "store/store.h"

namespace aduan {

struct AgencySettings {
  std::string code;
  std::string name;
  bool officers_resolve = false;
  std::vector<AgencySettingChange> changes;  // newest first, the last few
};

class AgencySettingsService {
 public:
  AgencySettingsService(Store& store, const Clock& clock);

  // The agencies `p` may set: an agency admin their own agency, the system admin every
  // active agency; nobody else any.
  std::vector<AgencySettings> list(const Caller& p);
  // Sets the flag of the agency `code`; nullopt when there is no such agency or it is not
  // one `p` may set (both 404, so that an admin cannot probe other agencies' settings).
  std::optional<AgencySettings> set_officers_resolve(const Caller& p, const std::string& code,
                                                     bool value);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace aduan

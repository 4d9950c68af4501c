// What the deadline job remembers between its runs: which deadline warnings it gave (one per
// report, due day and colour, so a warning is not repeated every tick) and small facts such as
// the day it last sent the agencies' digests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/date.h"
#include "store/db.h"

namespace aduan {

class JobRepository {
 public:
  // True the first time for this report, due day and colour; false when told already.
  static bool first_alert(Db& db, int64_t report_id, Date due, std::string_view colour);

  static std::optional<std::string> state(Db& db, const std::string& key);
  static void set_state(Db& db, const std::string& key, const std::string& value);
};

}  // namespace aduan

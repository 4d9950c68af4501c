#include "store/status_sql.h"

namespace aduan {

std::string status_sql_list(bool (*keep)(Status)) {
  std::string out;
  for (int i = 0; i < kStatusCount; ++i) {
    const Status s = static_cast<Status>(i);
    if (keep(s)) out += (out.empty() ? "('" : ", '") + std::string(to_string(s)) + "'";
  }
  return out + ")";
}

const std::string& public_report_condition() {
  static const std::string condition =
      "confidential = 0 AND status IN " + status_sql_list(is_verified);
  return condition;
}

}  // namespace aduan

// Who is asking: a logged-in staff member, with what they may reach.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/report_record.h"
#include "shared/workflow.h"

namespace aduan {

struct Principal {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kCoordinator;
  std::optional<int64_t> agency_id;
  std::vector<int64_t> agency_scope;  // the user's agency and its units
  std::string csrf_token;
  std::string token_hash;
  // Logged in with a temporary password: the session may only change it (http/router.cpp).
  bool must_change_password = false;
};

// Which reports a staff member reaches: the one rule that the queue, a report's page, the
// workflow, the inbox, the dashboard and the search for similar reports all ask.
//   coordinator, supervisor  every report
//   agency admin             the reports forwarded to their agency or its units
//   agency officer           the same in figures and among similar reports; to read or act
//                            on a report, only those assigned to them
//   system admin             none (they run the system, not the complaints)
struct ReportScope {
  bool none = false;
  // The agencies whose reports count; nullopt: every report, forwarded or not.
  std::optional<std::vector<int64_t>> agencies;
  // Reading and acting: only the reports assigned to this user.
  std::optional<int64_t> assigned_to;
};
ReportScope report_scope(const Principal& p);

// Whether `p` may read the report at all (report_scope, applied to one report).
bool can_read_report(const Principal& p, const ReportRecord& r);

// Whether `p` sees the reporter's identity. Anonymous reports hide it from agency roles.
bool can_see_reporter(const Principal& p, const ReportRecord& r);

}  // namespace aduan

// Who is asking: a logged-in staff member, with what they may reach.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report_repository.h"
#include "workflow.h"

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
  // Logged in with a temporary password: the session may only change it (router.cpp).
  bool must_change_password = false;
};

// Whether `p` may read the report at all. Coordinators and supervisors read every report;
// an agency admin the reports forwarded to their agency or its units; an officer the reports
// assigned to them; a system admin none (they run the system, not the complaints).
bool can_read_report(const Principal& p, const ReportRecord& r);

// Whether `p` sees the reporter's identity. Anonymous reports hide it from agency roles.
bool can_see_reporter(const Principal& p, const ReportRecord& r);

}  // namespace aduan

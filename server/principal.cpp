#include "principal.h"

#include <algorithm>

namespace aduan {

bool can_read_report(const Principal& p, const ReportRecord& r) {
  switch (p.role) {
    case Role::kCoordinator:
    case Role::kSupervisor:
      return true;
    case Role::kAgencyAdmin:
      return r.agency_id && std::find(p.agency_scope.begin(), p.agency_scope.end(), *r.agency_id) !=
                                p.agency_scope.end();
    case Role::kAgencyOfficer:
      return r.assigned_user_id == p.user_id;
    default:
      return false;
  }
}

bool can_see_reporter(const Principal& p, const ReportRecord& r) {
  if (!r.anonymous) return true;
  return p.role == Role::kCoordinator || p.role == Role::kSupervisor;
}

}  // namespace aduan

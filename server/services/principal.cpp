#include "services/principal.h"

#include <algorithm>

namespace aduan {

ReportScope report_scope(const Principal& p) {
  ReportScope s;
  switch (p.role) {
    case Role::kCoordinator:
    case Role::kSupervisor:
      break;
    case Role::kAgencyAdmin:
      s.agencies = p.agency_scope;
      break;
    case Role::kAgencyOfficer:
      s.agencies = p.agency_scope;
      s.assigned_to = p.user_id;
      break;
    default:
      s.none = true;
      s.agencies = std::vector<int64_t>{};
      break;
  }
  return s;
}

bool can_read_report(const Principal& p, const ReportRecord& r) {
  const ReportScope s = report_scope(p);
  if (s.none) return false;
  if (s.assigned_to) return r.assigned_user_id == s.assigned_to;
  if (s.agencies) {
    return r.agency_id &&
           std::find(s.agencies->begin(), s.agencies->end(), *r.agency_id) != s.agencies->end();
  }
  return true;
}

bool can_see_reporter(const Principal& p, const ReportRecord& r) {
  if (!r.anonymous) return true;
  return p.role == Role::kCoordinator || p.role == Role::kSupervisor;
}

}  // namespace aduan

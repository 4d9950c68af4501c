#include "services/caller.h"

#include <algorithm>

namespace aduan {

ReportScope report_scope(const Caller& p) {
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

bool can_read_report(const Caller& p, const ReportRecord& r) {
  const ReportScope s = report_scope(p);
  if (s.none) return false;
  if (s.assigned_to) return r.assigned_user_id == s.assigned_to;
  if (s.agencies) {
    return r.agency_id &&
           std::find(s.agencies->begin(), s.agencies->end(), *r.agency_id) != s.agencies->end();
  }
  return true;
}

bool in_agency_scope(const Caller& c, std::optional<int64_t> agency_id) {
  if (c.role != Role::kAgencyAdmin && c.role != Role::kAgencyOfficer) return true;
  return agency_id && std::find(c.agency_scope.begin(), c.agency_scope.end(), *agency_id) !=
                          c.agency_scope.end();
}

bool can_act_on_report(const Caller& c, const ReportRecord& r) {
  if (!in_agency_scope(c, r.agency_id)) return false;
  return c.role != Role::kAgencyOfficer || r.assigned_user_id == c.user_id;
}

bool can_see_reporter(const Caller& p, const ReportRecord& r) {
  if (!r.anonymous) return true;
  return p.role == Role::kCoordinator || p.role == Role::kSupervisor;
}

}  // namespace aduan

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

namespace {

// Whether the scope's agencies (nullopt: every report) hold `agency_id`.
bool reaches_agency(const ReportScope& s, std::optional<int64_t> agency_id) {
  if (!s.agencies) return true;
  return agency_id &&
         std::find(s.agencies->begin(), s.agencies->end(), *agency_id) != s.agencies->end();
}

bool agency_role(Role r) { return r == Role::kAgencyAdmin || r == Role::kAgencyOfficer; }

}  // namespace

bool can_read_report(const Caller& p, const ReportRecord& r) {
  const ReportScope s = report_scope(p);
  if (s.none) return false;
  if (s.assigned_to) return r.assigned_user_id == s.assigned_to;
  return reaches_agency(s, r.agency_id);
}

bool in_agency_scope(const Caller& c, std::optional<int64_t> agency_id) {
  return !agency_role(c.role) || reaches_agency(report_scope(c), agency_id);
}

bool can_act_on_report(const Caller& c, const ReportRecord& r) {
  if (!agency_role(c.role)) return true;
  const ReportScope s = report_scope(c);
  return reaches_agency(s, r.agency_id) && (!s.assigned_to || r.assigned_user_id == s.assigned_to);
}

bool can_see_reporter(const Caller& p, const ReportRecord& r) {
  if (!r.anonymous) return true;
  return p.role == Role::kCoordinator || p.role == Role::kSupervisor;
}

}  // namespace aduan

// The one rule of which reports a staff member reaches (services/caller.h), for each role.
#include <gtest/gtest.h>

#include "services/caller.h"

namespace aduan {
namespace {

Caller staff(Role role, std::optional<int64_t> agency = std::nullopt,
             std::vector<int64_t> scope = {}) {
  Caller p;
  p.user_id = 7;
  p.role = role;
  p.agency_id = agency;
  p.agency_scope = std::move(scope);
  return p;
}

ReportRecord report(std::optional<int64_t> agency, std::optional<int64_t> assigned) {
  ReportRecord r;
  r.agency_id = agency;
  r.assigned_user_id = assigned;
  return r;
}

TEST(ReportScope, EachRoleReachesItsPart) {
  const ReportRecord unforwarded = report(std::nullopt, std::nullopt);
  const ReportRecord at_unit = report(12, std::nullopt);  // a unit of agency 10
  const ReportRecord elsewhere = report(20, std::nullopt);
  const ReportRecord assigned = report(12, 7);

  for (Role r : {Role::kCoordinator, Role::kSupervisor}) {
    const Caller p = staff(r);
    EXPECT_FALSE(report_scope(p).agencies) << to_string(r);
    for (const ReportRecord* rec : {&unforwarded, &at_unit, &elsewhere, &assigned})
      EXPECT_TRUE(can_read_report(p, *rec)) << to_string(r);
  }

  const Caller admin = staff(Role::kAgencyAdmin, 10, {10, 12});
  EXPECT_EQ(report_scope(admin).agencies, (std::vector<int64_t>{10, 12}));
  EXPECT_FALSE(report_scope(admin).assigned_to);
  EXPECT_FALSE(can_read_report(admin, unforwarded));
  EXPECT_TRUE(can_read_report(admin, at_unit));
  EXPECT_FALSE(can_read_report(admin, elsewhere));

  // An officer counts the agency's reports in figures, but reads only those assigned.
  const Caller officer = staff(Role::kAgencyOfficer, 10, {10, 12});
  EXPECT_EQ(report_scope(officer).agencies, (std::vector<int64_t>{10, 12}));
  EXPECT_EQ(report_scope(officer).assigned_to, 7);
  EXPECT_FALSE(can_read_report(officer, at_unit));
  EXPECT_TRUE(can_read_report(officer, assigned));

  const Caller sysadmin = staff(Role::kSystemAdmin);
  EXPECT_TRUE(report_scope(sysadmin).none);
  EXPECT_EQ(report_scope(sysadmin).agencies, std::vector<int64_t>{});
  for (const ReportRecord* rec : {&unforwarded, &at_unit, &elsewhere, &assigned})
    EXPECT_FALSE(can_read_report(sysadmin, *rec));
}

// Acting goes by the same hierarchy; the citizen, the deadline job and an agency's own
// system are callers of the same type.
TEST(ReportScope, WhoMayActOnAReport) {
  const ReportRecord unforwarded = report(std::nullopt, std::nullopt);
  const ReportRecord at_unit = report(12, std::nullopt);
  const ReportRecord elsewhere = report(20, std::nullopt);
  const ReportRecord assigned = report(12, 7);
  const ReportRecord assigned_elsewhere = report(20, 7);

  for (const ReportRecord* rec : {&unforwarded, &at_unit, &elsewhere}) {
    EXPECT_TRUE(can_act_on_report(staff(Role::kCoordinator), *rec));
    EXPECT_TRUE(can_act_on_report(Caller::citizen(), *rec));
    EXPECT_TRUE(can_act_on_report(Caller::system("aduan"), *rec));
  }
  const Caller admin = staff(Role::kAgencyAdmin, 10, {10, 12});
  EXPECT_TRUE(can_act_on_report(admin, at_unit));
  EXPECT_FALSE(can_act_on_report(admin, elsewhere));
  EXPECT_FALSE(can_act_on_report(admin, unforwarded));

  const Caller officer = staff(Role::kAgencyOfficer, 10, {10, 12});
  EXPECT_TRUE(can_act_on_report(officer, assigned));
  EXPECT_FALSE(can_act_on_report(officer, at_unit));
  EXPECT_FALSE(can_act_on_report(officer, assigned_elsewhere));

  const Caller remote = Caller::agency_system(20, "Dinas X (Open311)");
  EXPECT_EQ(remote.role, Role::kAgencyAdmin);
  EXPECT_FALSE(remote.user_id);
  EXPECT_TRUE(can_act_on_report(remote, elsewhere));
  EXPECT_FALSE(can_act_on_report(remote, at_unit));
  EXPECT_TRUE(in_agency_scope(remote, 20));
  EXPECT_FALSE(in_agency_scope(remote, 12));
  EXPECT_THROW(remote.account(), std::bad_optional_access);
  EXPECT_EQ(staff(Role::kCoordinator).account(), 7);
}

}  // namespace
}  // namespace aduan

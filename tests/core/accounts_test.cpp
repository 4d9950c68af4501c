// The administration's rules in the core: which roles need an agency, cycles in the agency
// tree, and the guards on disabling an account.
#include "shared/accounts.h"

#include <gtest/gtest.h>

namespace aduan {
namespace {

TEST(Accounts, AgencyRolesNeedAnAgencyAndOthersRefuseOne) {
  AccountInput in{" Ani.PUPR ", "Ani", "agency_admin", "", "", ""};
  EXPECT_EQ(validate_account(&in, false),
            (std::vector<FieldError>{{"agency", FieldCode::kRequired}}));
  EXPECT_EQ(in.username, "ani.pupr");
  in.role = "supervisor";
  in.agency = "DPUPR";
  EXPECT_EQ(validate_account(&in, true),
            (std::vector<FieldError>{{"agency", FieldCode::kNotAllowed}}));
  in.role = "system";
  EXPECT_EQ(validate_account(&in, true),
            (std::vector<FieldError>{{"role", FieldCode::kUnknownRole}}));
}

TEST(Accounts, AnAgencyCannotGoUnderItselfOrItsUnits) {
  // 1 <- 2 <- 3 (3's parent is 2, 2's parent is 1).
  const std::vector<std::pair<int64_t, int64_t>> parents = {{2, 1}, {3, 2}};
  EXPECT_TRUE(makes_cycle(1, 3, parents));
  EXPECT_TRUE(makes_cycle(1, 1, parents));
  EXPECT_FALSE(makes_cycle(3, 1, parents));
  // A cycle already in the store does not hang the walk.
  EXPECT_TRUE(makes_cycle(9, 4, {{4, 5}, {5, 4}}));
}

TEST(Accounts, TheLastSystemAdminAndOneselfStay) {
  EXPECT_EQ(may_disable(1, 1, Role::kSystemAdmin, 3), AccountGuard::kSelf);
  EXPECT_EQ(may_disable(1, 2, Role::kSystemAdmin, 1), AccountGuard::kLastAdmin);
  EXPECT_EQ(may_disable(1, 2, Role::kSystemAdmin, 2), AccountGuard::kAllowed);
  EXPECT_EQ(may_disable(1, 2, Role::kAgencyOfficer, 1), AccountGuard::kAllowed);
}

TEST(Accounts, PasswordsAreLongAndNotTheUsername) {
  EXPECT_EQ(validate_password("pendek", "ani"),
            (std::vector<FieldError>{{"password", FieldCode::kTooShort}}));
  EXPECT_EQ(validate_password("Ani.Pupr.2026", "ani.pupr.2026"),
            (std::vector<FieldError>{{"password", FieldCode::kInvalidFormat}}));
  EXPECT_TRUE(validate_password("jembatan-rusak-2026", "ani").empty());
}

}  // namespace
}  // namespace aduan

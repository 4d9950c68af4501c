#include "shared/workflow.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace aduan {
namespace {

constexpr Role kRoles[] = {Role::kCitizen,       Role::kCoordinator, Role::kAgencyAdmin,
                           Role::kAgencyOfficer, Role::kSupervisor,  Role::kSystemAdmin,
                           Role::kSystem};

// The expected table, written out independently of shared/workflow.cpp: every allowed
// (from, action, role) with its target. Anything not listed must be refused.
struct Row {
  const char* from;
  const char* action;
  const char* role;
  const char* to;
};
constexpr Row kExpected[] = {
    {"", "submit", "citizen", "submitted"},
    {"submitted", "forward", "coordinator", "forwarded"},
    {"submitted", "postpone", "coordinator", "postponed"},
    {"submitted", "archive", "coordinator", "archived"},
    {"submitted", "reply", "citizen", "submitted"},
    {"postponed", "answer", "citizen", "submitted"},
    {"postponed", "archive", "coordinator", "archived"},
    {"forwarded", "assign", "agency_admin", "forwarded"},
    {"forwarded", "respond", "agency_admin", "in_progress"},
    {"forwarded", "respond", "agency_officer", "in_progress"},
    {"forwarded", "return", "agency_admin", "submitted"},
    {"forwarded", "reply", "citizen", "forwarded"},
    {"forwarded", "escalate", "system", "escalated"},
    {"forwarded", "escalate", "supervisor", "escalated"},
    {"in_progress", "assign", "agency_admin", "in_progress"},
    {"in_progress", "update", "agency_admin", "in_progress"},
    {"in_progress", "update", "agency_officer", "in_progress"},
    {"in_progress", "resolve", "agency_admin", "resolved"},
    {"in_progress", "return", "agency_admin", "submitted"},
    {"in_progress", "reply", "citizen", "in_progress"},
    {"in_progress", "escalate", "system", "escalated"},
    {"in_progress", "escalate", "supervisor", "escalated"},
    {"resolved", "confirm", "citizen", "closed"},
    {"resolved", "reopen", "citizen", "in_progress"},
    {"resolved", "reply", "citizen", "resolved"},
    {"resolved", "auto_close", "system", "closed"},
    {"escalated", "update", "agency_admin", "escalated"},
    {"escalated", "update", "agency_officer", "escalated"},
    {"escalated", "update", "supervisor", "escalated"},
    {"escalated", "resolve", "agency_admin", "resolved"},
    {"escalated", "resolve", "supervisor", "resolved"},
    {"escalated", "reply", "citizen", "escalated"},
    {"closed", "rate", "citizen", "closed"},
};

TEST(Workflow, EveryStatusActionRoleIsAsExpected) {
  std::set<std::tuple<std::string, std::string, std::string>> expected;
  for (const Row& r : kExpected) expected.insert({r.from, r.action, r.role});
  // Internal comments: every staff role but the system admin, on every status but the final.
  for (int s = 0; s < kStatusCount; ++s) {
    const Status status = static_cast<Status>(s);
    if (is_final(status)) continue;
    for (const char* role : {"coordinator", "agency_admin", "agency_officer", "supervisor"}) {
      expected.insert({std::string(to_string(status)), "comment", role});
    }
  }
  int allowed = 0;
  for (int s = -1; s < kStatusCount; ++s) {
    const std::optional<Status> from =
        s < 0 ? std::nullopt : std::optional<Status>(static_cast<Status>(s));
    const std::string from_name = from ? std::string(to_string(*from)) : "";
    for (int a = 0; a < kActionCount; ++a) {
      const Action action = static_cast<Action>(a);
      for (Role role : kRoles) {
        const auto t = find_transition(from, action, role);
        const bool want = expected.count(
            {from_name, std::string(to_string(action)), std::string(to_string(role))});
        EXPECT_EQ(t.has_value(), want)
            << from_name << " " << to_string(action) << " " << to_string(role);
        if (t) ++allowed;
      }
    }
  }
  EXPECT_EQ(allowed, static_cast<int>(expected.size()));
  for (const Row& r : kExpected) {
    const auto t = find_transition(r.from[0] ? parse_status(r.from) : std::nullopt,
                                   *parse_action(r.action), *parse_role(r.role));
    ASSERT_TRUE(t);
    EXPECT_EQ(to_string(t->to), r.to) << r.from << " " << r.action;
  }
}

TEST(Workflow, ClockFollowsTheStage) {
  auto t = find_transition(Status::kSubmitted, Action::kForward, Role::kCoordinator);
  EXPECT_EQ(t->clock, ClockEffect::kStart);
  EXPECT_EQ(t->stage, Stage::kFirstResponse);
  t = find_transition(Status::kSubmitted, Action::kPostpone, Role::kCoordinator);
  EXPECT_EQ(t->clock, ClockEffect::kPause);
  t = find_transition(Status::kPostponed, Action::kAnswer, Role::kCitizen);
  EXPECT_EQ(t->stage, Stage::kVerification);
  t = find_transition(Status::kForwarded, Action::kRespond, Role::kAgencyOfficer);
  EXPECT_EQ(t->stage, Stage::kResolution);
  t = find_transition(Status::kInProgress, Action::kResolve, Role::kAgencyAdmin);
  EXPECT_EQ(t->stage, Stage::kCitizenConfirmation);
  t = find_transition(Status::kResolved, Action::kAutoClose, Role::kSystem);
  EXPECT_EQ(t->clock, ClockEffect::kStop);
  // A returned report goes back to the coordinator with a fresh verification clock.
  t = find_transition(Status::kInProgress, Action::kReturn, Role::kAgencyAdmin);
  EXPECT_EQ(t->to, Status::kSubmitted);
  EXPECT_EQ(t->stage, Stage::kVerification);
  for (const Transition& row : workflow_table()) {
    if (row.clock == ClockEffect::kStart) {
      EXPECT_NE(row.stage, Stage::kNone) << to_string(row.action);
    }
    if (row.from && row.to == *row.from) {
      EXPECT_EQ(row.clock, ClockEffect::kKeep) << to_string(row.action);
    }
    if (is_final(row.to) && row.to != row.from) {
      EXPECT_EQ(row.clock, ClockEffect::kStop) << to_string(row.action);
    }
  }
}

TEST(Workflow, FinalStatusesAllowNothingButRating) {
  for (Role role : kRoles) {
    EXPECT_TRUE(allowed_actions(Status::kArchived, role).empty());
    const auto closed = allowed_actions(Status::kClosed, role);
    if (role == Role::kCitizen) {
      EXPECT_EQ(closed, std::vector<Action>{Action::kRate});
    } else {
      EXPECT_TRUE(closed.empty());
    }
  }
  EXPECT_TRUE(allowed_actions(Status::kForwarded, Role::kSystemAdmin).empty());
}

TEST(Workflow, GroupsAndNames) {
  EXPECT_TRUE(is_open(Status::kSubmitted));
  EXPECT_TRUE(is_open(Status::kEscalated));
  EXPECT_TRUE(is_final(Status::kClosed));
  EXPECT_TRUE(is_final(Status::kArchived));
  EXPECT_EQ(status_group(Status::kPostponed), StatusGroup::kWaiting);
  for (int s = 0; s < kStatusCount; ++s) {
    EXPECT_EQ(parse_status(to_string(static_cast<Status>(s))), static_cast<Status>(s));
  }
  for (int a = 0; a < kActionCount; ++a) {
    EXPECT_EQ(parse_action(to_string(static_cast<Action>(a))), static_cast<Action>(a));
  }
  for (Role r : kRoles) EXPECT_EQ(parse_role(to_string(r)), r);
  EXPECT_EQ(to_string(Status::kInProgress), "in_progress");
  EXPECT_FALSE(parse_status("In Progress"));
}

}  // namespace
}  // namespace aduan

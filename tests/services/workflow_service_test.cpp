// A report's life through the use cases alone, without HTTP: submission, each step of the
// workflow by the role that may take it, the refusals on the way, the deadline job that
// escalates what an agency left undone, and the dashboard that counts it all.
#include "services/workflow_service.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "services/caller.h"
#include "services/dashboard_service.h"
#include "services/deadline_job.h"
#include "services/report_service.h"
#include "shared/tracking_id.h"
#include "store/catalog_repository.h"
#include "store/db_engine.h"
#include "store/report_repository.h"
#include "store/tallies.h"
#include "store/user_repository.h"
#include "support/service_store.h"

namespace aduan {
namespace {

class ReportLife : public ::testing::Test {
 protected:
  void SetUp() override {
    s_.store().write([&](Db& db) {
      tallies::prepare(db, settings_.utc_offset_minutes);
      agency_ = CatalogRepository::upsert_agency(db, "DPUPR", "Dinas PUPR", std::nullopt);
      other_ = CatalogRepository::upsert_agency(db, "PDAM", "PDAM Intan Banjar", std::nullopt);
      CatalogRepository::upsert_category(db, "jalan-jembatan", "Jalan dan jembatan",
                                         "Roads and bridges", agency_);
      User officer;
      officer.username = "petugas.dpupr";
      officer.display_name = "Petugas DPUPR";
      officer.role = Role::kAgencyOfficer;
      officer.agency_id = agency_;
      officer.password_hash = "-";
      officer_id_ = UserRepository::insert(db, officer, ServiceStore::kNow);
    });
  }

  ReportInput report() const {
    ReportInput r;
    r.classification = "complaint";
    r.title = "Jalan berlubang di depan pasar";
    r.body = "Ada lubang besar di tengah jalan sejak dua minggu lalu, sudah ada yang jatuh.";
    r.incident_date = "2026-12-01";
    r.location.text = "Jl. A. Yani km 39, Martapura";
    r.location.region_code = "63.03";
    r.category = "jalan-jembatan";
    r.agency = "DPUPR";
    r.reporter.phone = "081234567890";
    r.confidential = false;
    return r;
  }

  ReportRecord load(const std::string& tracking_id) {
    std::optional<ReportRecord> r;
    s_.store().read([&](Db& db) {
      r = ReportRepository::find_by_tracking_id(db, parse_tracking_id(tracking_id).canonical);
    });
    EXPECT_TRUE(r);
    return r.value_or(ReportRecord{});
  }

  static Caller staff(Role role, int64_t id, std::string name, std::vector<int64_t> scope = {}) {
    Caller c;
    c.role = role;
    c.user_id = id;
    c.name = std::move(name);
    c.agency_scope = std::move(scope);
    return c;
  }
  Caller coordinator() const { return staff(Role::kCoordinator, 1, "Koordinator"); }
  Caller agency_admin(int64_t agency) const {
    return staff(Role::kAgencyAdmin, 2, "Admin", {agency});
  }
  Caller citizen() const { return Caller::citizen(); }

  ServiceStore s_;
  ServiceSettings settings_;
  int64_t agency_ = 0, other_ = 0, officer_id_ = 0;
};

constexpr const char* kAnswer = "Tim kami akan memeriksa lokasi ini besok pagi.";

ActionInput with_note(const std::string& note) {
  ActionInput in;
  in.note = note;
  return in;
}

TEST_F(ReportLife, FromSubmissionToTheCitizensRatingWithTheRefusalsOnTheWay) {
  ReportService reports(s_.store(), s_.clock(), settings_, system_random);
  WorkflowService workflow(s_.store(), s_.clock(), settings_);

  const SubmitOutcome filed = reports.submit(report());
  ASSERT_TRUE(filed.errors.empty());
  EXPECT_EQ(filed.status, Status::kSubmitted);
  EXPECT_EQ(filed.deadline.stage, Stage::kVerification);
  EXPECT_EQ(filed.pin.size(), 8u);
  ReportRecord r = load(filed.tracking_id);

  // An agency cannot answer what the coordinator has not forwarded.
  EXPECT_EQ(
      workflow.act(r.id, agency_admin(agency_), Action::kRespond, with_note(kAnswer), std::nullopt)
          .result,
      ActOutcome::Result::kNotAllowed);
  ActionInput forward;
  forward.agency = "DPUPR";
  ActOutcome out = workflow.act(r.id, coordinator(), Action::kForward, forward, r.version);
  ASSERT_EQ(out.result, ActOutcome::Result::kOk);
  EXPECT_EQ(out.report.status, Status::kForwarded);
  EXPECT_EQ(out.report.agency_id, agency_);
  // A page that still shows the old version acts on nothing.
  EXPECT_EQ(
      workflow
          .act(r.id, coordinator(), Action::kComment, with_note("Mohon dicek segera."), r.version)
          .result,
      ActOutcome::Result::kStaleVersion);
  // Another agency does not see it; a citizen may not forward.
  EXPECT_EQ(
      workflow.act(r.id, agency_admin(other_), Action::kRespond, with_note(kAnswer), std::nullopt)
          .result,
      ActOutcome::Result::kNotFound);
  EXPECT_EQ(workflow.act(r.id, citizen(), Action::kForward, forward, std::nullopt).result,
            ActOutcome::Result::kNotAllowed);

  ActionInput assign;
  assign.officer = "petugas.dpupr";
  out = workflow.act(r.id, agency_admin(agency_), Action::kAssign, assign, std::nullopt);
  ASSERT_EQ(out.result, ActOutcome::Result::kOk);
  EXPECT_EQ(out.report.assigned_user_id, officer_id_);
  assign.officer = "nobody";
  out = workflow.act(r.id, agency_admin(agency_), Action::kAssign, assign, std::nullopt);
  EXPECT_EQ(out.result, ActOutcome::Result::kInvalid);

  out = workflow.act(r.id, agency_admin(agency_), Action::kRespond,
                     with_note("Tim sudah dijadwalkan menambal lubang minggu ini."), std::nullopt);
  ASSERT_EQ(out.result, ActOutcome::Result::kOk);
  EXPECT_EQ(out.report.status, Status::kInProgress);
  EXPECT_EQ(out.report.clock.deadline.stage, Stage::kResolution);
  out = workflow.act(r.id, agency_admin(agency_), Action::kResolve,
                     with_note("Lubang sudah ditambal pada 3 Desember."), std::nullopt);
  ASSERT_EQ(out.result, ActOutcome::Result::kOk);
  EXPECT_EQ(out.report.status, Status::kResolved);

  ActionInput confirm;
  confirm.rating = 5;
  out = workflow.act(r.id, citizen(), Action::kConfirm, confirm, std::nullopt);
  ASSERT_EQ(out.result, ActOutcome::Result::kOk);
  EXPECT_EQ(out.report.status, Status::kClosed);
  EXPECT_EQ(out.report.rating, 5);
  EXPECT_EQ(workflow.act(r.id, citizen(), Action::kConfirm, confirm, std::nullopt).result,
            ActOutcome::Result::kNotAllowed);

  // The dashboard counts what happened: one report, closed, rated 5.
  DashboardService dashboard(s_.store(), s_.clock(), settings_);
  Caller coord;
  coord.role = Role::kCoordinator;
  const Date today = dashboard.today();
  const Dashboard d = dashboard.build(coord, {Date{today.days - 30}, today, "", ""});
  EXPECT_EQ(d.total, 1);
  EXPECT_EQ(d.by_status.at("closed"), 1);
  EXPECT_EQ(d.ratings, 1);
  EXPECT_DOUBLE_EQ(d.rating_average, 5.0);
  EXPECT_EQ(d.open_now, 0);
}

TEST_F(ReportLife, TheDeadlineJobEscalatesWhatTheAgencyLeftUndone) {
  ReportService reports(s_.store(), s_.clock(), settings_, system_random);
  WorkflowService workflow(s_.store(), s_.clock(), settings_);
  const SubmitOutcome filed = reports.submit(report());
  ASSERT_TRUE(filed.errors.empty());
  const ReportRecord r = load(filed.tracking_id);
  ActionInput forward;
  forward.agency = "DPUPR";
  ASSERT_EQ(workflow.act(r.id, coordinator(), Action::kForward, forward, std::nullopt).result,
            ActOutcome::Result::kOk);

  DeadlineJob job(s_.store(), s_.clock(), settings_, workflow, nullptr);
  EXPECT_EQ(job.run_once().escalated, 0);  // nothing is late yet
  s_.clock().advance(120 * 86400);         // past every working-day deadline
  EXPECT_EQ(job.run_once().escalated, 1);
  EXPECT_EQ(load(filed.tracking_id).status, Status::kEscalated);
  EXPECT_EQ(job.run_once().escalated, 0);  // once
}

}  // namespace
}  // namespace aduan

// A report's life through the use cases alone, without HTTP: submission, each step of the
// workflow by the role that may take it, the refusals on the way, the deadline job that
// escalates what an agency left undone and closes what the citizen did not confirm, the
// dashboard that counts it all; then each action of the workflow on its own.
#include "services/workflow_service.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "services/caller.h"
#include "services/dashboard_service.h"
#include "services/deadline_job.h"
#include "services/report_service.h"
#include "shared/tracking_id.h"
#include "store/catalog_repository.h"
#include "store/report_repository.h"
#include "store/sqlite_db.h"
#include "store/tallies.h"
#include "store/user_repository.h"
#include "support/service_store.h"

namespace aduan {
namespace {

ActionInput with_note(const std::string& note) {
  ActionInput in;
  in.note = note;
  return in;
}

constexpr int64_t kDay = 86400;

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
  Caller supervisor() const { return staff(Role::kSupervisor, 3, "Pengawas"); }

  // A new report, taken to `status` by the actions that lead there.
  ReportRecord report_in(Status status) {
    const SubmitOutcome filed = reports_.submit(report());
    EXPECT_TRUE(filed.errors.empty());
    ReportRecord r = load(filed.tracking_id);
    auto step = [&](const Caller& c, Action a, ActionInput input) {
      const ActOutcome out = workflow_.act(r.id, c, a, input, std::nullopt);
      EXPECT_EQ(out.result, ActOutcome::Result::kOk) << to_string(a);
      r = out.report;
    };
    if (status == Status::kPostponed) {
      step(coordinator(), Action::kPostpone,
           with_note("Mohon sebutkan patokan lokasi yang jelas."));
    }
    if (status == Status::kSubmitted || status == Status::kPostponed) return r;
    ActionInput forward;
    forward.agency = "DPUPR";
    step(coordinator(), Action::kForward, forward);
    if (status == Status::kForwarded) return r;
    step(agency_admin(agency_), Action::kRespond,
         with_note("Tim sudah dijadwalkan menambal minggu ini."));
    if (status == Status::kInProgress) return r;
    step(agency_admin(agency_), Action::kResolve,
         with_note("Lubang sudah ditambal dan diaspal pada 3 Desember."));
    if (status == Status::kResolved) return r;
    step(Caller::citizen(), Action::kConfirm, ActionInput{});
    EXPECT_EQ(status, Status::kClosed);
    return r;
  }

  // The report as stored after `action`, and its newest history entry.
  std::pair<ReportRecord, EventRecord> act(const ReportRecord& r, const Caller& c, Action action,
                                           const ActionInput& in) {
    const ActOutcome out = workflow_.act(r.id, c, action, in, r.version);
    EXPECT_EQ(out.result, ActOutcome::Result::kOk) << to_string(action);
    std::vector<EventRecord> events;
    s_.store().read([&](Db& db) { events = ReportRepository::events(db, r.id, true); });
    EXPECT_FALSE(events.empty());
    const ReportRecord stored = load(r.tracking_id);
    EXPECT_EQ(stored.version, out.report.version);
    return {stored, events.empty() ? EventRecord{} : events.back()};
  }

  ServiceStore s_;
  ServiceSettings settings_;
  ReportService reports_{s_.store(), s_.clock(), settings_, system_random};
  WorkflowService workflow_{s_.store(), s_.clock(), settings_};
  int64_t agency_ = 0, other_ = 0, officer_id_ = 0;
};

constexpr const char* kAnswer = "Tim kami akan memeriksa lokasi ini besok pagi.";

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
  s_.clock().advance(120 * kDay);          // past every working-day deadline
  EXPECT_EQ(job.run_once().escalated, 1);
  EXPECT_EQ(load(filed.tracking_id).status, Status::kEscalated);
  EXPECT_EQ(job.run_once().escalated, 0);  // once
}

// Each action alone, from a new report taken to the status it acts in: what the report
// holds afterwards as the store reads it back, and the history entry written, with who may
// read it. What each action does as a pure function is in the core's vectors
// (tests/vectors/core.json, "effects").

TEST_F(ReportLife, PostponeStopsTheClockAndTheAnswerResumesIt) {
  const ReportRecord r = report_in(Status::kSubmitted);
  auto [postponed, asked] = act(r, coordinator(), Action::kPostpone,
                                with_note("Mohon sebutkan patokan lokasi yang jelas."));
  EXPECT_EQ(postponed.status, Status::kPostponed);
  EXPECT_TRUE(postponed.clock.paused_days_left);
  EXPECT_EQ(postponed.clock.deadline.stage, Stage::kNone);
  EXPECT_EQ(asked.action, Action::kPostpone);
  EXPECT_EQ(asked.actor_name, "Koordinator");
  EXPECT_EQ(asked.visibility, Visibility::kReporter);  // the question is for the citizen

  s_.clock().advance(2 * kDay);
  auto [answered, answer] = act(postponed, Caller::citizen(), Action::kAnswer,
                                with_note("Depan pasar Martapura, dekat ATM."));
  EXPECT_EQ(answered.status, Status::kSubmitted);
  EXPECT_FALSE(answered.clock.paused_days_left);
  EXPECT_EQ(answered.clock.deadline.stage, Stage::kVerification);
  EXPECT_EQ(answer.actor_role, Role::kCitizen);
  EXPECT_FALSE(answer.actor_id);
}

TEST_F(ReportLife, ArchiveKeepsTheReasonAndADuplicateFollowsItsOriginal) {
  const ReportRecord original = report_in(Status::kForwarded);
  const ReportRecord r = report_in(Status::kSubmitted);
  ActionInput in;
  in.archive_reason = "duplicate";
  in.duplicate_of = original.tracking_id;
  in.note = "Sama dengan laporan sebelumnya.";
  auto [archived, entry] = act(r, coordinator(), Action::kArchive, in);
  EXPECT_EQ(archived.status, Status::kArchived);
  EXPECT_EQ(archived.archive_reason, "duplicate");
  EXPECT_EQ(archived.duplicate_of, original.tracking_id);
  EXPECT_EQ(archived.clock.deadline.stage, Stage::kNone);
  EXPECT_EQ(entry.action, Action::kArchive);

  // A duplicate of a report that does not exist is a field error, and nothing is written.
  const ReportRecord other = report_in(Status::kSubmitted);
  in.duplicate_of = "LAP-0000-0000";
  const ActOutcome refused = workflow_.act(other.id, coordinator(), Action::kArchive, in, {});
  EXPECT_EQ(refused.result, ActOutcome::Result::kInvalid);
  EXPECT_EQ(load(other.tracking_id).status, Status::kSubmitted);
  EXPECT_EQ(load(other.tracking_id).version, other.version);
}

TEST_F(ReportLife, ReturnGivesTheReportBackToTheCoordinator) {
  const ReportRecord r = report_in(Status::kForwarded);
  auto [returned, entry] = act(r, agency_admin(agency_), Action::kReturn,
                               with_note("Bukan kewenangan kami; jalan nasional dikelola BBPJN."));
  EXPECT_EQ(returned.status, Status::kSubmitted);
  EXPECT_FALSE(returned.agency_id);
  EXPECT_FALSE(returned.clock.escalation_due);
  EXPECT_EQ(returned.clock.deadline.stage, Stage::kVerification);
  EXPECT_EQ(entry.visibility, Visibility::kStaff);  // between the staff
}

TEST_F(ReportLife, AnUpdateKeepsTheStatusAndReachesWhomItsAuthorChose) {
  const ReportRecord r = report_in(Status::kInProgress);
  ActionInput internal = with_note("Menunggu alat berat dari gudang.");
  internal.is_public = false;
  auto [updated, entry] = act(r, agency_admin(agency_), Action::kUpdate, internal);
  EXPECT_EQ(updated.status, Status::kInProgress);
  EXPECT_EQ(updated.clock.deadline.stage, r.clock.deadline.stage);
  EXPECT_EQ(updated.clock.deadline.due.days, r.clock.deadline.due.days);
  EXPECT_EQ(entry.visibility, Visibility::kStaff);

  ActionInput published = with_note("Penambalan dimulai hari ini.");
  published.publish = true;
  auto [again, shown] = act(updated, agency_admin(agency_), Action::kUpdate, published);
  EXPECT_EQ(shown.visibility, Visibility::kPublic);
  EXPECT_EQ(shown.note, "Penambalan dimulai hari ini.");
}

TEST_F(ReportLife, TheCitizenRepliesReopensAndRates) {
  const ReportRecord forwarded = report_in(Status::kForwarded);
  auto [replied, reply] =
      act(forwarded, Caller::citizen(), Action::kReply, with_note("Lubangnya makin besar."));
  EXPECT_EQ(replied.status, Status::kForwarded);
  EXPECT_EQ(reply.actor_role, Role::kCitizen);
  EXPECT_EQ(reply.visibility, Visibility::kReporter);

  const ReportRecord resolved = report_in(Status::kResolved);
  auto [reopened, reason] = act(resolved, Caller::citizen(), Action::kReopen,
                                with_note("Tambalan sudah lepas lagi setelah hujan."));
  EXPECT_EQ(reopened.status, Status::kInProgress);
  EXPECT_EQ(reopened.clock.deadline.stage, Stage::kResolution);
  EXPECT_EQ(reason.action, Action::kReopen);

  const ReportRecord closed = report_in(Status::kClosed);
  EXPECT_FALSE(closed.rating);
  ActionInput rate;
  rate.rating = 4;
  auto [rated, entry] = act(closed, Caller::citizen(), Action::kRate, rate);
  EXPECT_EQ(rated.status, Status::kClosed);
  EXPECT_EQ(rated.rating, 4);
  EXPECT_EQ(entry.action, Action::kRate);
}

TEST_F(ReportLife, AStaffCommentStaysAmongTheStaff) {
  const ReportRecord r = report_in(Status::kSubmitted);
  auto [commented, entry] = act(r, coordinator(), Action::kComment, with_note("Cek foto dulu."));
  EXPECT_EQ(commented.status, Status::kSubmitted);
  EXPECT_EQ(entry.visibility, Visibility::kStaff);
  EXPECT_EQ(entry.actor_id, 1);
}

TEST_F(ReportLife, PrivacyIsTightenedByAnyoneAndLoosenedOnlyByTheReporter) {
  const ReportRecord r = report_in(Status::kForwarded);
  ActionInput hide;
  hide.confidential = true;
  auto [hidden, entry] = act(r, coordinator(), Action::kPrivacy, hide);
  EXPECT_TRUE(hidden.confidential);
  EXPECT_EQ(hidden.status, Status::kForwarded);
  EXPECT_EQ(entry.action, Action::kPrivacy);

  ActionInput show;
  show.confidential = false;
  EXPECT_EQ(workflow_.act(r.id, coordinator(), Action::kPrivacy, show, std::nullopt).result,
            ActOutcome::Result::kInvalid);
  EXPECT_TRUE(load(r.tracking_id).confidential);
  auto [shown, by_reporter] = act(hidden, Caller::citizen(), Action::kPrivacy, show);
  EXPECT_FALSE(shown.confidential);
}

TEST_F(ReportLife, TheSupervisorResolvesWhatWasEscalatedAndTheJobClosesWhatWasNotConfirmed) {
  const ReportRecord r = report_in(Status::kForwarded);
  DeadlineJob job(s_.store(), s_.clock(), settings_, workflow_, nullptr);
  s_.clock().advance(120 * kDay);
  EXPECT_EQ(job.run_once().escalated, 1);
  const ReportRecord escalated = load(r.tracking_id);
  EXPECT_EQ(escalated.status, Status::kEscalated);
  auto [resolved, entry] = act(escalated, supervisor(), Action::kResolve,
                               with_note("Diselesaikan oleh pengawas: jalan sudah ditambal."));
  EXPECT_EQ(resolved.status, Status::kResolved);
  EXPECT_EQ(entry.actor_role, Role::kSupervisor);
  EXPECT_EQ(resolved.clock.deadline.stage, Stage::kCitizenConfirmation);

  // The citizen says nothing: past the confirmation window the job closes it, once.
  s_.clock().advance(30 * kDay);
  EXPECT_EQ(job.run_once().auto_closed, 1);
  const ReportRecord closed = load(r.tracking_id);
  EXPECT_EQ(closed.status, Status::kClosed);
  EXPECT_EQ(job.run_once().auto_closed, 0);
}

// The dashboard counts for each role what that role reaches (services/caller.h): everything
// for a coordinator, the agency and its units for the agency's admin and officer; and it
// names reports in its lists only to those who may open them.
TEST_F(ReportLife, TheDashboardCountsWhatEachRoleReachesAndNamesOnlyWhatTheyMayOpen) {
  ActionInput to_roads;
  to_roads.agency = "DPUPR";
  ActionInput to_water;
  to_water.agency = "PDAM";
  const ReportRecord roads = report_in(Status::kSubmitted);
  const ReportRecord water = report_in(Status::kSubmitted);
  report_in(Status::kSubmitted);  // left with the coordinators
  ASSERT_EQ(workflow_.act(roads.id, coordinator(), Action::kForward, to_roads, {}).result,
            ActOutcome::Result::kOk);
  ASSERT_EQ(workflow_.act(water.id, coordinator(), Action::kForward, to_water, {}).result,
            ActOutcome::Result::kOk);
  s_.clock().advance(30 * kDay);  // every stage past its due day; the job has not run

  ServiceSettings fresh = settings_;
  fresh.monitoring_cache_ms = 0;
  DashboardService dashboard(s_.store(), s_.clock(), fresh);
  const Date today = dashboard.today();
  const DashboardQuery all{Date{today.days - 60}, today, "", ""};

  const Dashboard everything = dashboard.build(coordinator(), all);
  EXPECT_EQ(everything.total, 3);
  EXPECT_EQ(everything.by_agency.at("DPUPR"), 1);
  EXPECT_EQ(everything.by_agency.at("PDAM"), 1);
  EXPECT_EQ(everything.overdue_past_due, 3);
  EXPECT_EQ(everything.overdue.size(), 3u);

  const Dashboard roads_admin = dashboard.build(agency_admin(agency_), all);
  EXPECT_EQ(roads_admin.total, 1);
  EXPECT_FALSE(roads_admin.by_agency.count("PDAM"));
  EXPECT_EQ(roads_admin.overdue_past_due, 1);
  ASSERT_EQ(roads_admin.overdue.size(), 1u);
  EXPECT_EQ(roads_admin.overdue[0].agency, "Dinas PUPR");

  // The officer's figures are the agency's, but nothing assigned to them: no report named.
  Caller officer = staff(Role::kAgencyOfficer, officer_id_, "Petugas DPUPR", {agency_});
  officer.agency_id = agency_;
  const Dashboard officers = dashboard.build(officer, all);
  EXPECT_EQ(officers.total, 1);
  EXPECT_EQ(officers.overdue_past_due, 1);
  EXPECT_TRUE(officers.overdue.empty());
  EXPECT_TRUE(officers.repeated.empty());
}

}  // namespace
}  // namespace aduan

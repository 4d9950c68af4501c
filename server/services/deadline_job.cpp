#include "services/deadline_job.h"

#include <iostream>

#include "notify/notifier.h"
#include "services/upload_service.h"
#include "store/attachment_repository.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/device_link_repository.h"
#include "store/job_repository.h"
#include "store/rate_limiter.h"
#include "store/replay_repository.h"
#include "store/report_repository.h"
#include "store/session_repository.h"

namespace aduan {
namespace {
constexpr int kBatch = 500;
}

DeadlineJob::DeadlineJob(Store& store, const Clock& clock, ServiceSettings settings,
                         WorkflowService& workflow, const Notifier* notifier)
    : store_(store), clock_(clock), settings_(settings), workflow_(workflow), notifier_(notifier) {}

int DeadlineJob::alert_deadlines(Date today, int64_t now) {
  int written = 0;
  store_.write([&](Db& db) {
    Transaction tx(db);
    const WorkingCalendar calendar = CatalogRepository::calendar(db);
    // Amber starts at most a quarter of the longest stage (60 working days, about 21
    // calendar days) before the due date; nothing further out can be amber yet.
    for (int64_t id : ReportRepository::stage_due_by(db, Date{today.days + 31})) {
      const auto r = ReportRepository::find_by_id(db, id);
      // Waiting for the citizen is not late work by staff.
      if (!r || r->status == Status::kResolved) continue;
      const StageDeadline& d = r->clock.deadline;
      const DeadlineColour colour = deadline_colour(calendar, d.started, d.due, today);
      if (colour == DeadlineColour::kGreen) continue;
      if (!JobRepository::first_alert(db, id, d.due, to_string(colour))) continue;  // told already
      written += notifier_->notify(
          db, colour == DeadlineColour::kRed ? "deadline_red" : "deadline_amber", *r, {}, now);
    }
    tx.commit();
  });
  return written;
}

int DeadlineJob::send_digests(Date today, int64_t now) {
  const int64_t local_seconds = now + int64_t{settings_.utc_offset_minutes} * 60;
  const int hour = static_cast<int>((local_seconds % 86400 + 86400) % 86400 / 3600);
  if (hour < notifier_->config().digest_hour) return 0;
  int agencies = 0;
  store_.write([&](Db& db) {
    Transaction tx(db);
    const std::string day = format_iso_date(today);
    if (JobRepository::state(db, "digest_sent_on") == day) return;
    for (const Agency& a : CatalogRepository::active_agencies(db)) {
      if (notifier_->notify_digest(db, a.id, today, now) > 0) ++agencies;
    }
    JobRepository::set_state(db, "digest_sent_on", day);
    tx.commit();
  });
  return agencies;
}

DeadlineJob::~DeadlineJob() { stop(); }

JobRun DeadlineJob::run_once() {
  JobRun run;
  // Once per tick across every server on one database: another server's pass does the same.
  run.ran = store_.exclusively("deadline-job", [&] { run = pass(); });
  // The work is in hand elsewhere: this server's job is not stuck (GET /healthz).
  if (!run.ran) last_success_ = clock_.now_unix();
  return run;
}

JobRun DeadlineJob::run_if_due(int interval_seconds) {
  JobRun run;
  run.ran = false;
  store_.exclusively("deadline-job", [&] {
    std::optional<std::string> last;
    store_.read([&](Db& db) { last = JobRepository::state(db, "last_pass_at"); });
    const int64_t now = clock_.now_unix();
    const int64_t since = last ? now - std::stoll(*last) : interval_seconds;
    // A clock set back (since < 0) must not stop the job for as long.
    if (since >= 0 && since < interval_seconds) return;
    run = pass();
    // Only the ticks' passes count here: `aduan jobs run` by hand does not put off the next.
    store_.write([&](Db& db) {
      Transaction tx(db);
      JobRepository::set_state(db, "last_pass_at", std::to_string(now));
      tx.commit();
    });
  });
  if (!run.ran) last_success_ = clock_.now_unix();  // the work is in hand elsewhere
  return run;
}

JobRun DeadlineJob::pass() {
  JobRun run;
  const int64_t now = clock_.now_unix();
  const Date today = local_date(now, settings_.utc_offset_minutes);
  const Caller system = Caller::system("aduan");
  while (true) {
    std::vector<int64_t> due;
    std::vector<ReportRecord> reports;
    store_.read([&](Db& db) {
      for (int64_t id : ReportRepository::due_for_jobs(db, today, kBatch)) {
        if (auto r = ReportRepository::find_by_id(db, id)) reports.push_back(std::move(*r));
      }
    });
    int acted = 0;
    for (const ReportRecord& r : reports) {
      // The rule itself lives in the core; the query above only narrows the search.
      const auto action = due_action(r.status, r.clock, today);
      if (!action) continue;
      const ActOutcome done = workflow_.act(r.id, system, *action, ActionInput{}, r.version);
      if (done.result != ActOutcome::Result::kOk) continue;  // someone acted first: fine
      ++acted;
      if (*action == Action::kAutoClose) ++run.auto_closed;
      if (*action == Action::kEscalate) ++run.escalated;
    }
    if (reports.size() < static_cast<size_t>(kBatch) || acted == 0) break;
  }
  if (notifier_) {
    run.deadline_alerts = alert_deadlines(today, now);
    run.digests = send_digests(today, now);
  }
  store_.write([&](Db& db) {
    Transaction tx(db);
    RateLimiter::prune(db, now - 24 * 3600);
    ReplayRepository::prune_inbound_nonces(db, now - 24 * 3600);
    SessionRepository::remove_expired(db, now, now - 7 * 24 * 3600);
    DeviceLinkRepository::prune(db, now);  // expired sign-in codes and phones' sessions
    AttachmentRepository::prune(db, now - kUploadLifetimeSeconds);
    ReplayRepository::prune_submission_keys(db, now - kSubmissionKeyLifetimeSeconds);
    tx.commit();
  });
  last_success_ = clock_.now_unix();
  return run;
}

void DeadlineJob::start(int interval_seconds) {
  thread_ = std::thread([this, interval_seconds] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        const JobRun run = run_if_due(interval_seconds);
        // One line per pass made here: with several servers, the passes add up to one per
        // interval between them.
        if (run.ran) {
          std::cerr << R"({"level":"info","event":"deadline_job","auto_closed":)" << run.auto_closed
                    << R"(,"escalated":)" << run.escalated << R"(,"deadline_alerts":)"
                    << run.deadline_alerts << R"(,"digests":)" << run.digests << "}\n";
        }
      } catch (const std::exception& e) {
        // A locked or full store: try again next round.
        std::cerr << R"({"level":"error","event":"deadline_job_failed"})"
                  << "\n";
      }
      lock.lock();
      wake_.wait_for(lock, std::chrono::seconds(interval_seconds), [this] { return stopping_; });
    }
  });
}

void DeadlineJob::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace aduan

#include "deadline_job.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <iostream>

#include "rate_limiter.h"
#include "session_repository.h"

namespace aduan {
namespace {
constexpr int kBatch = 500;
}

DeadlineJob::DeadlineJob(Store& store, const Clock& clock, ServiceSettings settings,
                         WorkflowService& workflow)
    : store_(store), clock_(clock), settings_(settings), workflow_(workflow) {}

DeadlineJob::~DeadlineJob() { stop(); }

JobRun DeadlineJob::run_once() {
  JobRun run;
  const int64_t now = clock_.now_unix();
  const Date today = local_date(now, settings_.utc_offset_minutes);
  const Actor system{Role::kSystem, {}, "aduan", {}};
  while (true) {
    std::vector<int64_t> due;
    std::vector<ReportRecord> reports;
    store_.read([&](SQLite::Database& db) {
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
  store_.write([&](SQLite::Database& db) {
    SQLite::Transaction tx(db);
    RateLimiter::prune(db, now - 24 * 3600);
    SessionRepository::remove_expired(db, now, now - 7 * 24 * 3600);
    tx.commit();
  });
  return run;
}

void DeadlineJob::start(int interval_seconds) {
  thread_ = std::thread([this, interval_seconds] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        const JobRun run = run_once();
        if (run.auto_closed || run.escalated) {
          std::cerr << R"({"level":"info","event":"deadline_job","auto_closed":)" << run.auto_closed
                    << R"(,"escalated":)" << run.escalated << "}\n";
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

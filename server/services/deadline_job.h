// The background job that auto-closes resolved reports the citizen did not answer in time
// and escalates reports an agency held past the escalation date. Every run looks at the
// dates stored on the reports, so it is idempotent and catches up after downtime: a report
// that fell due while the server was down is handled on the first run after it starts.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "base/clock.h"
#include "services/workflow_service.h"
#include "store/store.h"

namespace aduan {

struct JobRun {
  int auto_closed = 0;
  int escalated = 0;
  int deadline_alerts = 0;  // amber and red notices written
  int digests = 0;          // agencies that got their daily digest
  bool ran = true;          // false: another server was making its pass, or made it lately
};

class Notifier;

class DeadlineJob {
 public:
  // `notifier` may be null: no alerts or digests.
  DeadlineJob(Store& store, const Clock& clock, ServiceSettings settings, WorkflowService& workflow,
              const Notifier* notifier = nullptr);
  ~DeadlineJob();

  // One pass over everything that is due, unless another server on the same database is
  // making one now.
  JobRun run_once();
  // A tick of the job in `serve`: one pass, unless any server on the database made one less
  // than `interval_seconds` ago, so that N servers make one pass per interval between them,
  // not N.
  JobRun run_if_due(int interval_seconds);

  // When the last pass finished (Unix seconds); 0 before the first.
  int64_t last_success() const { return last_success_.load(); }

 private:
  JobRun pass();
  // Amber and red notices, once per report, stage deadline and colour.
  int alert_deadlines(Date today, int64_t now);
  // Each agency's digest, once a day after the configured hour.
  int send_digests(Date today, int64_t now);

 public:
  // Runs run_once now and then every `interval_seconds` on a thread of its own.
  void start(int interval_seconds);
  void stop();

 private:
  Store& store_;
  const Clock& clock_;
  ServiceSettings settings_;
  WorkflowService& workflow_;
  const Notifier* notifier_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::atomic<int64_t> last_success_{0};
};

}  // namespace aduan

#include "services/monitoring_service.h"

#include "base/clock.h"
#include "store/db.h"
#include "store/outbox_repository.h"
#include "store/report_repository.h"
#include "store/store.h"
#include "store/tallies.h"

namespace aduan {

StoreGauges MonitoringService::gauges() const {
  const int64_t now = clock_.now_unix();
  const Date today = local_date(now, utc_offset_minutes_);
  StoreGauges out;
  // Every status has its series, 0 when no report has it: a rate or an alert on a status no
  // report has reached yet still finds its series.
  for (int i = 0; i < kStatusCount; ++i) {
    out.reports_by_status[std::string(to_string(static_cast<Status>(i)))] = 0;
  }
  store_.read([&](Db& db) {
    for (const auto& [status, n] : tallies::status_totals(db)) out.reports_by_status[status] = n;
    const OutboxRepository::Backlog outbox = OutboxRepository::backlog(db);
    out.outbox_pending = outbox.pending;
    out.outbox_failed = outbox.failed;
    out.oldest_pending_age_seconds = outbox.oldest_pending_at ? now - *outbox.oldest_pending_at : 0;
    out.deadline_backlog =
        static_cast<int64_t>(ReportRepository::due_for_jobs(db, today, kBacklogLimit).size());
  });
  return out;
}

}  // namespace aduan

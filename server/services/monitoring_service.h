// What the store says about the deployment's health, for GET /metrics: reports by status
// (from the monitoring's month counters, not a count of every report), the notification
// outbox, and the deadline job's backlog. The HTTP layer renders it for Prometheus.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace aduan {

class Store;
class Clock;

struct StoreGauges {
  std::map<std::string, int64_t> reports_by_status;  // every status, 0 when none has it
  int64_t outbox_pending = 0;
  int64_t outbox_failed = 0;
  int64_t oldest_pending_age_seconds = 0;  // 0 when nothing waits
  int64_t deadline_backlog = 0;            // counted up to kBacklogLimit
};

class MonitoringService {
 public:
  static constexpr int kBacklogLimit = 10000;

  MonitoringService(Store& store, const Clock& clock, int utc_offset_minutes)
      : store_(store), clock_(clock), utc_offset_minutes_(utc_offset_minutes) {}

  StoreGauges gauges() const;

 private:
  Store& store_;
  const Clock& clock_;
  int utc_offset_minutes_;
};

}  // namespace aduan

// Request metrics for /metrics (Prometheus text format): how many requests each route
// answered with each status, and how long they took, as cumulative histograms.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace aduan {

// What the connection gate (http/connection_gate.h) counts, for /metrics.
struct ConnectionCounters {
  std::atomic<uint64_t> accepted{0};
  std::atomic<uint64_t> refused_address{0};   // past the connections one address may hold
  std::atomic<uint64_t> refused_capacity{0};  // past the connections aduan holds in all
  std::atomic<uint64_t> head_timeouts{0};     // a head that did not arrive whole in time
  std::atomic<uint64_t> idle_closed{0};       // kept alive and idle past the keep-alive time
  std::atomic<int64_t> open{0};
  std::atomic<int64_t> busy{0};  // with a worker

  std::string render() const;
};

class RequestMetrics {
 public:
  // Upper bounds of the latency buckets, in seconds; one more bucket (+Inf) follows.
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5};

  // The request on this thread starts now (after its headers and body were read).
  static void start_request();
  // The request on this thread matched this route ("GET /api/v1/reports/...").
  static void name_route(const std::string& route);
  // The request on this thread was answered with `status`; records it under its route
  // ("other" when no registered route matched: static files, unknown paths), and returns
  // that route.
  std::string finish_request(int status);

  // The request series in Prometheus text format, and the connection counters.
  std::string render() const;

  ConnectionCounters& connections() { return connections_; }

 private:
  struct Series {
    std::array<uint64_t, kBuckets.size() + 1> buckets{};  // not cumulative here
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, Series> series_;
  ConnectionCounters connections_;
};

// A label value with backslash, double quote and newline escaped as the format asks.
std::string prometheus_label(const std::string& value);

}  // namespace aduan

#include "http/metrics.h"

#include <chrono>
#include <cstdio>

namespace aduan {
namespace {

struct ThreadRequest {
  std::chrono::steady_clock::time_point start;
  std::string route;
};
thread_local ThreadRequest current;

std::string number(double v) {
  char out[32];
  std::snprintf(out, sizeof out, "%.6g", v);
  return out;
}

}  // namespace

void RequestMetrics::start_request() {
  current.start = std::chrono::steady_clock::now();
  current.route.clear();
}

void RequestMetrics::name_route(const std::string& route) { current.route = route; }

std::string RequestMetrics::finish_request(int status) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - current.start).count();
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(mutex_);
  std::string route = current.route.empty() ? "other" : std::move(current.route);
  Series& s = series_[{route, status}];
  ++s.buckets[bucket];
  ++s.count;
  s.sum += seconds;
  current.route.clear();
  return route;
}

std::string RequestMetrics::render() const {
  std::string out =
      "# HELP aduan_http_request_duration_seconds Time from a request read to its answer, by "
      "route and status; _count is the number of requests.\n"
      "# TYPE aduan_http_request_duration_seconds histogram\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, s] : series_) {
    const std::string labels = "route=\"" + prometheus_label(key.first) + "\",status=\"" +
                               std::to_string(key.second) + "\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i <= kBuckets.size(); ++i) {
      cumulative += s.buckets[i];
      out += "aduan_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
             (i < kBuckets.size() ? number(kBuckets[i]) : "+Inf") + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += "aduan_http_request_duration_seconds_sum{" + labels + "} " + number(s.sum) + "\n";
    out += "aduan_http_request_duration_seconds_count{" + labels + "} " + std::to_string(s.count) +
           "\n";
  }
  // The same counts as a plain counter, the name dashboards and alert rules look for first.
  out +=
      "# HELP aduan_http_requests_total Requests answered, by route and status.\n"
      "# TYPE aduan_http_requests_total counter\n";
  for (const auto& [key, s] : series_) {
    out += "aduan_http_requests_total{route=\"" + prometheus_label(key.first) + "\",status=\"" +
           std::to_string(key.second) + "\"} " + std::to_string(s.count) + "\n";
  }
  return out + connections_.render();
}

std::string ConnectionCounters::render() const {
  auto line = [](const std::string& series, auto value) {
    return series + " " + std::to_string(value) + "\n";
  };
  return "# HELP aduan_http_connections_total Client connections accepted, or closed at once "
         "past the connections one address or aduan as a whole may hold.\n"
         "# TYPE aduan_http_connections_total counter\n" +
         line("aduan_http_connections_total{outcome=\"accepted\"}", accepted.load()) +
         line("aduan_http_connections_total{outcome=\"refused_address\"}", refused_address.load()) +
         line("aduan_http_connections_total{outcome=\"refused_capacity\"}",
              refused_capacity.load()) +
         "# HELP aduan_http_connections_closed_total Connections closed by aduan: a request head "
         "that did not arrive whole in time, or kept alive and idle too long.\n"
         "# TYPE aduan_http_connections_closed_total counter\n" +
         line("aduan_http_connections_closed_total{reason=\"head_timeout\"}",
              head_timeouts.load()) +
         line("aduan_http_connections_closed_total{reason=\"idle\"}", idle_closed.load()) +
         "# HELP aduan_http_connections Open client connections, and those a worker serves.\n"
         "# TYPE aduan_http_connections gauge\n" +
         line("aduan_http_connections{state=\"open\"}", open.load()) +
         line("aduan_http_connections{state=\"busy\"}", busy.load());
}

std::string prometheus_label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace aduan

// A realistic store of many reports for benchmarks: the demo catalogue, reports spread over
// the last years in realistic status proportions, their events and stage records. Written
// through the same repositories as the server, in large transactions.
#pragma once

#include <cstdint>
#include <string>

namespace aduan {

class App;

struct SeedSummary {
  int64_t reports = 0;
  int64_t events = 0;
  int64_t stage_records = 0;
  double seconds = 0;
  // Where the time went: writing the rows, building the indexes again, the counters.
  double seconds_rows = 0;
  double seconds_indexes = 0;
  double seconds_counters = 0;
};

SeedSummary seed_reports(App& app, int64_t count, int years, int64_t now, uint64_t random_seed);

}  // namespace aduan

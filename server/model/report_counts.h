// The monitoring counters summed over a period, as the dashboards and the public statistics
// read them (summed by store/tallies.h).
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace aduan {

// The report counters summed over a period: the counts by each dimension and where the
// reports are.
struct ReportCounts {
  int64_t total = 0;
  std::map<std::string, int64_t> by_status, by_classification, by_channel;
  std::map<int64_t, int64_t> by_category;  // category id
  std::map<int64_t, int64_t> by_agency;    // agency id; 0: not forwarded
  std::map<int, int64_t> rating_spread;    // score -> count
  int64_t ratings = 0;
  double rating_average = 0;
};

// The counters of the public reports; by_agency holds forwarded reports only.
struct PublicStats : ReportCounts {
  int64_t finished = 0;  // closed
};

}  // namespace aduan

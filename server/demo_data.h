// A demo district to try aduan with: agencies (OPD), categories mapped to them, a sample
// holiday list and a few reports.
#pragma once

#include <string>
#include <vector>

namespace aduan {

class Store;
class ReportService;

struct DemoSummary {
  int agencies = 0;
  int categories = 0;
  int holidays = 0;
  std::vector<std::string> tracking_ids;  // of the sample reports, display form
};

// Idempotent for the catalogue (upserts by code); adds sample reports only to an empty store.
DemoSummary load_demo_data(Store& store, ReportService& reports);

}  // namespace aduan

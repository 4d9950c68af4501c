// What anyone may read without a tracking ID: a page of the published reports, and their
// positions for the map. The statistics are the dashboard's (DashboardService::public_stats),
// which share its counters. Nothing here names a reporter or shows a confidential report
// (store/public_repository.h holds the condition).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/public_position.h"
#include "services/report_service.h"

namespace aduan {

class Store;
class Clock;

struct PublicListQuery {
  std::string words;  // in the title or the body
  std::optional<Status> status;
  std::optional<std::string> category;  // a category's code; an unknown code matches nothing
  std::optional<std::string> agency;    // an agency's code, with its units
  int limit = 20;
  int offset = 0;
};

struct PublicListPage {
  std::vector<ReportView> items;  // without timeline; the agency only once one holds it
  int64_t total = 0;              // counted up to kCountLimit and one more
};

class TransparencyService {
 public:
  TransparencyService(Store& store, const Clock& clock, ServiceSettings settings)
      : store_(store), clock_(clock), settings_(settings) {}

  PublicListPage list(const PublicListQuery& q) const;
  // The newest `limit` published reports with a position; `more` tells whether older ones
  // were left out.
  std::vector<PublicPosition> positions(int limit, bool* more) const;

 private:
  Store& store_;
  const Clock& clock_;
  ServiceSettings settings_;
};

}  // namespace aduan

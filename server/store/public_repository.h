// What anyone may see without a tracking ID: the list of non-confidential reports and the
// statistics. No reporter identity, no confidential report, no report archived as abusive
// or spam ever comes out of here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/report_counts.h"
#include "shared/category_model.h"
#include "store/db.h"
#include "store/report_repository.h"
#include "store/status_sql.h"
#include "store/tallies.h"

namespace aduan {

struct PublicFilter {
  std::string query;  // words in the title or the body
  std::optional<Status> status;
  std::optional<int64_t> category_id;
  std::optional<std::vector<int64_t>> agencies;
  std::optional<std::vector<int64_t>> categories;  // any of these; empty matches nothing
  std::vector<Status> statuses;                    // any of these (Open311's open/closed)
  std::vector<std::string> tracking_ids;           // canonical; any of these
  std::optional<int64_t> created_from;             // Unix seconds, inclusive
  std::optional<int64_t> created_to;               // Unix seconds, inclusive
  int limit = 20;
  int offset = 0;
};

class PublicRepository {
 public:
  static std::vector<ReportRecord> list(Db& db, const PublicFilter& f, int64_t* total);
  // Over the reports created from `from` to `to` (local dates, both included); every public
  // report counts. Read from the monitoring's counters (server/store/tallies.h).
  static PublicStats stats(Db& db, Date from, Date to);
  // The category code and the title and body of the newest `limit` published reports in an
  // active category: what the category suggestion learns from (shared/category_model.h),
  // nothing a stranger could not read already.
  static std::vector<TrainingReport> training_reports(Db& db, int limit);
};

}  // namespace aduan

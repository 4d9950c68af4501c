// JSON of the queue's tools: saved views and actions on several reports at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "http/json/staff.h"
#include "model/saved_view.h"

namespace aduan {

// A view to save: {"name": "...", "query": "status=forwarded&sort=oldest"}. The query holds
// only the queue's own parameters (and no page), each once, as the queue's address writes them.
struct DecodedSavedView {
  bool malformed = false;
  std::string problem;
  std::string name;
  std::string query;
  std::vector<FieldError> errors;
};
DecodedSavedView decode_saved_view_json(std::string_view body);
std::string saved_views_json(const std::vector<SavedView>& views);
std::string saved_view_json(const SavedView& view);

// The most reports one bulk action takes: a queue page at its largest.
inline constexpr size_t kMaxBulkReports = 100;

// One action for several reports: the fields of a single action (decode_action_json) and
// "reports": [{"tracking_id": "...", "version": 7}, ...], each with the version the page
// showed, so that each report is acted on as it was seen.
struct BulkTarget {
  std::string tracking_id;
  int64_t version = 0;
};
struct DecodedBulk {
  DecodedAction action;
  std::vector<BulkTarget> reports;
};
DecodedBulk decode_bulk_json(std::string_view body);

// One report's result in a bulk action: done, with its new status and version, or refused
// with the code (and field errors) a single action would have answered.
struct BulkResult {
  std::string tracking_id;  // as the page sent it
  bool ok = false;
  std::string status;
  int64_t version = 0;
  std::string code;
  std::string message;
  std::vector<FieldError> errors;
};
std::string bulk_results_json(const std::vector<BulkResult>& results);

}  // namespace aduan

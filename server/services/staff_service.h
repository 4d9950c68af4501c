// The staff's work: their queue, a report with its whole timeline, actions on it, and the
// officers an admin can assign. What each role may see is decided in services/caller.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/external_agency.h"
#include "model/user.h"
#include "services/caller.h"
#include "services/report_service.h"
#include "services/workflow_service.h"

namespace aduan {

// A queue page is 1 to kMaxQueuePage and holds 1 to kMaxQueuePerPage reports: the offset
// (page - 1) * per_page stays far inside an int whatever a request asks for.
inline constexpr int kMaxQueuePage = 100000;
inline constexpr int kMaxQueuePerPage = 100;

struct QueueQuery {
  std::vector<Status> statuses;  // empty: every status
  std::string agency;            // agency code, empty: any the caller may see
  std::string category;          // category code, empty: any
  bool overdue = false;          // only reports past their stage's due date
  bool mine = false;             // only reports assigned to the caller
  bool returned = false;         // only reports an agency sent back
  QueueOrder order = QueueOrder::kDue;
  std::string search;  // what was typed in the search box (server/store/report_search.h)
  int page = 1;
  int per_page = 25;
};

// A queue row: the report without its timeline, and who in the agency works on it.
struct QueueItem {
  ReportView view;
  std::string assigned_to;  // the officer's display name, if any
};

struct QueuePage {
  std::vector<QueueItem> items;
  MatchCount total;
  int page = 1;
  int per_page = 25;
};

struct StaffReportView {
  ReportView view;  // with internal events
  bool show_reporter = true;
  std::string assigned_to;  // the officer's display name, if any
  // Posted (or to be posted) to the agency's own system over Open311, while it holds the report.
  std::optional<ExternalRequest> external;
};

class StaffService {
 public:
  StaffService(Store& store, const Clock& clock, ServiceSettings settings,
               WorkflowService& workflow);

  QueuePage queue(const Caller& p, const QueueQuery& q);
  // For exports: the next `limit` reports of the same selection with an id above
  // `after_id`, in id order, so that a million rows stream in bounded memory.
  std::vector<ReportView> export_batch(const Caller& p, const QueueQuery& q, int64_t after_id,
                                       int limit);
  // nullopt when there is no such report or `p` may not read it (both answer 404, so that
  // staff cannot probe for other agencies' reports).
  std::optional<StaffReportView> report(const Caller& p, const std::string& typed_id);
  // An attachment of a report `p` may read; nullopt otherwise (404 either way).
  std::optional<AttachmentData> attachment(const Caller& p, const std::string& typed_id,
                                           int position);
  ActOutcome act(const Caller& p, const std::string& typed_id, Action action,
                 const ActionInput& input, std::optional<int64_t> expected_version);
  std::vector<User> assignable_officers(const Caller& p);

  Date today() const;

 private:
  Store& store_;
  const Clock& clock_;
  ServiceSettings settings_;
  WorkflowService& workflow_;
};

}  // namespace aduan

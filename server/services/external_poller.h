// Follows the reports posted to external agencies (server/notify/external_forwarding.h): asks each
// agency's Open311 endpoint for its open requests, and writes what changed into the report's
// timeline as the agency's own actions through WorkflowService::act, so the reporter's
// tracking page, the notifications and the deadlines work as for any agency:
//   a new status note while open  -> respond (the first answer) or update
//   closed                        -> resolve, with the remote's note (after a respond when
//                                    the agency had not answered yet)
//   closed without any note,      -> return to the coordinator (closed there as a
//   never answered                   duplicate, out of its remit...: not a resolution)
// A remote that is down leaves the reports as they are; the agency's page shows the error,
// and the next round tries again.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "base/clock.h"
#include "model/external_agency.h"
#include "notify/open311_client.h"
#include "services/workflow_service.h"
#include "store/store.h"

namespace aduan {

struct PollRound {
  int agencies = 0;
  int requests = 0;  // remote requests read
  int actions = 0;   // timeline entries written
  int failed = 0;    // agencies whose endpoint could not be read
};

class ExternalPoller {
 public:
  ExternalPoller(Store& store, const Clock& clock, WorkflowService& workflow);
  ~ExternalPoller();

  PollRound run_once();

  // Polls in the background every `interval_seconds` (0: never).
  void start(int interval_seconds);
  void stop();

 private:
  void poll_agency(const ExternalAgency& agency, PollRound* round);
  void learn_request_ids(const Open311Endpoint& endpoint, std::vector<ExternalRequest>* open,
                         std::string* error);
  void read_requests(const Open311Endpoint& endpoint, const std::vector<ExternalRequest>& open,
                     const std::string& agency_name, PollRound* round, std::string* error);
  // Applies one remote request's state to its report; the number of actions written, or -1
  // when the workflow refused one (the state is then not marked as seen).
  int apply(const ExternalRequest& request, const std::string& agency_name,
            const std::string& status, const std::string& notes);
  // The actions the remote's state asks of a report the agency still holds, each as the
  // agency and on the report as the previous one left it: its first answer (or a return to
  // the coordinator when closed there without a word), then a resolution or an update. The
  // number written, or -1 when the workflow refused one.
  int act_as_agency(ReportRecord* report, const ExternalRequest& request,
                    const std::string& agency_name, bool closed, const std::string& notes);

  Store& store_;
  const Clock& clock_;
  WorkflowService& workflow_;
  std::string secret_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace aduan

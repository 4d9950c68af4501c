// Open311 GeoReport v2's reads and its record of who posted what: the requests a client may
// read (the published reports, and with its key the ones it posted itself, whatever their
// public state), each with the one note it may see. Filing goes through ReportService like
// every other submission.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/report_record.h"

namespace aduan {

class Store;

struct Open311Request {
  ReportRecord report;
  // The newest note the reader may see: what the agency published, and for the system that
  // posted the request also what the agency answered the reporter, for whom it stands in.
  std::string notes;
};

struct Open311Query {
  std::vector<std::string> tracking_ids;  // canonical; empty: any
  std::vector<Status> statuses;           // any of these; empty: any
  std::optional<int64_t> created_from;    // Unix seconds, inclusive
  std::optional<int64_t> created_to;
  std::optional<std::vector<std::string>> service_codes;  // category codes; unknown match none
  int limit = 1000;                                       // the spec's ceiling
};

class Open311Service {
 public:
  explicit Open311Service(Store& store) : store_(store) {}

  // `sender`: the id of the client's valid key, if it sent one; the named requests it posted
  // come first, in full.
  std::vector<Open311Request> requests(const Open311Query& q, std::optional<int64_t> sender) const;
  // Remembers that the client with key `sender` posted the report (migration 0033).
  void record_origin(const std::string& canonical_tracking_id, int64_t sender);

 private:
  Store& store_;
};

}  // namespace aduan

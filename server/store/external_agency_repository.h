// Agencies handled in another system, reached over Open311 (migration 0033): each one's
// endpoint, sealed key and service codes; and the requests posted there and what aduan last
// saw of them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/external_agency.h"
#include "store/db.h"

namespace aduan {

class ExternalAgencyRepository {
 public:
  static std::optional<ExternalAgency> find(Db& db, int64_t agency_id);
  static std::vector<ExternalAgency> list(Db& db);
  // Inserts or replaces the agency's settings and its service codes.
  static void save(Db& db, const ExternalAgency& a);
  // False when the agency was not external. Its requests are no longer followed.
  static bool remove(Db& db, int64_t agency_id);
  static void set_polled(Db& db, int64_t agency_id, int64_t now, const std::string& error);

  // A report forwarded to an external agency: a request to post by outbox message
  // `message_id` (again, when it comes back or is reopened: a new generation).
  static void queue_request(Db& db, int64_t report_id, int64_t agency_id,
                            const std::string& message_id, int64_t now);
  static std::optional<ExternalRequest> request(Db& db, int64_t report_id);
  // Each write below names the generation it learned about and changes nothing when the
  // request has been queued again since (false then).
  static bool set_posted(Db& db, int64_t report_id, const std::string& message_id,
                         const std::string& service_request_id, const std::string& token,
                         int64_t now);
  static void set_request_id(Db& db, int64_t report_id, const std::string& message_id,
                             const std::string& service_request_id);
  // Open requests of the agency that have been posted, oldest first.
  static std::vector<ExternalRequest> open_requests(Db& db, int64_t agency_id, int limit);
  static void set_seen(Db& db, int64_t report_id, const std::string& message_id,
                       const std::string& status, const std::string& notes, bool open);
  static void close_request(Db& db, int64_t report_id);
  static int count_open(Db& db, int64_t agency_id);
};

}  // namespace aduan

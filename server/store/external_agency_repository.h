// Agencies handled in another system, reached over Open311 (migration 0033): each one's
// endpoint, sealed key and service codes; and the requests posted there and what aduan last
// saw of them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace aduan {

struct ExternalAgency {
  int64_t agency_id = 0;
  std::string endpoint;  // ".../open311/v2", without a trailing slash
  std::string jurisdiction_id;
  std::string sealed_key;  // seal_with_secret(ExternalAgencyRepository::key_secret(...), key)
  bool share_identity = false;
  bool keeps_private = false;  // honours attribute[confidential]: confidential reports may go
  std::string default_service_code;
  std::map<int64_t, std::string> service_codes;  // category id -> remote service_code
  std::optional<int64_t> polled_at;
  std::string poll_error;
  int64_t updated_at = 0;

  // The remote service for a category's reports; "" when there is none.
  std::string service_code_for(int64_t category_id) const;
};

struct ExternalRequest {
  int64_t report_id = 0;
  int64_t agency_id = 0;
  std::string message_id;          // the outbox message that posts it: its generation
  std::string service_request_id;  // "" until the remote gave it
  std::string token;               // the remote's receipt when it gave no ID at once
  std::string remote_status;       // open, closed; "" until seen
  std::string remote_notes;
  std::optional<int64_t> posted_at;
  bool open = true;
};

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

// An agency that runs its own system, and a report forwarded to it over Open311 (kept by
// store/external_agency_repository.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace aduan {

struct ExternalAgency {
  int64_t agency_id = 0;
  std::string endpoint;  // ".../open311/v2", without a trailing slash
  std::string jurisdiction_id;
  std::string sealed_key;  // sealed with the server's key (notify/external_forwarding.h)
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

}  // namespace aduan

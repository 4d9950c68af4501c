// The system admin's settings of agencies that work in another system (Open311 client):
// where their endpoint is, the key aduan uses there, which remote service each category's
// reports become, and whether the reporter's contact may go along. Each change is logged in
// the administration's append-only log (store/admin_repository.h), never with the key itself.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/external_agency.h"
#include "services/account_service.h"
#include "services/caller.h"
#include "shared/validation.h"

namespace aduan {

class Store;
class Clock;

struct ExternalAgencyInput {
  std::string endpoint;
  std::string api_key;  // "" keeps the key already set
  std::string jurisdiction_id;
  std::string default_service_code;
  bool share_identity = false;
  bool keeps_private = false;
  std::map<std::string, std::string> service_codes;  // category code -> remote service_code
};

struct ExternalAgencyView {
  std::string agency_code, agency_name;
  ExternalAgency settings;
  std::map<std::string, std::string> service_codes;  // by category code
  int open_requests = 0;
};

struct ExternalAgencyOutcome {
  AdminError error = AdminError::kNone;
  std::vector<FieldError> fields;
  std::optional<ExternalAgencyView> view;
};

class ExternalAgencyService {
 public:
  ExternalAgencyService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  std::vector<ExternalAgencyView> list();
  ExternalAgencyOutcome save(const Caller& admin, const std::string& agency_code,
                             const ExternalAgencyInput& in);
  // kNotFound when the agency is unknown or not external.
  AdminError remove(const Caller& admin, const std::string& agency_code);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace aduan

// What a citizen does with their report: open it with the tracking ID and the PIN given at
// submission (no account), answer a postponement, reply, confirm or reopen the resolution,
// and rate the follow-up.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/guess_guard.h"
#include "services/report_service.h"
#include "services/workflow_service.h"

namespace aduan {

struct CitizenOutcome {
  enum class Result {
    kOk,
    kBadTrackingId,  // see id_error (400)
    kNotFound,       // 404: the report went away after its PIN was checked
    kWrongPin,       // 403: no report has this ID with this PIN (an unknown ID answers so too)
    kRateLimited,    // 429, see retry_after
    kNotAllowed,     // 409
    kStaleVersion,   // 409
    kInvalid,        // 422
    kSignedOut,      // 401: the phone's sign-in (device token) is unknown or expired
    kNotLinked,      // 403: the signed-in contact has no report with this ID
  } result = Result::kOk;
  TrackingIdError id_error = TrackingIdError::kNone;
  int64_t retry_after = 0;
  std::vector<FieldError> errors;
  std::optional<ReportView> view;            // with kOk: the report as its reporter sees it
  std::optional<AttachmentData> attachment;  // with kOk from attachment()
};

// What proves a citizen's right to a report: the PIN given at submission, or a phone signed
// in with a contact the report is linked to (services/device_link_service.h); a PIN, when given, is
// what counts.
struct CitizenKey {
  CitizenKey(std::string typed_pin) : pin(std::move(typed_pin)) {}  // NOLINT: a PIN is a key
  CitizenKey(const char* typed_pin) : pin(typed_pin) {}             // NOLINT
  static CitizenKey device(std::string token) {
    CitizenKey k("");
    k.device_token = std::move(token);
    return k;
  }
  bool by_device() const { return pin.empty() && !device_token.empty(); }

  std::string pin;
  std::string device_token;
};

class CitizenService {
 public:
  CitizenService(Store& store, const Clock& clock, ServiceSettings settings,
                 WorkflowService& workflow, GuessRules pin_rules = kPinGuessRules);

  // Each call checks the PIN first, as typed from the client `address` (wrong PINs slow
  // down that address only; see services/guess_guard.h).
  CitizenOutcome open(const std::string& typed_id, const CitizenKey& key,
                      const std::string& address);
  CitizenOutcome act(const std::string& typed_id, const CitizenKey& key, const std::string& address,
                     Action action, const ActionInput& input,
                     std::optional<int64_t> expected_version);
  // One attachment of the report; kOk without `attachment` when it has no such attachment.
  CitizenOutcome attachment(const std::string& typed_id, const CitizenKey& key,
                            const std::string& address, int position);
  // Turns the citizen's messages about this report on or off.
  CitizenOutcome set_notifications(const std::string& typed_id, const CitizenKey& key,
                                   const std::string& address, bool enabled);

  // Wrong PINs counted and alarms raised since start, for /metrics.
  const GuessGuard& guesses() const { return guard_; }

 private:
  // Checks the ID and the key; on success sets `*report_id`.
  CitizenOutcome check_key(const std::string& typed_id, const CitizenKey& key,
                           const std::string& address, int64_t* report_id);
  CitizenOutcome check_pin(const std::string& typed_id, const std::string& pin,
                           const std::string& address, int64_t* report_id);
  CitizenOutcome check_device(const std::string& typed_id, const std::string& token,
                              int64_t* report_id);
  ReportView view_of(int64_t report_id);

  Store& store_;
  const Clock& clock_;
  ServiceSettings settings_;
  WorkflowService& workflow_;
  GuessGuard guard_;
};

}  // namespace aduan

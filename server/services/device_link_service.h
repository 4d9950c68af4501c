// "My reports on any phone": a citizen may link their reports to a phone number or e-mail and
// open them on another phone, without the PINs. Optional in every step: nothing here is needed
// to file or track a report.
//
// The protocol (docs/security.md, "My reports on any phone"):
//  1. send_code: a one-time code goes to the contact through the outbox. The answer is the
//     same whether or not the contact has reports, so it tells a stranger nothing.
//  2. sign_in: the contact and its code give the phone a session token (kept on the phone; the
//     store keeps its digest only). A code works once, for 15 minutes, 5 tries.
//  3. link: a signed-in phone links a report by its tracking ID and PIN (proof that it is the
//     reporter's); an anonymous report only when the reporter says so in that request.
//  4. reports / the citizen routes with "Authorization: Bearer": another signed-in phone
//     lists the linked reports and acts on them as with the PIN.
//  5. unlink, sign_out (this phone), sign_out_everywhere (a lost phone too).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/rate_rule.h"
#include "services/citizen_service.h"

namespace aduan {

class Store;
class Clock;
class Notifier;

// A report as its signed-in reporter sees it in the list.
struct LinkedReport {
  std::string tracking_id;  // canonical
  std::string title;
  Status status = Status::kSubmitted;
  bool anonymous = false;
  int64_t created_at = 0;
};

struct DeviceOutcome {
  enum class Result {
    kOk,
    kCodeSent,      // 202: a code went to the contact (whoever it is)
    kInvalid,       // 422 validation_failed, see errors
    kUnreachable,   // 422: no transport for this kind of contact
    kLimited,       // 429, see retry_after
    kWrongCode,     // 422: not the code sent, used, expired or out of tries
    kSignedOut,     // 401: no current session with this token
    kNeedsConsent,  // 409: an anonymous report, linked only when the reporter says so
    kCitizen,       // the PIN check failed: see `citizen`
  };
  Result result = Result::kOk;
  std::vector<FieldError> errors;
  int64_t retry_after = 0;
  std::string token;       // sign_in: the phone's session token, shown once
  int64_t expires_at = 0;  // sign_in: when the session ends
  std::vector<LinkedReport> reports;
  CitizenOutcome citizen;
};

class DeviceLinkService {
 public:
  DeviceLinkService(Store& store, const Clock& clock, const Notifier* notifier,
                    CitizenService& citizens);

  DeviceOutcome send_code(const std::string& typed_contact, const std::string& language,
                          const std::string& address);
  DeviceOutcome sign_in(const std::string& typed_contact, const std::string& code,
                        const std::string& address);
  DeviceOutcome reports(const std::string& token);
  DeviceOutcome link(const std::string& token, const std::string& typed_id, const std::string& pin,
                     bool anonymous_consent, const std::string& address);
  DeviceOutcome unlink(const std::string& token, const std::string& typed_id);
  DeviceOutcome sign_out(const std::string& token, bool everywhere);

 private:
  Store& store_;
  const Clock& clock_;
  const Notifier* notifier_;
  CitizenService& citizens_;
};

// A code: 6 digits, good for 15 minutes and 5 tries. A contact is sent at most 3 codes a
// day, so at most 15 guesses a day reach one contact's code (a chance of 1.5 in 10^5 a day),
// each costing its owner a message they can see; an address asks for at most 10 codes and
// gives at most 20 wrong codes an hour, whatever contacts it names.
inline constexpr int kLinkCodeDigits = 6;
inline constexpr int64_t kLinkCodeSeconds = 15 * 60;
inline constexpr int kLinkCodeAttempts = 5;
inline constexpr RateRule kLinkCodesPerContact{3, 24 * 3600};
inline constexpr RateRule kLinkCodesPerAddress{10, 3600};
inline constexpr RateRule kLinkWrongCodesPerAddress{20, 3600};
// A phone stays signed in for 90 days, then asks for a code again.
inline constexpr int64_t kDeviceSessionSeconds = 90 * 24 * 3600;
// Reports one contact may link: far above any citizen's, a bound on the sealed list.
inline constexpr size_t kMaxLinkedReports = 200;

}  // namespace aduan

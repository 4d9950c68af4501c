// Messages citizens send through a gateway (SMS, WhatsApp, email). The gateway signs each
// request; a message becomes a new report through the same validation as the web form, or,
// when it quotes one of the sender's tracking IDs, a reply on that report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "formats/inbound_text.h"
#include "notify/notifier.h"
#include "services/report_service.h"
#include "services/workflow_service.h"
#include "store/store.h"

namespace aduan {

struct InboundMessage {
  std::string channel;  // sms, whatsapp, email
  std::string from;     // a phone number or an email address
  std::string subject;  // email only
  std::string text;
  // Of the replies and of the report: "id" (the default) or "en", when the gateway knows the
  // sender's language.
  std::string language = "id";
};

struct InboundOutcome {
  enum class Result {
    kCreated,   // a new report
    kReplied,   // added to an existing report's conversation
    kRejected,  // not a valid report; the sender was told why
  } result = Result::kRejected;
  std::string tracking_id;
  std::vector<FieldError> errors;
};

// Checks the gateway's signature over "<timestamp>.<nonce>.<body>", that the timestamp is
// within the window, and that the nonce was not used before (it is then remembered).
enum class InboundAuth { kOk, kBadSignature, kStaleTimestamp, kReplayed };
InboundAuth check_inbound(Store& store, const std::string& secret, int window_seconds, int64_t now,
                          const std::string& timestamp, const std::string& nonce,
                          const std::string& signature, const std::string& body);

class InboundService {
 public:
  InboundService(Store& store, const Clock& clock, ServiceSettings settings, ReportService& reports,
                 WorkflowService& workflow, const Notifier& notifier);

  // Whether the gateways may post at all: only with an inbound secret configured.
  bool enabled() const;
  // check_inbound with this deployment's secret and window, at the service's clock.
  InboundAuth authenticate(const std::string& timestamp, const std::string& nonce,
                           const std::string& signature, const std::string& body);
  InboundOutcome receive(const InboundMessage& m);

 private:
  Store& store_;
  const Clock& clock_;
  ServiceSettings settings_;
  ReportService& reports_;
  WorkflowService& workflow_;
  const Notifier& notifier_;
};

}  // namespace aduan

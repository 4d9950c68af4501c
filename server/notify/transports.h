// Delivering one outbox message: email over SMTP (libcurl), WhatsApp and SMS through an
// HTTP gateway (a signed JSON POST).
#pragma once

#include <memory>
#include <string>

#include "model/outbox_message.h"
#include "notify/notify_config.h"

namespace aduan {

struct Delivery {
  bool ok = false;
  bool permanent = false;  // retrying will not help (a refused address, a rejected request)
  std::string error;
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual Delivery deliver(const OutboxMessage& m) = 0;
};

std::unique_ptr<Transport> make_smtp_transport(const SmtpSettings& s);
std::unique_ptr<Transport> make_gateway_transport(const GatewaySettings& g);

// The RFC 5322 text of an email: headers (UTF-8 subject in RFC 2047 form, the message's
// stable Message-ID) and a base64 body.
std::string email_payload(const OutboxMessage& m, const std::string& from, int64_t now);

// "sha256=<hex>" of HMAC-SHA256(secret, "<timestamp>.<body>"), the signature of outgoing
// gateway requests.
std::string sign_outgoing(const std::string& secret, const std::string& timestamp,
                          const std::string& body);

// HMAC-SHA256 as lowercase hex.
std::string hmac_sha256_hex(const std::string& key, const std::string& data);

}  // namespace aduan

// How a deployment delivers notifications: the SMTP server, the WhatsApp/SMS gateway, the
// inbound secret, retry timing, and who hears of which event. Read from a JSON file given
// with `aduan serve --notify-config FILE`; a channel that is not configured is not used.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aduan {

struct SmtpSettings {
  std::string url;       // smtp://host:port, or smtps://host:port for TLS from the start
  std::string from;      // the sender address
  std::string username;  // empty: no AUTH
  std::string password;
  bool require_tls = false;  // STARTTLS must succeed (never send in the clear)
  int timeout_seconds = 20;
};

struct GatewaySettings {
  std::string url;     // the provider's endpoint for outgoing WhatsApp and SMS
  std::string secret;  // the HMAC-SHA256 key both sides know
  int timeout_seconds = 20;
};

struct RetrySettings {
  int base_seconds = 30;   // the first retry waits this long, each next one twice as long
  int max_seconds = 3600;  // never longer than this between tries
  int max_attempts = 12;   // then the message is failed for good (a system admin may retry)
  // How long a sender holds a message it is delivering; after a crash the message waits
  // this long before another round (or another server) picks it up.
  int lease_seconds = 60;
};

// Who receives a notification of an event.
// kAssignedOfficer: the staff member the report is assigned to, if any.
enum class Audience {
  kCoordinators,
  kAgencyAdmins,
  kAgencyHead,
  kSupervisors,
  kCitizen,
  kAssignedOfficer
};

struct NotifyConfig {
  std::string public_url = "http://127.0.0.1:8080";  // for links in messages
  bool public_url_set = false;  // the operator named it (else discovery uses the Host header)
  std::optional<SmtpSettings> smtp;
  std::optional<GatewaySettings> gateway;
  std::string citizen_phone_channel = "whatsapp";  // whatsapp or sms, for citizens with a phone
  std::string inbound_secret;                      // empty: the inbound endpoints answer 404
  int inbound_window_seconds = 300;                // accepted clock difference for inbound requests
  std::string inbound_category = "lainnya";        // category of reports that arrive by message
  RetrySettings retry;
  int digest_hour = 7;  // local hour after which the daily digest goes out
  std::map<std::string, std::vector<Audience>> rules;  // event -> audiences
  // Seals the text of a message that carries the reporter's PIN while it waits in the outbox
  // (the row shows the PIN masked; the sealed text is dropped once the message is sent or
  // has failed for good). Not read from the file: the server sets it from its own secret,
  // kept outside the store. Empty, the seal keeps the PIN out of plain sight only.
  std::string seal_secret;
};

// The defaults: new reports to coordinators, forwarded ones to the agency's admins and head,
// amber, red and escalation to the agency head and the supervisors, returned ones to the
// coordinators, updates and the resolution to the citizen, the digest to agency admins and
// heads.
NotifyConfig default_notify_config();

// Reads the JSON file at `path` over the defaults; nullopt and `error` when it is not valid.
std::optional<NotifyConfig> load_notify_config(const std::string& path, std::string* error);

std::optional<Audience> parse_audience(const std::string& s);

}  // namespace aduan

// A report as a citizen submits it, before it gets a tracking ID.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aduan {

enum class Classification : uint8_t { kComplaint, kAspiration, kInfoRequest };
enum class Channel : uint8_t { kWeb, kSms, kWhatsapp, kEmail, kApi, kOpen311, kWalkIn };

struct Location {
  std::string text;
  std::optional<double> lat;
  std::optional<double> lon;
  std::string region_code;  // Kemendagri code: "63", "63.03", "63.03.05", "63.03.05.2001"
};

struct Reporter {
  std::string name;
  std::string phone;
  std::string email;
  std::string nik;  // Nomor Induk Kependudukan, 16 digits
};

// Text fields hold what the client sent; an empty string means "not given".
struct ReportInput {
  std::string classification;
  std::string title;
  std::string body;
  std::string incident_date;  // YYYY-MM-DD
  Location location;
  std::string category;
  std::string agency;
  std::string channel = "web";
  Reporter reporter;
  bool anonymous = false;
  // Private unless the citizen chose to publish: a channel that does not ask (SMS, WhatsApp,
  // email, Open311, an API client that leaves the field out) files a confidential report.
  bool confidential = true;
  std::string language = "id";           // of the messages the citizen receives: "id" or "en"
  std::vector<std::string> attachments;  // handles of finished uploads (attachments.h)
};

std::string_view to_string(Classification c);
std::string_view to_string(Channel c);
std::optional<Classification> parse_classification(std::string_view s);
std::optional<Channel> parse_channel(std::string_view s);

}  // namespace aduan

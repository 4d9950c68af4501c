#include "notify/notify_config.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace aduan {
namespace {

using nlohmann::json;

template <typename T>
void read(const json& obj, const char* key, T* out) {
  if (obj.contains(key)) *out = obj.at(key).get<T>();
}

}  // namespace

std::optional<Audience> parse_audience(const std::string& s) {
  if (s == "coordinators") return Audience::kCoordinators;
  if (s == "agency_admins") return Audience::kAgencyAdmins;
  if (s == "agency_head") return Audience::kAgencyHead;
  if (s == "supervisors") return Audience::kSupervisors;
  if (s == "citizen") return Audience::kCitizen;
  if (s == "assigned_officer") return Audience::kAssignedOfficer;
  return std::nullopt;
}

NotifyConfig default_notify_config() {
  NotifyConfig c;
  using A = Audience;
  c.rules = {
      {"new_report", {A::kCoordinators}},
      {"received", {A::kCitizen}},
      {"forwarded", {A::kAgencyAdmins, A::kAgencyHead}},
      {"returned", {A::kCoordinators}},
      {"deadline_amber", {A::kAgencyHead, A::kSupervisors}},
      {"deadline_red", {A::kAgencyHead, A::kSupervisors}},
      {"escalated", {A::kAgencyHead, A::kSupervisors}},
      {"citizen_update", {A::kCitizen}},
      {"privacy_changed", {A::kCitizen}},
      {"citizen_reply", {A::kAgencyAdmins}},
      {"assigned", {A::kAssignedOfficer}},
      {"digest", {A::kAgencyAdmins, A::kAgencyHead}},
  };
  return c;
}

// Long because the file has many keys: one check per key, in the order of the file's
// documentation (docs/notifications.md).
std::optional<NotifyConfig> load_notify_config(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path;
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  const json doc = json::parse(text.str(), nullptr, false);
  if (!doc.is_object()) {
    *error = path + " is not a JSON object";
    return std::nullopt;
  }
  NotifyConfig c = default_notify_config();
  try {
    read(doc, "public_url", &c.public_url);
    c.public_url_set = doc.contains("public_url");
    read(doc, "citizen_phone_channel", &c.citizen_phone_channel);
    read(doc, "inbound_secret", &c.inbound_secret);
    read(doc, "inbound_window_seconds", &c.inbound_window_seconds);
    read(doc, "inbound_category", &c.inbound_category);
    read(doc, "digest_hour", &c.digest_hour);
    if (doc.contains("smtp")) {
      SmtpSettings s;
      const json& j = doc.at("smtp");
      read(j, "url", &s.url);
      read(j, "from", &s.from);
      read(j, "username", &s.username);
      read(j, "password", &s.password);
      read(j, "require_tls", &s.require_tls);
      read(j, "timeout_seconds", &s.timeout_seconds);
      if (s.url.empty() || s.from.empty()) {
        *error = "smtp needs url and from";
        return std::nullopt;
      }
      c.smtp = s;
    }
    if (doc.contains("gateway")) {
      GatewaySettings g;
      const json& j = doc.at("gateway");
      read(j, "url", &g.url);
      read(j, "secret", &g.secret);
      read(j, "timeout_seconds", &g.timeout_seconds);
      if (g.url.empty() || g.secret.size() < 16) {
        *error = "gateway needs url and a secret of at least 16 characters";
        return std::nullopt;
      }
      c.gateway = g;
    }
    if (doc.contains("retry")) {
      const json& j = doc.at("retry");
      read(j, "base_seconds", &c.retry.base_seconds);
      read(j, "max_seconds", &c.retry.max_seconds);
      read(j, "max_attempts", &c.retry.max_attempts);
      read(j, "lease_seconds", &c.retry.lease_seconds);
    }
    if (doc.contains("rules")) {
      for (const auto& [event, audiences] : doc.at("rules").items()) {
        std::vector<Audience> list;
        for (const json& a : audiences) {
          const auto audience = parse_audience(a.get<std::string>());
          if (!audience) {
            *error = "unknown audience " + a.dump() + " for " + event;
            return std::nullopt;
          }
          // An assignment's message carries the admin's instructions to the officer, an
          // internal note: the citizen is never its audience.
          if (event == "assigned" && *audience == Audience::kCitizen) {
            *error = "the citizen cannot be an audience of assigned (it carries internal notes)";
            return std::nullopt;
          }
          list.push_back(*audience);
        }
        c.rules[event] = list;
      }
    }
  } catch (const json::exception& e) {
    *error = path + ": " + e.what();
    return std::nullopt;
  }
  if (c.citizen_phone_channel != "whatsapp" && c.citizen_phone_channel != "sms") {
    *error = "citizen_phone_channel must be whatsapp or sms";
    return std::nullopt;
  }
  if (!c.inbound_secret.empty() && c.inbound_secret.size() < 16) {
    *error = "inbound_secret needs at least 16 characters";
    return std::nullopt;
  }
  return c;
}

}  // namespace aduan

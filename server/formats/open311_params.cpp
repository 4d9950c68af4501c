#include "formats/open311_params.h"

#include <cstdlib>
#include <limits>

#include "formats/inbound_text.h"

namespace aduan {
namespace {

std::string param(const Open311Params& p, const std::string& key) {
  const auto it = p.find(key);
  return it == p.end() ? std::string() : it->second;
}

// Two digits at `at`, or -1.
int two_digits(const std::string& s, size_t at) {
  if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') {
    return -1;
  }
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

}  // namespace

ReportInput open311_report(const Open311Params& p, Date today, const std::string& service_name) {
  ReportInput in;
  in.classification = "complaint";
  in.channel = "open311";
  in.category = param(p, "service_code");
  in.body = param(p, "description");
  // The spec makes the description optional; aduan's reports have a text, so it says what
  // is known: the service and that the sender wrote nothing more (the place is beside it).
  if (in.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    in.body = "Laporan " + service_name + " dari sistem lain melalui Open311, tanpa uraian.";
  }
  in.title = derive_title("", in.body);
  in.incident_date = format_iso_date(today);
  in.location.text = param(p, "address_string");
  in.location.region_code = param(p, "address_id");
  for (const auto& [key, target] :
       {std::pair{"lat", &in.location.lat}, {"long", &in.location.lon}}) {
    const std::string v = param(p, key);
    if (v.empty()) continue;
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    // Not a number: NaN, which validation refuses as out of range.
    *target = (end && *end == '\0') ? d : std::numeric_limits<double>::quiet_NaN();
  }
  if (in.location.text.empty() && in.location.lat && in.location.lon) {
    in.location.text = param(p, "lat") + ", " + param(p, "long");
  }
  // Private unless the sender says its reporter chose to publish (aduan sends its report's
  // choice, server/notify/external_forwarding.h).
  in.confidential = param(p, "attribute[confidential]") != "false";
  const std::string classification = param(p, "attribute[classification]");
  if (!classification.empty()) in.classification = classification;
  in.reporter.email = param(p, "email");
  in.reporter.phone = param(p, "phone");
  in.reporter.name =
      param(p, "first_name") + (param(p, "last_name").empty() ? "" : " " + param(p, "last_name"));
  // The spec makes every contact optional: without one the sending system keeps its reporter,
  // and aduan files the report anonymous (validation then asks for no contact).
  in.anonymous = in.reporter.email.empty() && in.reporter.phone.empty();
  // A picture the client keeps elsewhere: kept as a line of the text, sealed with it, and
  // never fetched (aduan makes no request to an address a client chose).
  const std::string media = param(p, "media_url");
  if (!media.empty()) in.body += (in.body.empty() ? "" : "\n\n") + std::string("Foto: ") + media;
  return in;
}

bool valid_media_url(const std::string& url) {
  if (url.size() > 2000 || !(url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0)) {
    return false;
  }
  const size_t host = url.find("://") + 3;
  if (host >= url.size() || url[host] == '/') return false;
  for (const unsigned char c : url) {
    if (c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  }
  return true;
}

std::optional<int64_t> parse_w3c(const std::string& s, int offset_minutes) {
  const auto day = parse_iso_date(s.substr(0, 10));
  if (!day || (s.size() > 10 && s[10] != 'T')) return std::nullopt;
  if (s.size() == 10) return int64_t{day->days} * 86400 - int64_t{offset_minutes} * 60;
  // hh:mm, then :ss, then a fraction of a second (dropped: reports are kept to the second).
  const int h = two_digits(s, 11), m = s.size() > 13 && s[13] == ':' ? two_digits(s, 14) : -1;
  if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  size_t at = 16;
  int sec = 0;
  if (at < s.size() && s[at] == ':') {
    sec = two_digits(s, at + 1);
    if (sec < 0 || sec > 60) return std::nullopt;
    at += 3;
    if (at < s.size() && s[at] == '.') {
      const size_t digits = at + 1;
      for (++at; at < s.size() && s[at] >= '0' && s[at] <= '9'; ++at) {
      }
      if (at == digits || at - digits > 9) return std::nullopt;
    }
  }
  // The zone: Z, +hh:mm, -hh:mm (+hhmm too, which clients send), or none for local time.
  int zone = offset_minutes;
  const std::string tz = s.substr(at);
  if (tz == "Z") {
    zone = 0;
  } else if (!tz.empty()) {
    const bool colon = tz.size() == 6 && tz[3] == ':';
    if ((tz[0] != '+' && tz[0] != '-') || (!colon && tz.size() != 5)) return std::nullopt;
    const int zh = two_digits(tz, 1), zm = two_digits(tz, colon ? 4 : 3);
    if (zh < 0 || zh > 14 || zm < 0 || zm > 59) return std::nullopt;
    zone = (tz[0] == '-' ? -1 : 1) * (zh * 60 + zm);
  }
  return int64_t{day->days} * 86400 + h * 3600 + m * 60 + sec - int64_t{zone} * 60;
}

}  // namespace aduan

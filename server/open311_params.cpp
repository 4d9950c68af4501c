#include "open311_params.h"

#include <cstdlib>
#include <limits>

#include "inbound_text.h"

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

ReportInput open311_report(const Open311Params& p, Date today) {
  ReportInput in;
  in.classification = "complaint";
  in.channel = "open311";
  in.category = param(p, "service_code");
  in.body = param(p, "description");
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
  const std::string classification = param(p, "attribute[classification]");
  if (!classification.empty()) in.classification = classification;
  in.reporter.email = param(p, "email");
  in.reporter.phone = param(p, "phone");
  in.reporter.name =
      param(p, "first_name") + (param(p, "last_name").empty() ? "" : " " + param(p, "last_name"));
  return in;
}

std::optional<int64_t> parse_w3c(const std::string& s, int offset_minutes) {
  const auto day = parse_iso_date(s.substr(0, 10));
  if (!day) return std::nullopt;
  if (s.size() == 10) return int64_t{day->days} * 86400 - int64_t{offset_minutes} * 60;
  if (s.size() < 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  const int h = two_digits(s, 11), m = two_digits(s, 14), sec = two_digits(s, 17);
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60) return std::nullopt;
  int zone = offset_minutes;
  if (s.size() == 20 && s[19] == 'Z') {
    zone = 0;
  } else if (s.size() == 25 && (s[19] == '+' || s[19] == '-') && s[22] == ':') {
    const int zh = two_digits(s, 20), zm = two_digits(s, 23);
    if (zh < 0 || zh > 14 || zm < 0 || zm > 59) return std::nullopt;
    zone = (s[19] == '-' ? -1 : 1) * (zh * 60 + zm);
  } else if (s.size() != 19) {
    return std::nullopt;
  }
  return int64_t{day->days} * 86400 + h * 3600 + m * 60 + sec - int64_t{zone} * 60;
}

}  // namespace aduan

// Open311 GeoReport v2 parameters as aduan reads them (pure, fuzzed in
// fuzz/open311_params.cpp): a service request becomes a report input, and the spec's W3C
// date-times become Unix seconds.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "shared/date.h"
#include "shared/report.h"

namespace aduan {

using Open311Params = std::map<std::string, std::string>;

// The report a POST /requests asks for, with `today` as its incident date. What the spec
// leaves optional and aduan needs is derived: without a description the text names the
// service (`service_name`), the title is the text's first sentence, and without a contact
// the report is anonymous.
ReportInput open311_report(const Open311Params& p, Date today, const std::string& service_name);

// A media_url aduan keeps: http or https, a host, no spaces or quotes, at most 2,000 bytes.
bool valid_media_url(const std::string& url);

// A W3C date-time (the profile of ISO 8601 that Open311 names) -> Unix seconds:
// "2026-11-20", "2026-11-20T08:00", "2026-11-20T08:00:00", "2026-11-20T08:00:00.500" and each
// time with "Z", "+07:00" or "+0700"; without a zone, in `offset_minutes`. nullopt otherwise.
std::optional<int64_t> parse_w3c(const std::string& s, int offset_minutes);

}  // namespace aduan

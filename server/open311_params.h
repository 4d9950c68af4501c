// Open311 GeoReport v2 parameters as aduan reads them (pure, fuzzed in
// fuzz/open311_params.cpp): a service request becomes a report input, and the spec's W3C
// date-times become Unix seconds.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "date.h"
#include "report.h"

namespace aduan {

using Open311Params = std::map<std::string, std::string>;

// The report a POST /requests asks for, with `today` as its incident date.
ReportInput open311_report(const Open311Params& p, Date today);

// "2026-11-20T08:00:00+07:00", "...Z", "2026-11-20T08:00:00" (in `offset_minutes`) or
// "2026-11-20" -> Unix seconds; nullopt for anything else.
std::optional<int64_t> parse_w3c(const std::string& s, int offset_minutes);

}  // namespace aduan

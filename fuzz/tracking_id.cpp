// Tracking IDs as people type them: parsing never fails badly, and an ID that parses
// prints back to a form that parses to itself.
#include "shared/tracking_id.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view typed(reinterpret_cast<const char*>(data), size);
  const aduan::ParsedTrackingId p = aduan::parse_tracking_id(typed);
  if (p.ok()) {
    const aduan::ParsedTrackingId again =
        aduan::parse_tracking_id(aduan::format_tracking_id(p.canonical));
    if (!again.ok() || again.canonical != p.canonical) std::abort();
  }
  return 0;
}

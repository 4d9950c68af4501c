// Report and action bodies as any client may send them: decoding never throws or crashes,
// and validation of whatever decodes names only fields of the report.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "actions.h"
#include "json_codec.h"
#include "json_staff.h"
#include "validation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const aduan::DecodedReport decoded = aduan::decode_report_json(body);
  if (!decoded.malformed) {
    aduan::ValidationContext ctx;
    ctx.today = aduan::Date{20'415};
    ctx.categories = {"jalan-jembatan", "sampah"};
    ctx.agencies = {"DPUPR"};
    for (const aduan::FieldError& e : aduan::validate_report(decoded.input, ctx)) {
      if (e.field.empty()) std::abort();
    }
    // Normalising twice changes nothing more.
    const aduan::ReportInput once = aduan::normalize_report(decoded.input);
    const aduan::ReportInput twice = aduan::normalize_report(once);
    if (once.title != twice.title || once.body != twice.body ||
        once.reporter.phone != twice.reporter.phone) {
      std::abort();
    }
  }
  const aduan::DecodedAction action = aduan::decode_action_json(body);
  if (!action.malformed) {
    if (const auto a = aduan::parse_action(action.action)) {
      aduan::validate_action(*a, action.input, aduan::ActionContext{});
    }
  }
  return 0;
}

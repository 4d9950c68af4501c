// Report and action bodies as any client may send them: decoding never throws or crashes,
// and validation of whatever decodes names only fields of the report. Inputs that start
// with 'D' are also wrapped in arrays and objects hundreds of thousands of levels deep (the
// corpus's files are small; a deep document is not), which must be refused, never followed.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "formats/json_parse.h"
#include "http/json/codec.h"
#include "http/json/staff.h"
#include "shared/actions.h"
#include "shared/validation.h"

namespace {

// The input inside `levels` of '[' or '{"k":' (as the second byte says), closed or not.
std::string deepen(std::string_view rest, size_t levels, bool objects, bool closed) {
  const std::string open = objects ? "{\"k\":" : "[";
  std::string out;
  out.reserve(levels * (open.size() + 1) + rest.size());
  for (size_t i = 0; i < levels; ++i) out += open;
  out += rest;
  if (closed) out.append(levels, objects ? '}' : ']');
  return out;
}

void deep_documents(std::string_view body) {
  if (body.size() < 3 || body[0] != 'D') return;
  const auto b1 = static_cast<uint8_t>(body[1]), b2 = static_cast<uint8_t>(body[2]);
  const size_t levels = 60 + (size_t(b1) << 4 | (b2 >> 4)) * 64;  // 60 to about 262,000
  const std::string doc = deepen(body.substr(3), levels, b2 & 1, b2 & 2);
  if (!aduan::parse_request_json(doc).is_discarded() && levels > aduan::kMaxJsonDepth) {
    std::abort();  // deeper than the limit, yet parsed
  }
  if (!aduan::decode_report_json(doc).malformed && levels > aduan::kMaxJsonDepth) std::abort();
  aduan::decode_action_json(doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  deep_documents(body);
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

// Open311 POST /requests as a form body: any parameters make a report input that
// validation can judge, and any date parses or is refused without an exception.
#include "formats/open311_params.h"

#include <httplib.h>

#include <cstdint>
#include <string>

#include "shared/validation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  httplib::Params form;
  httplib::detail::parse_query_text(body, form);
  aduan::Open311Params params;
  for (const auto& [k, v] : form) {
    params[k] = v;
    aduan::parse_w3c(v, 7 * 60);
  }
  aduan::parse_w3c(body, 0);
  const aduan::ReportInput in = aduan::open311_report(params, aduan::Date{20'415}, "Jalan");
  aduan::valid_media_url(body);
  aduan::ValidationContext ctx;
  ctx.today = aduan::Date{20'415};
  ctx.categories = {"jalan-jembatan"};
  aduan::validate_report(in, ctx);
  return 0;
}

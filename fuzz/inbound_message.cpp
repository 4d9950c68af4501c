// Messages from SMS, WhatsApp and email: the tracking ID found is a valid one, and the
// title made from any text is valid UTF-8 when the text was.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "formats/inbound_text.h"
#include "shared/text.h"
#include "shared/tracking_id.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find('\n');
  const std::string subject = split == std::string::npos ? "" : input.substr(0, split);
  const std::string text = split == std::string::npos ? input : input.substr(split + 1);
  if (const auto id = aduan::find_tracking_id(text)) {
    if (!aduan::parse_tracking_id(*id).ok()) std::abort();
  }
  const std::string title = aduan::derive_title(subject, text);
  const bool valid_in = aduan::check_text(subject, true) == aduan::TextProblem::kNone &&
                        aduan::check_text(text, true) == aduan::TextProblem::kNone;
  if (valid_in && aduan::check_text(title, true) == aduan::TextProblem::kInvalidUtf8) std::abort();
  return 0;
}

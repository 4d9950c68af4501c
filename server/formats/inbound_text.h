// Reading a message that arrives by SMS, WhatsApp or email: the tracking ID it mentions and
// a title for a new report. Pure text functions (fuzzed in fuzz/inbound_message.cpp).
#pragma once

#include <optional>
#include <string>

namespace aduan {

// The first tracking ID written in `text`, canonical; nullopt when there is none.
std::optional<std::string> find_tracking_id(const std::string& text);

// A title for a report that arrives as a message: the subject or the first line, shortened
// at a word boundary to fit.
std::string derive_title(const std::string& subject, const std::string& text);

}  // namespace aduan

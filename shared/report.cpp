#include "shared/report.h"

#include <array>

#include "shared/names.h"

namespace aduan {
namespace {

constexpr std::array<std::string_view, 3> kClassificationNames = {"complaint", "aspiration",
                                                                  "info_request"};
constexpr std::array<std::string_view, 7> kChannelNames = {"web", "sms",     "whatsapp", "email",
                                                           "api", "open311", "walk_in"};

}  // namespace

std::string_view to_string(Classification c) { return kClassificationNames[size_t(c)]; }
std::string_view to_string(Channel c) { return kChannelNames[size_t(c)]; }
std::optional<Classification> parse_classification(std::string_view s) {
  return internal::enum_from_name<Classification>(kClassificationNames, s);
}
std::optional<Channel> parse_channel(std::string_view s) {
  return internal::enum_from_name<Channel>(kChannelNames, s);
}

}  // namespace aduan

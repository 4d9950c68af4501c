// Internal: lookup of an enum by its stable machine name in a name table.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace aduan::internal {

template <typename Enum, size_t N>
std::optional<Enum> enum_from_name(const std::array<std::string_view, N>& names,
                                   std::string_view s) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace aduan::internal

// A staff member's saved queue view (stored through store/saved_view_repository.h).
#pragma once

#include <cstdint>
#include <string>

namespace aduan {

struct SavedView {
  int64_t id = 0;
  std::string name;
  std::string query;  // the queue's parameters as in its address: "status=forwarded&sort=oldest"
};

// Enough for every view a person uses daily; more would crowd the queue's header.
inline constexpr int kMaxSavedViews = 20;

}  // namespace aduan

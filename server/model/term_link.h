// A pair of terms staff taught the repeated-report matcher by marking a duplicate, as the
// review lists it (kept by store/term_links.h).
#pragma once

#include <cstdint>
#include <string>

namespace aduan {

// At most this many pairs are kept; past it the pairs taught by the fewest marks, the
// oldest among them, make room. Rejected pairs are kept (a reviewer's decision).
inline constexpr int64_t kMaxTermLinks = 50000;

struct TermLinkRow {
  std::string term, linked;
  int64_t marks = 0;
  bool rejected = false;
  int64_t updated_at = 0;
};

}  // namespace aduan

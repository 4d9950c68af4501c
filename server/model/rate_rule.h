// How many failures a limit allows, and how a back-off grows (kept by store/rate_limiter.h;
// the services name their own rules with them).
#pragma once

#include <cstdint>

namespace aduan {

// At most `max_failures` in any `window_seconds`.
struct RateRule {
  int max_failures;
  int64_t window_seconds;
};

// Failures that cost more the more there are: the first `free_failures` in the window cost
// nothing; after that each one makes the next try wait, from the latest failure,
// `first_delay_seconds` doubled per further failure, at most `max_delay_seconds`.
struct BackoffRule {
  int free_failures;
  int64_t first_delay_seconds;
  int64_t max_delay_seconds;
  int64_t window_seconds;  // at most a day: the deadline job prunes older failures
};

}  // namespace aduan

// "I have this problem too": a citizen follows a published report instead of filing it
// again. Following without a contact only counts; a contact gets the report's status changes
// only after it proved to be the follower's own, with a code sent there, so that nobody can
// sign up someone else's phone. The same contact counts once.
#pragma once

#include <cstdint>
#include <string>

#include "model/follower.h"
#include "model/rate_rule.h"

namespace aduan {

class Store;
class Clock;
class Notifier;

struct FollowOutcome {
  enum class Result {
    kFollowed,     // counted (no contact)
    kCodeSent,     // a contact: a code was sent, unless it already follows (the same answer)
    kConfirmed,    // the code was right: the contact follows
    kNotFound,     // no published, open report has this ID (or it is confidential)
    kFinished,     // closed or archived
    kLimited,      // too many follows or wrong codes from this address
    kWrongCode,    // the code is not the one sent (or it expired)
    kUnreachable,  // no transport is configured for this kind of contact
  };
  Result result = Result::kNotFound;
  int64_t followers = 0;
  int64_t retry_after = 0;
};

class FollowService {
 public:
  FollowService(Store& store, const Clock& clock, const Notifier* notifier);

  // `canonical`: a parsed tracking ID; `f`: a checked, normalised contact (or none).
  FollowOutcome follow(const std::string& canonical, const Follower& f, const std::string& address);
  FollowOutcome confirm(const std::string& canonical, const Follower& f, const std::string& code,
                        const std::string& address);

 private:
  Store& store_;
  const Clock& clock_;
  const Notifier* notifier_;
};

// How long a code stays good, and how many wrong ones a pending contact may send.
inline constexpr int64_t kFollowCodeSeconds = 24 * 3600;
inline constexpr int kFollowCodeAttempts = 5;
// A citizen follows a handful of reports, not hundreds: per address and hour.
inline constexpr RateRule kFollowRule{20, 3600};

}  // namespace aduan

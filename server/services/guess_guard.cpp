#include "services/guess_guard.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "store/db.h"
#include "store/rate_limiter.h"

namespace aduan {
namespace {

// Keys of rate_events. An address never holds '|', so "<address>|<secret>" cannot be read
// two ways whatever the secret's name holds.
std::string attempt_key(const std::string& kind, const std::string& secret,
                        const std::string& address) {
  return kind + ".try:" + address + "|" + secret;
}
std::string address_key(const std::string& kind, const std::string& address) {
  return kind + ".addr:" + address;
}
std::string secret_key(const std::string& kind, const std::string& secret) {
  return kind + ".secret:" + secret;
}
std::string all_key(const std::string& kind) { return kind + ".all"; }
// One event per alarm raised, so that a guess going on raises it once per window, not once
// per wrong guess.
std::string alarm_key(const std::string& kind, const std::string& secret) {
  return kind + ".alarm:" + secret;
}
std::string overall_alarm_key(const std::string& kind) { return kind + ".alarm"; }

// Whether the failures under `counted` reached `rule` and no alarm was raised for them in
// the window; if so, records that it is raised now.
bool raise_alarm(Db& db, const std::string& counted, const std::string& alarm, const RateRule& rule,
                 int64_t now) {
  const int64_t since = now - rule.window_seconds;
  if (!RateLimiter::reached(db, counted, rule.max_failures, since)) return false;
  if (RateLimiter::reached(db, alarm, 1, since)) return false;
  RateLimiter::record_failure(db, alarm, now);
  return true;
}

void log_alarm(const std::string& kind, const char* scope, const std::string* secret,
               const RateRule& rule) {
  nlohmann::ordered_json line{
      {"level", "warn"}, {"event", "guessing_alarm"}, {"kind", kind}, {"scope", scope}};
  if (secret) line[kind == "pin" ? "tracking_id" : "username"] = *secret;
  line["wrong_guesses"] = rule.max_failures;
  line["window_seconds"] = rule.window_seconds;
  // One write of a whole line, so lines of concurrent requests do not interleave.
  std::cerr << (line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace

int64_t GuessGuard::begin(Db& db, const std::string& secret, const std::string& address,
                          int64_t now) {
  const std::string attempt = attempt_key(kind_, secret, address);
  const std::string from = address_key(kind_, address);
  const int64_t wait = std::max(RateLimiter::backoff(db, attempt, rules_.per_secret_address, now),
                                RateLimiter::retry_after(db, from, rules_.per_address, now));
  if (wait > 0) return wait;
  RateLimiter::record_failure(db, attempt, now);
  RateLimiter::record_failure(db, from, now);
  return 0;
}

void GuessGuard::succeeded(Db& db, const std::string& secret, const std::string& address,
                           int64_t now) {
  RateLimiter::clear(db, attempt_key(kind_, secret, address));
  RateLimiter::forget_one(db, address_key(kind_, address), now);
}

GuessFailure GuessGuard::failed(Db& db, const std::string& secret, int64_t now) {
  GuessFailure out;
  out.secret = secret;
  RateLimiter::record_failure(db, secret_key(kind_, secret), now);
  RateLimiter::record_failure(db, all_key(kind_), now);
  out.secret_alarm = raise_alarm(db, secret_key(kind_, secret), alarm_key(kind_, secret),
                                 rules_.alarm_per_secret, now);
  out.overall_alarm =
      raise_alarm(db, all_key(kind_), overall_alarm_key(kind_), rules_.alarm_overall, now);
  return out;
}

void GuessGuard::announce(const GuessFailure& failure) {
  ++failures_;
  if (failure.secret_alarm) {
    ++alarms_;
    log_alarm(kind_, kind_ == "pin" ? "report" : "account", &failure.secret,
              rules_.alarm_per_secret);
  }
  if (failure.overall_alarm) {
    ++alarms_;
    log_alarm(kind_, "all", nullptr, rules_.alarm_overall);
  }
}

}  // namespace aduan

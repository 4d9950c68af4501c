// Staff login, sessions and logout. Passwords are checked with Argon2id; wrong ones slow
// down the address they come from, per account and overall (429 with a wait time), never
// the account itself from elsewhere (see services/guess_guard.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/clock.h"
#include "services/caller.h"
#include "services/guess_guard.h"
#include "store/store.h"

namespace aduan {

struct AuthSettings {
  int64_t idle_timeout_seconds = 4 * 3600;
  int64_t absolute_timeout_seconds = 12 * 3600;
  GuessRules guesses = kPasswordGuessRules;
};

struct LoginOutcome {
  enum class Result { kOk, kInvalid, kRateLimited } result = Result::kInvalid;
  int64_t retry_after = 0;  // seconds, with kRateLimited
  std::string token;        // the cookie value, with kOk
  StaffSession session;
};

class AuthService {
 public:
  AuthService(Store& store, const Clock& clock, AuthSettings settings = {});

  LoginOutcome login(const std::string& username, const std::string& password,
                     const std::string& address);

  // The session of a session token, or nullopt when it is unknown, expired or its user
  // is disabled.
  std::optional<StaffSession> authenticate(const std::string& token);

  void logout(const StaffSession& p);

  const AuthSettings& settings() const { return settings_; }
  // Wrong passwords counted and alarms raised since start, for /metrics.
  const GuessGuard& guesses() const { return guard_; }

 private:
  Store& store_;
  const Clock& clock_;
  AuthSettings settings_;
  GuessGuard guard_;
};

}  // namespace aduan

// Slowing down whoever guesses a secret (a report's PIN, a staff account's password) without
// slowing down its owner.
//
// Why no delay for the secret as a whole: a lock or delay per report or per account, counted
// from every address, lets anyone lock the owner out by typing wrong secrets on purpose; it
// was so before (ten wrong PINs locked a report for an hour for everyone). So wrong guesses
// cost time only where they come from:
//  - per (secret, address): free at first, then a delay that doubles per further failure up
//    to a cap; the owner typing the right secret from another address is never delayed;
//  - per address over every secret: a plain limit, so one address cannot spread its guesses
//    over many reports or accounts (beside the in-memory lookup limit, --limit-track);
// and a guess spread over many addresses at one secret, which neither limit slows much, is
// what the alarm is for: when the wrong guesses at one secret (or at all of them) within a
// window pass a threshold, one warning line is logged and /metrics counts it, so that an
// operator can look, block addresses upstream, or reissue the PIN.
//
// Counts live in the store's rate_events (shared by every server on it); the deadline job
// prunes them after a day.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "model/rate_rule.h"
#include "store/db.h"

namespace aduan {

struct GuessRules {
  BackoffRule per_secret_address;  // one secret from one address
  RateRule per_address;            // every wrong guess from one address, any secret
  RateRule alarm_per_secret;       // every address at one secret: past this, the alarm
  RateRule alarm_overall;          // every address at every secret of this kind
};

// Report PINs: 8 digits, 10^8 values.
// - 5 free: a reporter who mistypes a few times (or tries an old PIN) is not held up at all.
// - then 30 s, 1, 2, 4, 8, 16, 32 min, then an hour per try: about 5 + 6 + 23 = 35 tries a day
//   from one address at one report, a chance of 3.5 in 10^7; a million address-days for an
//   even chance. The right PIN from that address still waits its turn, at most an hour.
// - 100 wrong PINs an hour from one address over all reports: more than any number of
//   reporters behind one carrier NAT mistype, and a spray over many reports stays at
//   2400 tries a day, 1 in 40000 of opening any report.
// - Alarm: one address alone gets about 12 tries at one report in an hour, so 20 in an hour
//   means several addresses at it; 500 in an hour over every report is far above the
//   mistypes of a busy deployment.
inline constexpr GuessRules kPinGuessRules{
    {5, 30, 3600, 24 * 3600}, {100, 3600}, {20, 3600}, {500, 3600}};

// Staff passwords: the same shape. A staff member who mistypes five times is not held up;
// a guesser at one account from one address gets about 35 tries a day. The per-address
// limit (20 in 15 minutes, as before) keeps one address from trying a password list
// across every account; an office behind one address still logs in.
inline constexpr GuessRules kPasswordGuessRules{
    {5, 30, 3600, 24 * 3600}, {20, 15 * 60}, {20, 3600}, {100, 3600}};

// What a wrong guess raised, to announce once it is committed.
struct GuessFailure {
  bool secret_alarm = false;
  bool overall_alarm = false;
  std::string secret;  // the report's tracking ID or the account's username
};

class GuessGuard {
 public:
  // `kind` names the secret in keys, logs and metrics: "pin" or "password".
  GuessGuard(std::string kind, GuessRules rules) : kind_(std::move(kind)), rules_(rules) {}

  // Seconds `address` must wait before trying `secret` again, or 0: then this attempt is
  // counted as a failure already, so that concurrent attempts cannot all pass before the
  // first one fails. Call `succeeded` or `failed` once the secret is checked, in the same or
  // a later write.
  int64_t begin(Db& db, const std::string& secret, const std::string& address, int64_t now);
  // The right secret: the delays of `address` for `secret` start over, and the attempt
  // `begin` counted at `now` is taken back.
  void succeeded(Db& db, const std::string& secret, const std::string& address, int64_t now);
  // A wrong secret: counted for the alarms; says which alarms it raises.
  GuessFailure failed(Db& db, const std::string& secret, int64_t now);
  // After the write that called `failed` committed: counts the failure and logs its alarms.
  void announce(const GuessFailure& failure);

  const std::string& kind() const { return kind_; }
  const GuessRules& rules() const { return rules_; }
  uint64_t failures() const { return failures_; }
  uint64_t alarms() const { return alarms_; }

 private:
  std::string kind_;
  GuessRules rules_;
  std::atomic<uint64_t> failures_{0};
  std::atomic<uint64_t> alarms_{0};
};

}  // namespace aduan

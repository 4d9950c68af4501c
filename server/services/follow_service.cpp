#include "services/follow_service.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/secrets.h"
#include "notify/notifier.h"
#include "store/db.h"
#include "store/follower_repository.h"
#include "store/rate_limiter.h"
#include "store/report_repository.h"
#include "store/store.h"

namespace aduan {
namespace {

// The digest a code is kept as: keyed like the PINs (a stolen copy of the store gives up no
// code), and bound to the report and the contact, so that a code sent for one cannot confirm
// another.
std::string code_digest(const Secrets& secrets, const std::string& canonical, const Follower& f,
                        const std::string& code) {
  return secrets.pin_mac("follow:" + canonical + ":" + f.phone + ":" + f.email + ":" + code);
}

std::string make_code() {
  std::string code;
  for (int i = 0; i < 6; ++i) code.push_back(static_cast<char>('0' + random_below(10)));
  return code;
}

// Where the code goes: email when given, otherwise the phone's channel; empty when the
// deployment has no transport for it.
std::string channel_for(const NotifyConfig& c, const Follower& f) {
  if (!f.email.empty()) return c.smtp ? "email" : "";
  return c.gateway ? c.citizen_phone_channel : "";
}

// The report a citizen may follow: published (verified, not confidential) and still open.
FollowOutcome::Result followable(const std::optional<ReportRecord>& r) {
  if (!r || r->confidential || !is_verified(r->status)) return FollowOutcome::Result::kNotFound;
  if (is_final(r->status)) return FollowOutcome::Result::kFinished;
  return FollowOutcome::Result::kFollowed;
}

// The report to follow (or confirm on) if the address is within its limit and the report
// may be followed; otherwise nullopt, and `out` says why.
std::optional<ReportRecord> report_to_follow(Db& db, const std::string& canonical,
                                             const std::string& limit_key, int64_t now,
                                             FollowOutcome* out) {
  out->retry_after = RateLimiter::retry_after(db, limit_key, kFollowRule, now);
  if (out->retry_after > 0) {
    out->result = FollowOutcome::Result::kLimited;
    return std::nullopt;
  }
  auto r = ReportRepository::find_by_tracking_id(db, canonical);
  out->result = followable(r);
  if (out->result != FollowOutcome::Result::kFollowed) return std::nullopt;
  return r;
}

}  // namespace

FollowService::FollowService(Store& store, const Clock& clock, const Notifier* notifier)
    : store_(store), clock_(clock), notifier_(notifier) {}

FollowOutcome FollowService::follow(const std::string& canonical, const Follower& f,
                                    const std::string& address) {
  FollowOutcome out;
  const int64_t now = clock_.now_unix();
  const std::string key = "follow:" + address;
  const bool with_contact = !f.phone.empty() || !f.email.empty();
  const std::string channel = with_contact && notifier_ ? channel_for(notifier_->config(), f) : "";
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto r = report_to_follow(db, canonical, key, now, &out);
    if (!r) return;
    if (with_contact && channel.empty()) {
      out.result = FollowOutcome::Result::kUnreachable;
      return;
    }
    RateLimiter::record_failure(db, key, now);  // every follow counts against the address
    if (!with_contact) {
      out.followers = FollowerRepository::add(db, r->id, f, now);
    } else {
      const std::string code = make_code();
      if (FollowerRepository::add_pending(db, r->id, f,
                                          code_digest(store_.secrets(), canonical, f, code),
                                          now + kFollowCodeSeconds, now)) {
        notifier_->notify_code(db, channel, f.email.empty() ? f.phone : f.email, f.language, code,
                               now);
      }
      // A contact that already follows gets the same answer (and no code): the answer must
      // not tell a stranger who follows a report.
      out.result = FollowOutcome::Result::kCodeSent;
      out.followers = r->followers;
    }
    tx.commit();
  });
  return out;
}

FollowOutcome FollowService::confirm(const std::string& canonical, const Follower& f,
                                     const std::string& code, const std::string& address) {
  FollowOutcome out;
  const int64_t now = clock_.now_unix();
  const std::string key = "follow:" + address;
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto r = report_to_follow(db, canonical, key, now, &out);
    if (!r) return;
    const auto p = FollowerRepository::pending(db, r->id, f.phone, f.email);
    const bool right =
        p && p->code_expires_at > now &&
        equal_secret(code_digest(store_.secrets(), canonical, f, code), p->code_digest);
    if (!right) {
      out.result = FollowOutcome::Result::kWrongCode;
      RateLimiter::record_failure(db, key, now);
      // A pending contact gets a few tries; then it must ask for a new code.
      if (p && (p->attempts + 1 >= kFollowCodeAttempts || p->code_expires_at <= now)) {
        FollowerRepository::remove_pending(db, p->id);
      } else if (p) {
        FollowerRepository::record_wrong_code(db, p->id);
      }
      tx.commit();
      return;
    }
    out.followers = FollowerRepository::confirm(db, r->id, p->id);
    out.result = FollowOutcome::Result::kConfirmed;
    tx.commit();
  });
  return out;
}

}  // namespace aduan

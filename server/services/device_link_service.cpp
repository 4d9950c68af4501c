#include "services/device_link_service.h"

#include <algorithm>

#include "base/clock.h"
#include "base/crypto.h"
#include "base/secrets.h"
#include "notify/notifier.h"
#include "shared/tracking_id.h"
#include "shared/validation.h"
#include "store/db.h"
#include "store/device_link_repository.h"
#include "store/rate_limiter.h"
#include "store/report_repository.h"
#include "store/store.h"

namespace aduan {
namespace {

using R = DeviceOutcome::Result;

// A code is kept as a keyed digest bound to its contact: the database alone gives up no code,
// and a code sent to one contact signs in no other.
std::string code_digest(const Secrets& secrets, const std::string& contact_id,
                        const std::string& code) {
  return secrets.contact_mac("code:" + contact_id + ":" + code);
}

std::string make_code() {
  std::string code;
  for (int i = 0; i < kLinkCodeDigits; ++i) {
    code.push_back(static_cast<char>('0' + random_below(10)));
  }
  return code;
}

// The channel a code goes by: e-mail, or the phone's channel (WhatsApp or SMS); empty when the
// deployment has no transport for it.
std::string channel_for(const Notifier* notifier, const ContactKey& c) {
  if (!notifier) return {};
  const NotifyConfig& config = notifier->config();
  if (c.is_email) return config.smtp ? "email" : "";
  return config.gateway ? config.citizen_phone_channel : "";
}

// The contact typed, checked by the core; false (and `out` says why) when it is not one.
bool read_contact(const std::string& typed, ContactKey* contact, DeviceOutcome* out) {
  *contact = parse_contact(typed);
  if (!contact->error) return true;
  out->result = R::kInvalid;
  out->errors.push_back({"contact", *contact->error});
  return false;
}

// Everything below needs a current session; nullopt (and kSignedOut) without one.
std::optional<std::string> session_of(Db& db, const std::string& token, int64_t now,
                                      DeviceOutcome* out) {
  auto contact = token.empty() ? std::nullopt
                               : DeviceLinkRepository::session_contact(db, digest_hex(token), now);
  if (!contact) out->result = R::kSignedOut;
  return contact;
}

}  // namespace

DeviceLinkService::DeviceLinkService(Store& store, const Clock& clock, const Notifier* notifier,
                                     CitizenService& citizens)
    : store_(store), clock_(clock), notifier_(notifier), citizens_(citizens) {}

DeviceOutcome DeviceLinkService::send_code(const std::string& typed_contact,
                                           const std::string& language,
                                           const std::string& address) {
  DeviceOutcome out;
  ContactKey contact;
  if (!read_contact(typed_contact, &contact, &out)) return out;
  const std::string channel = channel_for(notifier_, contact);
  if (channel.empty()) {
    out.result = R::kUnreachable;
    return out;
  }
  const int64_t now = clock_.now_unix();
  const std::string id = DeviceLinkRepository::contact_id(store_.secrets(), contact.key);
  const std::string per_contact = "link-code:" + id;
  const std::string per_address = "link-send:" + address;
  store_.write([&](Db& db) {
    Transaction tx(db);
    out.retry_after =
        std::max(RateLimiter::retry_after(db, per_address, kLinkCodesPerAddress, now),
                 RateLimiter::retry_after(db, per_contact, kLinkCodesPerContact, now));
    if (out.retry_after > 0) {
      out.result = R::kLimited;
      return;
    }
    RateLimiter::record_failure(db, per_address, now);
    RateLimiter::record_failure(db, per_contact, now);
    // Sent whether or not the contact has reports: a first link needs a code too, and the
    // answer must not tell a stranger whether this contact reported anything.
    const std::string code = make_code();
    DeviceLinkRepository::put_code(db, id, code_digest(store_.secrets(), id, code),
                                   now + kLinkCodeSeconds);
    notifier_->notify_code(db, channel, contact.key, language == "en" ? "en" : "id", code, now,
                           "link_code");
    tx.commit();
    out.result = R::kCodeSent;
  });
  return out;
}

DeviceOutcome DeviceLinkService::sign_in(const std::string& typed_contact, const std::string& code,
                                         const std::string& address) {
  DeviceOutcome out;
  ContactKey contact;
  if (!read_contact(typed_contact, &contact, &out)) return out;
  const int64_t now = clock_.now_unix();
  const std::string id = DeviceLinkRepository::contact_id(store_.secrets(), contact.key);
  const std::string per_address = "link-wrong:" + address;
  store_.write([&](Db& db) {
    Transaction tx(db);
    out.retry_after = RateLimiter::retry_after(db, per_address, kLinkWrongCodesPerAddress, now);
    if (out.retry_after > 0) {
      out.result = R::kLimited;
      return;
    }
    const auto sent = DeviceLinkRepository::code(db, id);
    const bool right = sent && sent->expires_at > now && sent->attempts < kLinkCodeAttempts &&
                       equal_secret(code_digest(store_.secrets(), id, code), sent->code_digest);
    if (!right) {
      out.result = R::kWrongCode;
      RateLimiter::record_failure(db, per_address, now);
      // The code's last try, or a code already expired, is gone: the next needs a new code.
      if (sent && (sent->attempts + 1 >= kLinkCodeAttempts || sent->expires_at <= now)) {
        DeviceLinkRepository::remove_code(db, id);
      } else if (sent) {
        DeviceLinkRepository::record_wrong_code(db, id);
      }
      tx.commit();
      return;
    }
    DeviceLinkRepository::remove_code(db, id);  // once only
    out.token = random_hex(32);
    out.expires_at = now + kDeviceSessionSeconds;
    DeviceLinkRepository::add_session(db, digest_hex(out.token), id, now, out.expires_at);
    tx.commit();
    out.result = R::kOk;
  });
  return out;
}

DeviceOutcome DeviceLinkService::reports(const std::string& token) {
  DeviceOutcome out;
  const int64_t now = clock_.now_unix();
  store_.read([&](Db& db) {
    const auto contact = session_of(db, token, now, &out);
    if (!contact) return;
    const auto ids = DeviceLinkRepository::reports(db, store_.secrets(), *contact);
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) {  // the newest link first
      const auto r = ReportRepository::find_by_id(db, *it);
      if (!r) continue;  // a report since removed (retention) is just not listed
      out.reports.push_back({r->tracking_id, r->title, r->status, r->anonymous, r->created_at});
    }
  });
  return out;
}

DeviceOutcome DeviceLinkService::link(const std::string& token, const std::string& typed_id,
                                      const std::string& pin, bool anonymous_consent,
                                      const std::string& address) {
  DeviceOutcome out;
  const int64_t now = clock_.now_unix();
  std::optional<std::string> contact;
  store_.read([&](Db& db) { contact = session_of(db, token, now, &out); });
  if (!contact) return out;
  // The PIN proves the report is the reporter's, under the PIN's own guessing limits.
  out.citizen = citizens_.open(typed_id, CitizenKey(pin), address);
  if (out.citizen.result != CitizenOutcome::Result::kOk) {
    out.result = R::kCitizen;
    return out;
  }
  const ReportRecord& r = out.citizen.view->report;
  if (r.anonymous && !anonymous_consent) {
    out.result = R::kNeedsConsent;
    return out;
  }
  store_.write([&](Db& db) {
    Transaction tx(db);
    auto ids = DeviceLinkRepository::reports(db, store_.secrets(), *contact);
    if (std::find(ids.begin(), ids.end(), r.id) == ids.end()) {
      if (ids.size() >= kMaxLinkedReports) {
        out.result = R::kInvalid;
        out.errors.push_back({"tracking_id", FieldCode::kTooMany});
        return;
      }
      ids.push_back(r.id);
      DeviceLinkRepository::set_reports(db, store_.secrets(), *contact, ids);
    }
    tx.commit();
  });
  if (out.result != R::kOk) return out;
  out.reports.push_back({r.tracking_id, r.title, r.status, r.anonymous, r.created_at});
  return out;
}

DeviceOutcome DeviceLinkService::unlink(const std::string& token, const std::string& typed_id) {
  DeviceOutcome out;
  const ParsedTrackingId parsed = parse_tracking_id(typed_id);
  const int64_t now = clock_.now_unix();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto contact = session_of(db, token, now, &out);
    if (!contact) return;
    if (!parsed.ok()) {
      out.result = R::kCitizen;
      out.citizen.result = CitizenOutcome::Result::kBadTrackingId;
      out.citizen.id_error = parsed.error;
      return;
    }
    const auto r = ReportRepository::find_by_tracking_id(db, parsed.canonical);
    auto ids = DeviceLinkRepository::reports(db, store_.secrets(), *contact);
    // Not linked (or no such report): nothing to do, and the same answer.
    if (!r || std::erase(ids, r->id) == 0) return;
    DeviceLinkRepository::set_reports(db, store_.secrets(), *contact, ids);
    tx.commit();
  });
  return out;
}

DeviceOutcome DeviceLinkService::sign_out(const std::string& token, bool everywhere) {
  DeviceOutcome out;
  const int64_t now = clock_.now_unix();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto contact = session_of(db, token, now, &out);
    if (!contact) return;
    if (everywhere) {
      DeviceLinkRepository::remove_sessions(db, *contact);
    } else {
      DeviceLinkRepository::remove_session(db, digest_hex(token));
    }
    tx.commit();
  });
  return out;
}

}  // namespace aduan

#include "services/auth_service.h"

#include <algorithm>

#include "base/crypto.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/session_repository.h"
#include "store/user_repository.h"

namespace aduan {
namespace {

// Verifying against this when the account does not exist keeps the answer time the same,
// so response times do not reveal which usernames exist.
const std::string& dummy_hash() {
  static const std::string hash = hash_password("not a real password");
  return hash;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

StaffSession session_for(Db& db, const User& u) {
  StaffSession p;
  p.user_id = u.id;
  p.username = u.username;
  p.name = u.display_name;
  p.role = u.role;
  p.agency_id = u.agency_id;
  p.must_change_password = u.must_change_password;
  if (u.agency_id) p.agency_scope = agency_subtree(db, *u.agency_id);
  return p;
}

}  // namespace

AuthService::AuthService(Store& store, const Clock& clock, AuthSettings settings)
    : store_(store), clock_(clock), settings_(settings), guard_("password", settings.guesses) {}

LoginOutcome AuthService::login(const std::string& username, const std::string& password,
                                const std::string& address) {
  LoginOutcome out;
  const int64_t now = clock_.now_unix();
  const std::string account = lower(username);
  std::optional<User> user;
  // The attempt is counted before the slow hash, so concurrent tries from one address cannot
  // all pass the wait before the first of them fails.
  store_.write_grouped([&](Db& db) {
    out.retry_after = guard_.begin(db, account, address, now);
    if (out.retry_after == 0) user = UserRepository::find_by_username(db, username);
  });
  if (out.retry_after > 0) {
    out.result = LoginOutcome::Result::kRateLimited;
    return out;
  }
  const bool password_ok = verify_password(user ? user->password_hash : dummy_hash(), password);
  const bool ok = user && password_ok && !user->disabled;

  GuessFailure failure;
  store_.write([&](Db& db) {
    Transaction tx(db);
    if (!ok) {
      failure = guard_.failed(db, account, now);
      tx.commit();
      return;
    }
    guard_.succeeded(db, account, address, now);
    UserRepository::record_login(db, user->id, now);
    out.token = random_hex(32);
    out.session = session_for(db, *user);
    out.session.csrf_token = random_hex(32);
    out.session.token_hash = digest_hex(out.token);
    SessionRepository::insert(
        db, SessionRecord{out.session.token_hash, user->id, out.session.csrf_token, now, now,
                          now + settings_.absolute_timeout_seconds});
    tx.commit();
  });
  if (!ok) guard_.announce(failure);
  out.result = ok ? LoginOutcome::Result::kOk : LoginOutcome::Result::kInvalid;
  return out;
}

std::optional<StaffSession> AuthService::authenticate(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  const int64_t now = clock_.now_unix();
  const std::string hash = digest_hex(token);
  std::optional<StaffSession> out;
  bool stale_touch = false;
  store_.read([&](Db& db) {
    const auto session = SessionRepository::find(db, hash);
    if (!session || session->expires_at <= now ||
        session->last_seen_at + settings_.idle_timeout_seconds <= now) {
      return;
    }
    const auto user = UserRepository::find_by_id(db, session->user_id);
    if (!user || user->disabled) return;
    out = session_for(db, *user);
    out->csrf_token = session->csrf_token;
    out->token_hash = hash;
    // Writing on every request would serialise all reads behind the writer; a minute's
    // precision is plenty for an idle timeout of hours.
    stale_touch = now - session->last_seen_at >= 60;
  });
  if (out && stale_touch) {
    store_.write([&](Db& db) { SessionRepository::touch(db, hash, now); });
  }
  return out;
}

void AuthService::logout(const StaffSession& p) {
  store_.write([&](Db& db) { SessionRepository::remove(db, p.token_hash); });
}

}  // namespace aduan

#include "store/follower_repository.h"

#include "store/db.h"
#include "store/prepared.h"

namespace aduan {
namespace {

// The row of the same contact on the report (report_followers_contact, migration 0015).
constexpr const char* kSameContact =
    "report_id = ? AND phone = ? AND lower(email) = lower(?) AND (phone != '' OR email != '')";

void bind_contact(Prepared& q, int first, int64_t report_id, const std::string& phone,
                  const std::string& email) {
  q.bind(first, report_id);
  q.bind(first + 1, phone);
  q.bind(first + 2, email);
}

int64_t count_one_more(Db& db, int64_t report_id) {
  Prepared count(db,
                 "UPDATE reports SET followers = followers + 1 WHERE id = ? RETURNING followers");
  count.bind(1, report_id);
  return count.executeStep() ? count.getColumn(0).getInt64() : 0;
}

int64_t current_count(Db& db, int64_t report_id) {
  Prepared q(db, "SELECT followers FROM reports WHERE id = ?");
  q.bind(1, report_id);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

// The contact's row on the report and whether it is confirmed, if there is one.
std::optional<std::pair<int64_t, bool>> find_contact(Db& db, int64_t report_id, const Follower& f) {
  if (f.phone.empty() && f.email.empty()) return std::nullopt;
  Prepared q(db, std::string("SELECT id, confirmed FROM report_followers WHERE ") + kSameContact);
  bind_contact(q, 1, report_id, f.phone, f.email);
  if (!q.executeStep()) return std::nullopt;
  return std::make_pair(q.getColumn(0).getInt64(), q.getColumn(1).getInt() != 0);
}

}  // namespace

int64_t FollowerRepository::add(Db& db, int64_t report_id, const Follower& f, int64_t now) {
  if (const auto existing = find_contact(db, report_id, f)) {
    if (existing->second) return current_count(db, report_id);
    return confirm(db, report_id, existing->first);
  }
  Prepared insert(db,
                  "INSERT INTO report_followers (report_id, phone, email, language, "
                  "from_report_id, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, report_id);
  insert.bind(2, f.phone);
  insert.bind(3, f.email);
  insert.bind(4, f.language);
  if (f.from_report_id) {
    insert.bind(5, *f.from_report_id);
  } else {
    insert.bind(5);
  }
  insert.bind(6, now);
  insert.exec();
  return count_one_more(db, report_id);
}

bool FollowerRepository::add_pending(Db& db, int64_t report_id, const Follower& f,
                                     const std::string& code_digest, int64_t expires_at,
                                     int64_t now) {
  if (const auto existing = find_contact(db, report_id, f)) {
    if (existing->second) return false;
    Prepared renew(db,
                   "UPDATE report_followers SET code_digest = ?, code_expires_at = ?, "
                   "code_attempts = 0, language = ? WHERE id = ?");
    renew.bind(1, code_digest);
    renew.bind(2, expires_at);
    renew.bind(3, f.language);
    renew.bind(4, existing->first);
    renew.exec();
    return true;
  }
  Prepared insert(db,
                  "INSERT INTO report_followers (report_id, phone, email, language, created_at, "
                  "confirmed, code_digest, code_expires_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)");
  insert.bind(1, report_id);
  insert.bind(2, f.phone);
  insert.bind(3, f.email);
  insert.bind(4, f.language);
  insert.bind(5, now);
  insert.bind(6, code_digest);
  insert.bind(7, expires_at);
  insert.exec();
  return true;
}

std::optional<PendingFollower> FollowerRepository::pending(Db& db, int64_t report_id,
                                                           const std::string& phone,
                                                           const std::string& email) {
  Prepared q(db, std::string("SELECT id, code_digest, code_expires_at, code_attempts "
                             "FROM report_followers WHERE confirmed = 0 AND ") +
                     kSameContact);
  bind_contact(q, 1, report_id, phone, email);
  if (!q.executeStep()) return std::nullopt;
  return PendingFollower{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                         q.getColumn(2).getInt64(), q.getColumn(3).getInt()};
}

int64_t FollowerRepository::confirm(Db& db, int64_t report_id, int64_t follower_id) {
  Prepared q(db,
             "UPDATE report_followers SET confirmed = 1, code_digest = '', code_expires_at = 0 "
             "WHERE id = ? AND confirmed = 0");
  q.bind(1, follower_id);
  if (q.exec() == 0) return current_count(db, report_id);
  return count_one_more(db, report_id);
}

void FollowerRepository::record_wrong_code(Db& db, int64_t follower_id) {
  Prepared q(db, "UPDATE report_followers SET code_attempts = code_attempts + 1 WHERE id = ?");
  q.bind(1, follower_id);
  q.exec();
}

void FollowerRepository::remove_pending(Db& db, int64_t follower_id) {
  Prepared q(db, "DELETE FROM report_followers WHERE id = ? AND confirmed = 0");
  q.bind(1, follower_id);
  q.exec();
}

std::vector<Follower> FollowerRepository::with_contact(Db& db, int64_t report_id) {
  Prepared q(db,
             "SELECT phone, email, language, from_report_id FROM report_followers "
             "WHERE report_id = ? AND confirmed = 1 AND (phone != '' OR email != '') ORDER BY id");
  q.bind(1, report_id);
  std::vector<Follower> out;
  while (q.executeStep()) {
    Follower f;
    f.phone = q.getColumn(0).getString();
    f.email = q.getColumn(1).getString();
    f.language = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) f.from_report_id = q.getColumn(3).getInt64();
    out.push_back(f);
  }
  return out;
}

}  // namespace aduan

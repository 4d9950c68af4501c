#include "follower_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "prepared.h"

namespace aduan {

int64_t FollowerRepository::add(SQLite::Database& db, int64_t report_id, const Follower& f,
                                int64_t now) {
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
  Prepared count(db,
                 "UPDATE reports SET followers = followers + 1 WHERE id = ? RETURNING followers");
  count.bind(1, report_id);
  return count.executeStep() ? count.getColumn(0).getInt64() : 0;
}

std::vector<Follower> FollowerRepository::with_contact(SQLite::Database& db, int64_t report_id) {
  Prepared q(db,
             "SELECT phone, email, language, from_report_id FROM report_followers "
             "WHERE report_id = ? AND (phone != '' OR email != '') ORDER BY id");
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

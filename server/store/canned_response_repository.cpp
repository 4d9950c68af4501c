#include "store/canned_response_repository.h"

#include "store/db.h"
#include "store/dialect.h"
#include "store/prepared.h"

namespace aduan {
namespace {

// The list's key in the index (agency_id, 0 for none): the coordinators' list is 0, which is
// no agency's id.
int64_t key(CannedList list) { return list.value_or(0); }

constexpr const char* kColumns =
    "SELECT c.id, c.agency_id, c.title, c.text, c.created_at, c.updated_at, c.updated_by, "
    "coalesce(u.display_name, c.updated_by), c.version FROM canned_responses c "
    "LEFT JOIN users u ON u.username = c.updated_by ";

CannedResponse read_row(Prepared& q) {
  CannedResponse c;
  c.id = q.getColumn(0).getInt64();
  if (!q.getColumn(1).isNull()) c.agency_id = q.getColumn(1).getInt64();
  c.title = q.getColumn(2).getString();
  c.text = q.getColumn(3).getString();
  c.created_at = q.getColumn(4).getInt64();
  c.updated_at = q.getColumn(5).getInt64();
  c.updated_by = q.getColumn(6).getString();
  c.updated_by_name = q.getColumn(7).getString();
  c.version = q.getColumn(8).getInt64();
  return c;
}

}  // namespace

std::vector<CannedResponse> CannedResponseRepository::list(Db& db, CannedList list) {
  Prepared q(db, std::string(kColumns) + "WHERE " + dialect::zero_if_null(db, "c.agency_id") +
                     " = ? ORDER BY " + dialect::zero_if_null(db, "c.agency_id") +
                     ", lower(c.title)");
  q.bind(1, key(list));
  std::vector<CannedResponse> out;
  while (q.executeStep()) out.push_back(read_row(q));
  return out;
}

std::optional<CannedResponse> CannedResponseRepository::find(Db& db, CannedList list, int64_t id) {
  Prepared q(db, std::string(kColumns) + "WHERE c.id = ? AND " +
                     dialect::zero_if_null(db, "c.agency_id") + " = ?");
  q.bind(1, id);
  q.bind(2, key(list));
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

int64_t CannedResponseRepository::count(Db& db, CannedList list) {
  Prepared q(db, "SELECT count(*) FROM canned_responses WHERE " +
                     dialect::zero_if_null(db, "agency_id") + " = ?");
  q.bind(1, key(list));
  q.executeStep();
  return q.getColumn(0).getInt64();
}

int64_t CannedResponseRepository::count_all(Db& db) {
  Prepared q(db, "SELECT count(*) FROM canned_responses");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

bool CannedResponseRepository::title_taken(Db& db, CannedList list, const std::string& title,
                                           int64_t except) {
  Prepared q(db, "SELECT 1 FROM canned_responses WHERE " + dialect::zero_if_null(db, "agency_id") +
                     " = ? AND lower(title) = "
                     "lower(?) AND id != ?");
  q.bind(1, key(list));
  q.bind(2, title);
  q.bind(3, except);
  return q.executeStep();
}

int64_t CannedResponseRepository::insert(Db& db, CannedList list, const std::string& title,
                                         const std::string& text, const std::string& by,
                                         int64_t now) {
  Prepared q(db,
             "INSERT INTO canned_responses(agency_id, title, text, created_at, updated_at, "
             "updated_by) VALUES(?, ?, ?, ?, ?, ?) RETURNING id");
  if (list) {
    q.bind(1, *list);
  } else {
    q.bind(1);  // NULL: the coordinators' list
  }
  q.bind(2, title);
  q.bind(3, text);
  q.bind(4, now);
  q.bind(5, now);
  q.bind(6, by);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

bool CannedResponseRepository::update(Db& db, CannedList list, int64_t id, const std::string& title,
                                      const std::string& text, const std::string& by, int64_t now) {
  Prepared q(db,
             "UPDATE canned_responses SET title = ?, text = ?, updated_at = ?, updated_by = ?, "
             "version = version + 1 "
             "WHERE id = ? AND " +
                 dialect::zero_if_null(db, "agency_id") + " = ?");
  q.bind(1, title);
  q.bind(2, text);
  q.bind(3, now);
  q.bind(4, by);
  q.bind(5, id);
  q.bind(6, key(list));
  return q.exec() > 0;
}

bool CannedResponseRepository::remove(Db& db, CannedList list, int64_t id) {
  Prepared q(db, "DELETE FROM canned_responses WHERE id = ? AND " +
                     dialect::zero_if_null(db, "agency_id") + " = ?");
  q.bind(1, id);
  q.bind(2, key(list));
  return q.exec() > 0;
}

}  // namespace aduan

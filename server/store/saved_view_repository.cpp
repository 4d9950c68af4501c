#include "store/saved_view_repository.h"

#include "store/db.h"
#include "store/dialect.h"
#include "store/prepared.h"

namespace aduan {

std::vector<SavedView> SavedViewRepository::list(Db& db, int64_t user_id) {
  Prepared q(db, "SELECT id, name, query FROM saved_views WHERE user_id = ? ORDER BY " +
                     dialect::order_ignoring_case(db, "name") + ", id");
  q.bind(1, user_id);
  std::vector<SavedView> out;
  while (q.executeStep()) {
    out.push_back(
        {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  }
  return out;
}

std::optional<SavedView> SavedViewRepository::save(Db& db, int64_t user_id, const std::string& name,
                                                   const std::string& query, int64_t now) {
  Prepared update(db, "UPDATE saved_views SET query = ? WHERE user_id = ? AND name = ?");
  update.bind(1, query);
  update.bind(2, user_id);
  update.bind(3, name);
  if (update.exec() == 0) {
    Prepared count(db, "SELECT count(*) FROM saved_views WHERE user_id = ?");
    count.bind(1, user_id);
    count.executeStep();
    if (count.getColumn(0).getInt() >= kMaxSavedViews) return std::nullopt;
    Prepared insert(db,
                    "INSERT INTO saved_views(user_id, name, query, created_at) "
                    "VALUES(?, ?, ?, ?)");
    insert.bind(1, user_id);
    insert.bind(2, name);
    insert.bind(3, query);
    insert.bind(4, now);
    insert.exec();
  }
  Prepared q(db, "SELECT id FROM saved_views WHERE user_id = ? AND name = ?");
  q.bind(1, user_id);
  q.bind(2, name);
  q.executeStep();
  return SavedView{q.getColumn(0).getInt64(), name, query};
}

bool SavedViewRepository::remove(Db& db, int64_t user_id, int64_t id) {
  Prepared q(db, "DELETE FROM saved_views WHERE user_id = ? AND id = ?");
  q.bind(1, user_id);
  q.bind(2, id);
  return q.exec() > 0;
}

}  // namespace aduan

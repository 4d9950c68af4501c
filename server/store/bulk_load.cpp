#include "store/bulk_load.h"

#include "store/prepared.h"

namespace aduan {

// On PostgreSQL a load is one transaction with its indexes kept: the shortcuts are SQLite's.
BulkLoad::BulkLoad(Db& db) : db_(db) {
  if (db_.engine() != Engine::kSqlite) return;
  db_.exec("PRAGMA synchronous=OFF");
  db_.exec("PRAGMA cache_size=-1048576");
}

BulkLoad::~BulkLoad() {
  if (db_.engine() != Engine::kSqlite) return;
  try {
    db_.exec("PRAGMA synchronous=FULL");
    db_.exec("PRAGMA cache_size=-2000");  // SQLite's default again
  } catch (...) {  // the connection is the store's writer: a failure here surfaces on its next use
  }
}

void BulkLoad::drop_indexes() {
  if (db_.engine() != Engine::kSqlite) return;
  std::vector<std::string> names;
  {
    Prepared q(db_,
               "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
               "AND tbl_name IN ('reports', 'report_events', 'stage_records', 'report_terms')");
    while (q.executeStep()) {
      names.push_back(q.getColumn(0).getString());
      indexes_.push_back(q.getColumn(1).getString());
    }
  }
  for (const std::string& name : names) db_.exec("DROP INDEX \"" + name + "\"");
}

void BulkLoad::rebuild_indexes() {
  // PostgreSQL kept its indexes, but plans from statistics its autovacuum gathers only a
  // while after a load; ANALYZE within the load's transaction counts the rows it wrote.
  if (db_.engine() == Engine::kPostgresql) db_.exec("ANALYZE");
  for (const std::string& sql : indexes_) db_.exec(sql);
  indexes_.clear();
}

}  // namespace aduan

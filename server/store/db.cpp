#include "store/db.h"

#include "store/db_engine.h"
#include "store/dialect.h"

namespace aduan {

// The same statements SQLiteCpp's own Transaction runs on SQLite, a deferred BEGIN; on
// PostgreSQL the BEGIN takes the write lock (store/dialect.h).
Transaction::Transaction(Db& db) : db_(db) { db_.exec(dialect::begin(db)); }

Transaction::~Transaction() {
  if (done_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (...) {  // a failed rollback leaves SQLite to roll back when the connection closes
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace aduan

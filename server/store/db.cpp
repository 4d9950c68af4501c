#include "store/db.h"

#include "store/db_engine.h"

namespace aduan {

// The same statements SQLiteCpp's own Transaction runs; a deferred BEGIN, as before.
Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN"); }

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

// The SQLite engine's connection: a Db for the repositories, and SQLiteCpp's Database for
// what only SQLite does (pragmas, the backup API, a test reading the file as it is).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>

#include "store/db_engine.h"

namespace aduan {

// SQLite::Database comes first so that it is built before the Db and closed after it, when
// the Db's statements are gone.
class SqliteDb : public SQLite::Database, public Db {
 public:
  SqliteDb(const std::string& path, int flags = SQLite::OPEN_READONLY, int busy_timeout_ms = 0);
  ~SqliteDb() override;

  Engine engine() const override { return Engine::kSqlite; }
  void exec(const std::string& sql) override { SQLite::Database::exec(sql); }
  std::unique_ptr<Statement> prepare(const std::string& sql) override;
  bool in_transaction() override;
  bool has_written() override;
  std::string location() override;
};

// The SQLite connection under a Db that the store opened on a file (a logic error on another
// engine): for what is SQLite's alone.
SqliteDb& sqlite_of(Db& db);

}  // namespace aduan

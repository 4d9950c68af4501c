#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>

namespace aduan {
namespace {

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(SQLite::Database& db, const std::string& sql) : statement_(db, sql) {}

  void bind_null(int index) override { statement_.bind(index); }
  void bind_int64(int index, int64_t value) override { statement_.bind(index, value); }
  void bind_double(int index, double value) override { statement_.bind(index, value); }
  void bind_text(int index, const std::string& value) override { statement_.bind(index, value); }
  void bind_blob(int index, const void* data, size_t size) override {
    statement_.bind(index, data, static_cast<int>(size));
  }
  bool step() override { return statement_.executeStep(); }
  int run() override { return statement_.exec(); }
  void reset() override {
    statement_.reset();
    statement_.clearBindings();
  }
  int column_count() override { return statement_.getColumnCount(); }
  bool is_null(int column) override { return statement_.isColumnNull(column); }
  int64_t int64_at(int column) override { return statement_.getColumn(column).getInt64(); }
  double double_at(int column) override { return statement_.getColumn(column).getDouble(); }
  std::string_view text_at(int column) override {
    const SQLite::Column c = statement_.getColumn(column);
    const char* text = c.getText();  // before getBytes, as SQLite asks
    return std::string_view(text, static_cast<size_t>(c.getBytes()));
  }

 private:
  SQLite::Statement statement_;
};

}  // namespace

SqliteDb::SqliteDb(const std::string& path, int flags, int busy_timeout_ms)
    : SQLite::Database(path, flags, busy_timeout_ms) {}

SqliteDb::~SqliteDb() { drop_statements(); }

std::unique_ptr<Statement> SqliteDb::prepare(const std::string& sql) {
  return std::make_unique<SqliteStatement>(*this, sql);
}

bool SqliteDb::in_transaction() { return sqlite3_get_autocommit(getHandle()) == 0; }

bool SqliteDb::has_written() { return sqlite3_txn_state(getHandle(), "main") == SQLITE_TXN_WRITE; }

std::string SqliteDb::location() { return sqlite3_db_filename(getHandle(), "main"); }

SqliteDb& sqlite_of(Db& db) {
  if (db.engine() != Engine::kSqlite) throw std::logic_error("not a SQLite store");
  return static_cast<SqliteDb&>(db);
}

}  // namespace aduan

// The PostgreSQL engine's connection, over libpq: the same Db the repositories write their
// SQL against, with `?` parameters numbered for PostgreSQL and every statement prepared once
// on the server. Text in, text out; bytea both ways as bytes.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/db_engine.h"

namespace aduan {

// What PostgreSQL refused, with its SQLSTATE (class 08: the connection; 53: resources; 57P:
// the server shutting down; 25006: a read-only server). The store turns it into a
// StorageError (store/store.cpp).
class PostgresqlError : public std::runtime_error {
 public:
  PostgresqlError(std::string sqlstate, const std::string& what)
      : std::runtime_error(what), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

struct PostgresqlOptions {
  int connect_timeout_s = 5;
  // Longer than any request of ours; a statement stuck behind a lock gives up instead of
  // holding a request thread for ever.
  int statement_timeout_ms = 30000;
  // How long a write waits for a row or table another session holds: as long as SQLite's
  // busy timeout, after which the request answers 503 storage_busy as it does there.
  int lock_timeout_ms = 5000;
  bool read_only = false;  // a reader's connection: every transaction READ ONLY
};

class PostgresqlDb final : public Db {
 public:
  // `url`: a libpq connection URI ("postgresql://aduan@db.example/aduan") or key=value string.
  // Throws PostgresqlError when the server cannot be reached.
  explicit PostgresqlDb(const std::string& url, PostgresqlOptions options = {});
  ~PostgresqlDb() override;

  Engine engine() const override { return Engine::kPostgresql; }
  void exec(const std::string& sql) override;
  std::unique_ptr<Statement> prepare(const std::string& sql) override;
  std::unique_ptr<Statement> prepare_once(const std::string& sql) override;
  bool reuses_one_plan() const override { return true; }
  bool in_transaction() override;
  bool has_written() override;
  std::string location() override;
  bool usable() override;
  void begin_pipeline() override;
  void settle() override;
  void end_pipeline() noexcept override;
  void sync_unread() override;

  PGconn* handle() { return conn_; }
  // The error of a call that failed on this connection, as a PostgresqlError.
  [[noreturn]] void fail(const PGresult* result, const std::string& what);
  PostgresqlError error_of(const PGresult* result, const std::string& what);
  int next_statement_number() { return ++statements_made_; }

  // In a pipeline: whether one is open, that a command was sent (`what` names it in its
  // error), and the answers read up to a sync sent now: the last command's result, owned by
  // the caller (null when it gave none), or the first error among them thrown.
  bool pipelined() const { return pipelined_; }
  void sent(std::string what) { due_answers_.push_back(std::move(what)); }
  PGresult* sync_and_read();

 private:
  void connect();
  std::string url_;
  PostgresqlOptions options_;
  PGconn* conn_ = nullptr;
  int statements_made_ = 0;
  bool pipelined_ = false;
  // In due_answers_: a sync sent by sync_unread, whose answer ends the commands before it.
  static constexpr const char* kSyncDue = "";
  std::vector<std::string> due_answers_;  // the commands whose answers are still due
};

// Whether `location` names a PostgreSQL database rather than a SQLite file.
bool is_postgresql_url(const std::string& location);

// `sql` with each `?` parameter written as PostgreSQL's $1, $2, ... (not inside quotes,
// quoted names or comments); `count` gets how many there were.
std::string numbered_parameters(const std::string& sql, int* count);

}  // namespace aduan

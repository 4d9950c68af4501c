// Prepared statements kept per connection and reused. Preparing a statement costs more
// than running most of ours, and more again for statements that write reports, events or
// stage records: SQLite compiles the monitoring counters' triggers into each of them.
//
// The cache belongs to a StoreConnection (the Store's connections); a plain SQLite::Database
// (a test's or a tool's own) gets a freshly prepared statement each time, as before.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/db_engine.h"

namespace aduan {

// A database connection with its cache of prepared statements. (Named for the store: the
// HTTP layer has a Connection of its own, and one name for two classes breaks the linker's
// one-definition rule.)
class StoreConnection : public Db {
 public:
  StoreConnection(const std::string& path, int flags, int busy_timeout_ms);
  ~StoreConnection();
  StoreConnection(const StoreConnection&) = delete;
  StoreConnection& operator=(const StoreConnection&) = delete;

 private:
  friend class Prepared;
  struct Entry {
    std::unique_ptr<SQLite::Statement> statement;
    bool in_use = false;
  };
  // Bounded: statements built with varying text (IN lists) would otherwise pile up.
  static constexpr size_t kMaxStatements = 256;
  std::unordered_map<std::string, Entry> statements_;
};

// Every statement text prepared while a StatementLog is alive (one at a time), so that a
// test can ask SQLite for the plan of each query a request ran.
class StatementLog {
 public:
  StatementLog();
  ~StatementLog();
  std::vector<std::string> take();  // what was prepared since the last take, in order

 private:
  friend class Prepared;
  void add(const std::string& sql);
  std::mutex mutex_;
  std::vector<std::string> seen_;
};

// One use of a statement: the connection's cached one when it has it free, else a new one.
// Reset and unbound when the use ends, ready for the next.
class Prepared {
 public:
  Prepared(Db& db, const std::string& sql);
  ~Prepared();
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  template <class... Args>
  void bind(Args&&... args) {
    statement_->bind(std::forward<Args>(args)...);
  }
  bool executeStep() { return statement_->executeStep(); }
  int exec() { return statement_->exec(); }
  SQLite::Column getColumn(int index) { return statement_->getColumn(index); }
  int getColumnCount() const { return statement_->getColumnCount(); }
  void reset() { statement_->reset(); }
  SQLite::Statement& operator*() { return *statement_; }

 private:
  SQLite::Statement* statement_ = nullptr;
  StoreConnection::Entry* entry_ = nullptr;  // when borrowed from the cache
  std::unique_ptr<SQLite::Statement> own_;
};

// "?,?,?": `n` parameters for an IN list.
std::string placeholders(size_t n);
// "12,40,913": ids written into an IN list (numbers, so nothing to escape); "NULL" for none,
// which matches nothing.
std::string id_list(const std::vector<int64_t>& ids);

}  // namespace aduan

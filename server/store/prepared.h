// One use of a statement on a Db (store/db_engine.h): the connection's prepared one when it is
// free, else a new one; reset and unbound when the use ends, ready for the next. Written the
// way SQLiteCpp's Statement reads, the names the repositories were written with.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/db_engine.h"

namespace aduan {

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

class Prepared {
 public:
  Prepared(Db& db, const std::string& sql);
  ~Prepared();
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  void bind(int index) { statement_->bind_null(index); }
  void bind(int index, int value) { statement_->bind_int64(index, value); }
  void bind(int index, unsigned value) { statement_->bind_int64(index, value); }
  void bind(int index, long value) { statement_->bind_int64(index, value); }
  void bind(int index, long long value) { statement_->bind_int64(index, value); }
  void bind(int index, double value) { statement_->bind_double(index, value); }
  void bind(int index, const std::string& value) { statement_->bind_text(index, value); }
  void bind(int index, const char* value) { statement_->bind_text(index, value); }
  void bind(int index, std::string_view value) { statement_->bind_text(index, std::string(value)); }
  // Bytes, kept as a blob (SQLite) or bytea (PostgreSQL).
  void bind(int index, const void* data, int size) {
    statement_->bind_blob(index, data, static_cast<size_t>(size));
  }

  // The next row, running the statement the first time; false when there is none.
  bool executeStep() { return statement_->step(); }
  // Runs a statement that gives no rows; the number of rows it changed.
  int exec() { return statement_->run(); }
  // Runs a statement that gives no rows, its count unread: in a pipeline it is sent and its
  // error, if any, comes with the next statement that waits (Db::begin_pipeline).
  void send() { statement_->send(); }
  Column getColumn(int index) { return Column(*statement_, index); }
  int getColumnCount() const { return statement_->column_count(); }
  void reset() { statement_->reset(); }

 private:
  // The connection's statement of this text when it is free, else one of its own.
  void borrow_or_own(Db& db, const std::string& sql);

  Statement* statement_ = nullptr;
  bool* in_use_ = nullptr;  // when borrowed from the connection's statements
  std::unique_ptr<Statement> own_;
};

// The first column of the first row of `sql` (0 or "" when there is no row).
int64_t query_int64(Db& db, const std::string& sql);
std::string query_string(Db& db, const std::string& sql);

// "?,?,?": `n` parameters for an IN list.
std::string placeholders(size_t n);
// Binds items[from], items[from + 1] ... to the parameters 1 to n of an IN list of `n`
// (placeholders(n)), the list filled up with items[from] past the items' end: one statement
// text for any number of items, which the connection prepares once, and a value repeated in
// the list matches nothing more.
template <typename T>
void bind_list(Prepared& q, const std::vector<T>& items, size_t from, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    q.bind(static_cast<int>(i + 1), items[from + i < items.size() ? from + i : from]);
  }
}
// "12,40,913": ids written into an IN list (numbers, so nothing to escape); "NULL" for none,
// which matches nothing.
std::string id_list(const std::vector<int64_t>& ids);

// PostgreSQL's text of an array, bound as one parameter cast to the array's type
// (`?::text[]`, `?::bigint[]`): any number of values in one statement text. Each text is
// quoted, its quotes and backslashes escaped, so that nothing in one can end the element.
std::string text_array(const std::vector<std::string>& items);
std::string bigint_array(const std::vector<int64_t>& items);

}  // namespace aduan

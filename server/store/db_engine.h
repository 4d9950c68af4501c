// What a Db is inside the store: a connection to one of the storage engines (SQLite,
// store/sqlite_db.h; PostgreSQL, store/postgresql_db.h), its prepared statements and the
// values they give back. The repositories write their SQL once against this; only the store's
// own files include it, and the layers above see store/db.h (cmake/check_layers.cmake).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/db.h"

namespace aduan {

enum class Engine { kSqlite, kPostgresql };

// A statement prepared on one connection, as an engine runs it. Parameters are numbered
// from 1 and written `?` in the SQL; columns from 0. Errors are thrown.
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void bind_null(int index) = 0;
  virtual void bind_int64(int index, int64_t value) = 0;
  virtual void bind_double(int index, double value) = 0;
  virtual void bind_text(int index, const std::string& value) = 0;
  virtual void bind_blob(int index, const void* data, size_t size) = 0;
  // Runs the statement the first time, then moves to the next row: false when there is none.
  virtual bool step() = 0;
  // Runs a statement that gives no rows; the number of rows it changed.
  virtual int run() = 0;
  // Runs a statement that gives no rows and whose count nobody reads. An engine that can may
  // send it and go on: in a pipeline (Db::begin_pipeline) its error, if any, is thrown by the
  // next statement that is waited for.
  virtual void send() { run(); }
  // Ready to run again, with no parameter bound.
  virtual void reset() = 0;
  virtual int column_count() = 0;
  virtual bool is_null(int column) = 0;
  virtual int64_t int64_at(int column) = 0;
  virtual double double_at(int column) = 0;
  // Valid until the next step or reset. Text and bytes alike (a blob's bytes as they are).
  virtual std::string_view text_at(int column) = 0;
};

// One column of the row a statement stands on, read the way SQLiteCpp's Column reads (the
// names the repositories were written with). A NULL reads as 0 or "".
class Column {
 public:
  Column(Statement& statement, int index) : statement_(&statement), index_(index) {}
  bool isNull() const { return statement_->is_null(index_); }
  int64_t getInt64() const { return statement_->int64_at(index_); }
  int getInt() const { return static_cast<int>(statement_->int64_at(index_)); }
  double getDouble() const { return statement_->double_at(index_); }
  std::string getString() const { return std::string(statement_->text_at(index_)); }
  const char* getText() const { return statement_->text_at(index_).data(); }
  const void* getBlob() const { return statement_->text_at(index_).data(); }
  int getBytes() const { return static_cast<int>(statement_->text_at(index_).size()); }

 private:
  Statement* statement_;
  int index_;
};

// A connection. Used by one thread at a time (the Store hands it out), so it needs no lock.
class Db {
 public:
  virtual ~Db() = default;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  virtual Engine engine() const = 0;
  // Runs one or more statements that give no rows.
  virtual void exec(const std::string& sql) = 0;
  virtual std::unique_ptr<Statement> prepare(const std::string& sql) = 0;
  // A statement for one use, which the connection does not keep: an engine may run it more
  // cheaply than one prepared for reuse.
  virtual std::unique_ptr<Statement> prepare_once(const std::string& sql) { return prepare(sql); }
  // Whether a statement kept for reuse runs on one plan whatever its values (PostgreSQL
  // settles on a generic plan after five uses).
  virtual bool reuses_one_plan() const { return false; }
  // Whether a transaction is open on this connection, and whether it has written.
  virtual bool in_transaction() = 0;
  virtual bool has_written() = 0;
  // What the connection is to: the file or the database, for caches kept per store.
  virtual std::string location() = 0;
  // Whether the connection can still be used; one whose server went away is opened again by
  // the store before its next use (a SQLite file's connection always can).
  virtual bool usable() { return true; }
  // Statements sent one after another without waiting for the answers nobody reads
  // (Statement::send), until end_pipeline; any other statement waits for every answer before
  // its own. An engine without it runs each statement as it comes (SQLite, in-process).
  virtual void begin_pipeline() {}
  // Reads the answers still due, throwing the first error among them.
  virtual void settle() {}
  // Sends what was sent so far with a sync point and reads nothing: the server runs it all
  // and tells the session idle; the answers are read at the next wait.
  virtual void sync_unread() {}
  // Reads the answers still due, their errors dropped (the caller has one already), and
  // leaves the pipeline. Called from destructors: throws nothing.
  virtual void end_pipeline() noexcept {}
  // Forgets the statements prepared on this connection (after it was opened again).
  void forget_statements() { statements_.clear(); }

  // Kept by the store for the length of a grouped write (Store::lead_group) and only then:
  // the audit chain's head (store/audit_chain.h) as the group's writers moved it, as event
  // id and link. Every other writer waits for the write lock until the group commits, so
  // the head is read once per group rather than once per event, each read a wait for
  // PostgreSQL's answer in the one writer every write goes through. The head is forgotten
  // after a writer's changes are undone, so that the next one reads it as it is again.
  // Also report ids taken from PostgreSQL's sequence several at a time and not used yet
  // (ReportRepository::add), lowest first; an undone writer leaves them, as a sequence's
  // numbers are never given back.
  // And what the group's writers leave to its end, written once for all of them just before
  // the commit (Store::lead_group): the postings of its reports (store/term_postings.h), the
  // matcher's (term, report id) rows and the staff search's; and on PostgreSQL the reports
  // and events it added, whose counters are counted then (tallies::count_group). One statement of
  // each for the group instead of one per report, and the rows several reports share (a term's
  // count, a term's newest block, a day's counter) updated once; an undone writer's are
  // dropped with it.
  struct GroupPending {
    std::vector<std::pair<std::string, int64_t>> matcher;
    std::vector<std::pair<std::string, int64_t>> search;
    std::vector<int64_t> reports;
    std::vector<std::pair<int64_t, int64_t>> events;  // report id, event id
    // How many of each a writer found when it began, to drop its own if it is undone.
    struct Mark {
      size_t matcher, search, reports, events;
    };
    Mark mark() const { return {matcher.size(), search.size(), reports.size(), events.size()}; }
    void undo_to(const Mark& m) {
      matcher.resize(m.matcher);
      search.resize(m.search);
      reports.resize(m.reports);
      events.resize(m.events);
    }
  };
  struct GroupMemo {
    bool active = false;
    std::optional<std::pair<int64_t, std::string>> chain_head;
    std::deque<int64_t> report_ids;
    GroupPending pending;
  };
  GroupMemo group_memo;

 protected:
  Db() = default;
  // Each engine clears them before closing its connection.
  void drop_statements() { statements_.clear(); }

 private:
  friend class Prepared;
  struct Entry {
    std::unique_ptr<Statement> statement;
    bool in_use = false;
  };
  // Preparing a statement costs more than running most of ours (SQLite compiles the
  // counters' triggers into every write of a report), so each is prepared once per
  // connection. Bounded: statements built with varying text (IN lists) would pile up.
  static constexpr size_t kMaxStatements = 256;
  std::unordered_map<std::string, Entry> statements_;
};

}  // namespace aduan

#include "store/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <exception>
#include <span>
#include <stdexcept>

#include "base/embedded.h"
#include "base/secrets.h"
#include "base/storage_error.h"
#include "base/wakeup.h"
#include "store/audit_chain.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/derived_rules.h"
#include "store/postgresql_db.h"
#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "store/tallies.h"
#include "store/term_postings.h"

namespace aduan {
namespace {

std::unique_ptr<Db> open_sqlite(const std::string& path, bool writer) {
  // NOMUTEX: a connection is used by one thread at a time (the writer under its mutex, a
  // reader leased from the pool), so SQLite's own per-call locking is only cost.
  const int flags = SQLite::OPEN_NOMUTEX | (writer ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE
                                                   : SQLite::OPEN_READWRITE);
  auto db = std::make_unique<SqliteDb>(path, flags, /*busy_timeout_ms=*/5000);
  if (writer) {
    db->exec("PRAGMA journal_mode=WAL");
    // FULL: a commit has reached the disk before we answer 201.
    db->exec("PRAGMA synchronous=FULL");
    // 64 MB of pages for the writer (SQLite's default is 2 MB): a group of submissions
    // touches a few leaf pages in each of the reports' indexes, the events, the counters and
    // the search index; with 2 MB those pages were written out to the WAL in the middle of
    // the transaction and read back for the next group. Counted in the RSS budget.
    db->exec("PRAGMA cache_size=-65536");
    // Each grouped write runs in a savepoint, and SQLite copies every page a savepoint first
    // changes into a sub-journal so that it can roll back; in memory, not a temporary file
    // written with a system call per page (a third of a submission's time before).
    db->exec("PRAGMA temp_store=MEMORY");
  } else {
    db->exec("PRAGMA query_only=1");
  }
  db->exec("PRAGMA foreign_keys=ON");
  return db;
}

// A connection to the store at `location`: a PostgreSQL URL or a SQLite file.
std::unique_ptr<Db> open_connection(const std::string& location, bool writer) {
  if (!is_postgresql_url(location)) return open_sqlite(location, writer);
  PostgresqlOptions options;
  options.read_only = !writer;
  return std::make_unique<PostgresqlDb>(location, options);
}

// One snapshot for a whole read: PostgreSQL's READ COMMITTED would give each statement its own.
const char* begin_read(Db& db) {
  return db.engine() == Engine::kSqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ";
}

// Every aduan server on one PostgreSQL database takes this advisory lock to migrate, so that
// servers started together migrate once, one after the other (its key is "aduan" in ASCII).
constexpr const char* kLockMigrations = "SELECT pg_advisory_lock(435744806254)";
constexpr const char* kUnlockMigrations = "SELECT pg_advisory_unlock(435744806254)";

std::vector<EmbeddedFile> in_order(std::span<const EmbeddedFile> files) {
  std::vector<EmbeddedFile> out(files.begin(), files.end());
  std::sort(out.begin(), out.end(),
            [](const EmbeddedFile& a, const EmbeddedFile& b) { return a.name < b.name; });
  return out;
}

// Files are named NNNN_what.sql; the number is the schema version they lead to.
int version_of(const EmbeddedFile& f) {
  return std::atoi(std::string(f.name.substr(0, f.name.find('_'))).c_str());
}

// Applies each of `files` newer than the store's version, in its own transaction with the
// statement that records the version it leads to, after `prelude`. Returns how many it applied.
int apply_newer(Db& db, std::span<const EmbeddedFile> files, const std::string& version_sql,
                const std::function<std::string(int)>& record_sql,
                const std::string& prelude = "") {
  const int current = static_cast<int>(query_int64(db, version_sql));
  int applied = 0;
  for (const EmbeddedFile& f : in_order(files)) {
    const int version = version_of(f);
    if (version <= current) continue;
    Transaction tx(db);
    if (!prelude.empty()) db.exec(prelude);
    db.exec(std::string(f.data));
    db.exec(record_sql(version));
    tx.commit();
    ++applied;
  }
  return applied;
}

int apply_sqlite_migrations(Db& db) {
  return apply_newer(db, embedded_migrations(), "PRAGMA user_version",
                     [](int v) { return "PRAGMA user_version=" + std::to_string(v); });
}

int apply_postgresql_migrations(Db& db) {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  // A migration may rebuild an index of many millions of rows (0034: 2.4 million events in
  // 1.4 s), past a request's statement timeout, and must wait for the table's lock behind the
  // requests of servers still running: longer bounds for its own transaction only.
  return apply_newer(
      db, embedded_postgresql_migrations(), "SELECT coalesce(max(version), 0) FROM schema_version",
      [](int v) {
        return "DELETE FROM schema_version; INSERT INTO schema_version VALUES (" +
               std::to_string(v) + ")";
      },
      "SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = '60s'");
}

}  // namespace

int apply_migrations(Db& db) {
  if (db.engine() == Engine::kSqlite) {
    const int applied = apply_sqlite_migrations(db);
    // The triggers that keep counters and postings in step are generated from one
    // description; an older store's are brought up to it here.
    sync_derived_rules(db);
    return applied;
  }
  // Session-level, so that it holds across the migrations' own transactions.
  db.exec(kLockMigrations);
  struct Unlock {
    Db& db;
    ~Unlock() {
      try {
        db.exec(kUnlockMigrations);
      } catch (...) {  // a lost connection lets go of its locks by itself
      }
    }
  } unlock{db};
  const int applied = apply_postgresql_migrations(db);
  sync_derived_rules(db);
  return applied;
}

int latest_schema_version(Engine engine) {
  int latest = 0;
  for (const EmbeddedFile& f :
       engine == Engine::kSqlite ? embedded_migrations() : embedded_postgresql_migrations()) {
    latest = std::max(latest, version_of(f));
  }
  return latest;
}

int schema_version_of(Db& db) {
  return static_cast<int>(query_int64(db, db.engine() == Engine::kSqlite
                                              ? "PRAGMA user_version"
                                              : "SELECT max(version) FROM schema_version"));
}

namespace {

StorageError::Kind kind_of(int primary) {
  switch (primary) {
    case SQLITE_FULL:
      return StorageError::Kind::kFull;
    case SQLITE_READONLY:
      return StorageError::Kind::kReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StorageError::Kind::kBusy;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return StorageError::Kind::kUnavailable;
    default:
      return StorageError::Kind::kOther;
  }
}

// PostgreSQL's, by SQLSTATE (Appendix A of its manual): the connection, the server shutting
// down or refusing new connections, resources, a read-only server (a standby, or
// default_transaction_read_only), and waits that gave up.
StorageError::Kind kind_of(const std::string& state) {
  const std::string group = state.substr(0, 2);
  if (state == "53100") return StorageError::Kind::kFull;
  if (state == "25006") return StorageError::Kind::kReadOnly;
  if (state == "40001" || state == "40P01" || state == "55P03" || state == "57014") {
    return StorageError::Kind::kBusy;
  }
  if (group == "08" || group == "53" || group == "57" || group == "58" || state == "XX000") {
    return StorageError::Kind::kUnavailable;
  }
  return StorageError::Kind::kOther;
}

// SQLite's errors as the layers above see them (base/storage_error.h); anything else passes
// as it is. A failed write reads as SQLITE_IOERR whatever the cause, and by the time it
// reaches us SQLite has rolled back and the operating system's error is gone. Whether the
// files may be written at all is asked again, so that the answer can say "read-only"
// (http/http_errors.cpp turns the kinds into 503 storage_full, storage_read_only, ...).
// A read that fails is no sign of a read-only disk: only writes ask.
enum class Access { kRead, kWrite };

std::exception_ptr classify(std::exception_ptr error, const std::string& path,
                            Access access = Access::kWrite) {
  try {
    std::rethrow_exception(error);
  } catch (const SQLite::Exception& e) {
    int code = e.getErrorCode();
    const int primary = code & 0xFF;
    if (access == Access::kWrite && (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN)) {
      for (const std::string& file : {path, path + "-wal"}) {
        if (::access(file.c_str(), W_OK) != 0 && errno != ENOENT) code = SQLITE_READONLY;
      }
    }
    return std::make_exception_ptr(StorageError(kind_of(code & 0xFF), code, e.what()));
  } catch (const PostgresqlError& e) {
    return std::make_exception_ptr(StorageError(kind_of(e.sqlstate()), 0, e.what()));
  } catch (...) {
  }
  return error;
}

}  // namespace

// A file that cannot be opened or migrated is a storage fault like any other (classify).
Store::Store(const std::string& path, int readers) try : path_(path) {
  writer_ = open_connection(path, true);
  apply_migrations(*writer_);
  // The years of national holidays this binary ships that the store has not seen yet, as
  // provisional ones (docs/operations.md, "Holidays").
  load_shipped_holidays(*writer_);
  for (int i = 0; i < std::max(1, readers); ++i) {
    idle_readers_.push_back(open_connection(path, false));
  }
} catch (...) {
  std::rethrow_exception(classify(std::current_exception(), path));
}

Store::Store(const std::string& path, int readers, const std::string& key_path)
    : Store(path, readers) {
  const std::string check = stored_key_check(*writer_);
  if (check.empty()) {
    secrets_ = std::make_unique<const Secrets>(Secrets::load_or_create(key_path));
    adopt_audit_key(*writer_, *secrets_, StoredPins::kWrap);
    return;
  }
  // A new key would make every link and every PIN unverifiable: only the store's own.
  try {
    secrets_ = std::make_unique<const Secrets>(Secrets::load(key_path));
  } catch (const KeyFileError& e) {
    throw KeyFileError(std::string(e.what()) + "; " + path +
                       " was linked with an audit key: restore that key from its backup "
                       "(docs/operations.md, \"The audit key\")");
  }
  if (secrets_->check() != check) {
    throw KeyFileError("the audit key " + key_path + " is not the key " + path +
                       " was linked with (docs/operations.md, \"The audit key\")");
  }
}

Store::~Store() = default;

const Secrets& Store::secrets() const {
  if (!secrets_) throw std::logic_error("the store was opened without its audit key");
  return *secrets_;
}

void Store::reopen_if_lost(std::unique_ptr<Db>& db, bool writer) {
  // A PostgreSQL server that restarted closed our sessions; the next use opens a new one, and
  // until the server is back that fails as a storage fault (503) like any other.
  if (!db->usable()) db = open_connection(path_, writer);
}

void Store::write(const std::function<void(Db&)>& fn) {
  std::lock_guard lock(write_mutex_);
  try {
    reopen_if_lost(writer_, true);
    fn(*writer_);
  } catch (...) {
    std::rethrow_exception(classify(std::current_exception(), path_));
  }
}

namespace {

// A pipeline on a connection for as long as it is in scope (Db::begin_pipeline).
class Pipeline {
 public:
  explicit Pipeline(Db& db) : db_(db) { db_.begin_pipeline(); }
  ~Pipeline() { db_.end_pipeline(); }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

 private:
  Db& db_;
};

// Db::group_memo kept for as long as it is in scope, and forgotten after (the group's
// transaction has ended, committed or not, and the lock is about to go).
class GroupMemoScope {
 public:
  explicit GroupMemoScope(Db& db) : db_(db) { db_.group_memo = {.active = true}; }
  ~GroupMemoScope() { db_.group_memo = {}; }
  GroupMemoScope(const GroupMemoScope&) = delete;
  GroupMemoScope& operator=(const GroupMemoScope&) = delete;

 private:
  Db& db_;
};

}  // namespace

// Its fields are written and read under group_mutex_ only.
struct Store::GroupedWrite {
  const std::function<void(Db&)>* fn;
  std::exception_ptr error;
  bool done = false;  // the group holding it ended, with `error` set if it failed
  bool lead = false;  // its thread is to write the next group
  // Notified once, after `done` or `lead` is set, with group_mutex_ held: each waiting
  // caller is woken on its own when there is something for it, never every waiter for every
  // group.
  Wakeup woken;
};

void Store::write_grouped(const std::function<void(Db&)>& fn) {
  GroupedWrite mine{&fn};
  bool leads = false;
  {
    std::lock_guard lock(group_mutex_);
    group_pending_.push_back(&mine);
    // No group is being written: this caller writes one, with whatever else has arrived.
    if (!group_leader_) group_leader_ = leads = true;
  }
  if (!leads) {
    mine.woken.wait();
    // The caller that woke it holds the lock until notify() has returned: taken once
    // here, it makes sure that call is over before `mine` goes.
    std::lock_guard lock(group_mutex_);
    leads = mine.lead;
  }
  // A leader's own write is the first of what is pending, so in the group it writes.
  if (leads) lead_group(&mine);
  if (mine.error) std::rethrow_exception(mine.error);
}

void Store::lead_group(GroupedWrite* self) {
  constexpr size_t kMaxGroup = 512;
  std::vector<GroupedWrite*> group;
  {
    std::lock_guard lock(group_mutex_);
    if (group_pending_.size() <= kMaxGroup) {
      group.swap(group_pending_);
    } else {
      const auto end = group_pending_.begin() + static_cast<long>(kMaxGroup);
      group.assign(group_pending_.begin(), end);
      group_pending_.erase(group_pending_.begin(), end);
    }
  }
  std::exception_ptr commit_error;
  {
    std::lock_guard writer(write_mutex_);
    try {
      reopen_if_lost(writer_, true);
      Transaction tx(*writer_);
      GroupMemoScope memo(*writer_);
      {
        // The writes' statements whose answers nothing reads go out without waiting for
        // them (Prepared::send); each writer's RELEASE waits for all of its own, so that an
        // error among them still undoes that writer alone.
        Pipeline pipeline(*writer_);
        // Prepared once per connection: parsing these three for every write cost more than
        // running them.
        auto run = [this](const char* sql) { Prepared(*writer_, sql).exec(); };
        tallies::begin_group(*writer_);
        Db::GroupPending& pending = writer_->group_memo.pending;
        for (GroupedWrite* w : group) {
          Prepared(*writer_, "SAVEPOINT grouped").send();
          const Db::GroupPending::Mark posted = pending.mark();
          try {
            (*w->fn)(*writer_);
            run("RELEASE grouped");
          } catch (...) {
            w->error = classify(std::current_exception(), path_);
            try {
              writer_->settle();  // the answers of what the writer sent before it failed
            } catch (...) {
              // One of them failed too: the rollback undoes it with the rest.
            }
            run("ROLLBACK TO grouped");
            run("RELEASE grouped");
            writer_->group_memo.chain_head.reset();  // moved by the writer just undone
            pending.undo_to(posted);
          }
        }
        // After every writer, so that each of the group's reports is there for its rows,
        // with its events.
        write_group_postings(*writer_);
        tallies::count_group(*writer_);
        // Nothing is due after a RELEASE; were anything, its error fails the group here
        // rather than going unheard at the pipeline's end.
        writer_->settle();
      }
      tx.commit();  // one fsync for the whole group
    } catch (...) {
      // Nothing may leave here before the group's callers are told, or they would wait
      // for good: not even a failure to make the error.
      try {
        commit_error = classify(std::current_exception(), path_);
      } catch (...) {
        commit_error = std::current_exception();
      }
    }
  }
  // The next group is written by the first caller waiting, with what arrived during this
  // one; this caller goes back to its client instead of writing groups for as long as
  // others keep coming.
  std::lock_guard lock(group_mutex_);
  if (group_pending_.empty()) {
    group_leader_ = false;
  } else {
    group_pending_.front()->lead = true;
    group_pending_.front()->woken.notify();
  }
  for (GroupedWrite* w : group) {
    if (commit_error) w->error = commit_error;
    w->done = true;
    if (w != self) w->woken.notify();
  }
}

// A caller waiting for a reader: the connection is handed to it, and then it is woken, with
// pool_mutex_ held.
struct Store::ReaderWait {
  std::unique_ptr<Db> db;
  Wakeup handed;
};

void Store::read(const std::function<void(Db&)>& fn) {
  std::unique_ptr<Db> db;
  {
    // In turn: a freed connection goes to the caller that has waited longest. Woken to race
    // for it, as with a condition variable, a waiting caller could lose it to others again
    // and again: at 32 clients on 2 cores the staff queue's p99 was 47 ms instead of 22.
    ReaderWait wait;
    {
      std::lock_guard lock(pool_mutex_);
      if (reader_waits_.empty() && !idle_readers_.empty()) {
        db = std::move(idle_readers_.back());
        idle_readers_.pop_back();
      } else {
        reader_waits_.push_back(&wait);
      }
    }
    if (!db) {
      wait.handed.wait();
      // The caller that handed it over holds the lock until notify() has returned: taken
      // once here, it makes sure that call is over before `wait` goes.
      std::lock_guard lock(pool_mutex_);
      db = std::move(wait.db);
    }
  }
  // Give the connection back even when `fn` throws: to the first caller waiting, if any.
  struct Return {
    Store* store;
    std::unique_ptr<Db>* db;
    ~Return() {
      std::lock_guard lock(store->pool_mutex_);
      if (store->reader_waits_.empty()) {
        store->idle_readers_.push_back(std::move(*db));
      } else {
        ReaderWait* next = store->reader_waits_.front();
        store->reader_waits_.pop_front();
        next->db = std::move(*db);
        next->handed.notify();
      }
    }
  } give_back{this, &db};
  // One read transaction for the whole call: every query sees the same snapshot of the
  // store, and the WAL's read lock is taken once instead of once per statement.
  try {
    reopen_if_lost(db, false);
    // A reader's connection stays in a pipeline (PostgreSQL): the BEGIN goes out with the
    // read's first query, and the COMMIT, sent with a sync at once (the snapshot ends, the
    // session is idle), has its answer read with the next read's: two waits fewer per read.
    // PostgreSQL's READ COMMITTED would give each statement a snapshot of its own.
    db->begin_pipeline();
    Prepared(*db, begin_read(*db)).send();
    fn(*db);
    if (db->in_transaction()) {
      Prepared(*db, "COMMIT").send();
      db->sync_unread();
    }
  } catch (...) {
    const std::exception_ptr error = std::current_exception();
    try {
      if (db->in_transaction()) Prepared(*db, "ROLLBACK").exec();
    } catch (...) {
      // The error that ended the read is the one to report.
    }
    std::rethrow_exception(classify(error, path_, Access::kRead));
  }
}

StoreSnapshot::StoreSnapshot(const std::string& path) try
    : path_(path),
      db_(is_postgresql_url(path) ? open_connection(path, false)
                                  : std::make_unique<SqliteDb>(path, SQLite::OPEN_READONLY)) {
} catch (...) {
  std::rethrow_exception(classify(std::current_exception(), path, Access::kRead));
}

StoreSnapshot::~StoreSnapshot() = default;

int StoreSnapshot::schema_version() {
  int version = 0;
  read([&](Db& db) { version = schema_version_of(db); });
  return version;
}

void StoreSnapshot::read(const std::function<void(Db&)>& fn) {
  try {
    Prepared(*db_, begin_read(*db_)).exec();
    fn(*db_);
    Prepared(*db_, "COMMIT").exec();
  } catch (...) {
    try {
      if (db_->in_transaction()) Prepared(*db_, "ROLLBACK").exec();
    } catch (...) {  // the error that ended the read is the one to report
    }
    std::rethrow_exception(classify(std::current_exception(), path_, Access::kRead));
  }
}

bool is_postgresql_location(const std::string& location) { return is_postgresql_url(location); }

void configure_storage_engine() {
  // Without memory statistics (which aduan does not read) each allocation SQLite makes skips
  // a process-wide mutex that every request thread would otherwise queue on.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

bool Store::exclusively(const std::string& name, const std::function<void()>& fn) {
  std::unique_lock local(exclusive_mutex_, std::try_to_lock);
  if (!local.owns_lock()) return false;
  if (!is_postgresql_url(path_)) {
    fn();
    return true;
  }
  std::string key;
  try {
    if (!lock_db_ || !lock_db_->usable()) lock_db_ = open_connection(path_, false);
    // The name's hash as the lock's key: hashtext is PostgreSQL's own, the same on every
    // server of any build.
    key = "hashtext('aduan:" + name + "')";
    if (!query_int64(*lock_db_, "SELECT CAST(pg_try_advisory_lock(" + key + ") AS INTEGER)")) {
      return false;
    }
  } catch (...) {
    std::rethrow_exception(classify(std::current_exception(), path_, Access::kRead));
  }
  struct Unlock {
    Db& db;
    const std::string& key;
    ~Unlock() {
      try {
        db.exec("SELECT pg_advisory_unlock(" + key + ")");
      } catch (...) {  // a lost connection has let go of its locks already
      }
    }
  } unlock{*lock_db_, key};
  fn();
  return true;
}

int Store::schema_version() {
  int version = 0;
  read([&](Db& db) { version = schema_version_of(db); });
  return version;
}

}  // namespace aduan

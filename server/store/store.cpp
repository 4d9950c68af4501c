#include "store/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <exception>
#include <stdexcept>

#include "base/embedded.h"
#include "base/secrets.h"
#include "base/storage_error.h"
#include "store/audit_chain.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/derived_rules.h"
#include "store/prepared.h"
#include "store/sqlite_db.h"

namespace aduan {
namespace {

std::unique_ptr<Db> open_connection(const std::string& path, bool writer) {
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

}  // namespace

int apply_migrations(Db& db) {
  std::vector<EmbeddedFile> files(embedded_migrations().begin(), embedded_migrations().end());
  std::sort(files.begin(), files.end(),
            [](const EmbeddedFile& a, const EmbeddedFile& b) { return a.name < b.name; });
  const int current = static_cast<int>(query_int64(db, "PRAGMA user_version"));
  int applied = 0;
  for (const EmbeddedFile& f : files) {
    // Files are named NNNN_what.sql; the number is the schema version they lead to.
    const int version = std::atoi(std::string(f.name.substr(0, f.name.find('_'))).c_str());
    if (version <= current) continue;
    Transaction tx(db);
    db.exec(std::string(f.data));
    db.exec("PRAGMA user_version=" + std::to_string(version));
    tx.commit();
    ++applied;
  }
  // The triggers that keep counters and postings in step are generated from one
  // description; an older store's are brought up to it here.
  sync_derived_rules(db);
  return applied;
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

void Store::write(const std::function<void(Db&)>& fn) {
  std::lock_guard lock(write_mutex_);
  try {
    fn(*writer_);
  } catch (...) {
    std::rethrow_exception(classify(std::current_exception(), path_));
  }
}

struct Store::GroupedWrite {
  const std::function<void(Db&)>* fn;
  bool done = false;
  std::exception_ptr error;
};

void Store::write_grouped(const std::function<void(Db&)>& fn) {
  GroupedWrite mine{&fn};
  std::unique_lock lock(group_mutex_);
  group_pending_.push_back(&mine);
  if (!group_leader_) {
    // No group is being written: this caller writes it, with whatever else arrives.
    group_leader_ = true;
    lock.unlock();
    lead_group();
    lock.lock();
  }
  group_done_.wait(lock, [&] { return mine.done; });
  if (mine.error) std::rethrow_exception(mine.error);
}

void Store::lead_group() {
  constexpr size_t kMaxGroup = 512;
  while (true) {
    std::vector<GroupedWrite*> group;
    {
      std::lock_guard lock(group_mutex_);
      if (group_pending_.empty()) {
        group_leader_ = false;
        return;
      }
      const size_t n = std::min(group_pending_.size(), kMaxGroup);
      group.assign(group_pending_.begin(), group_pending_.begin() + static_cast<long>(n));
      group_pending_.erase(group_pending_.begin(), group_pending_.begin() + static_cast<long>(n));
    }
    std::exception_ptr commit_error;
    {
      std::lock_guard writer(write_mutex_);
      try {
        Transaction tx(*writer_);
        // Prepared once per connection: parsing these three for every write cost more than
        // running them.
        auto run = [this](const char* sql) { Prepared(*writer_, sql).exec(); };
        for (GroupedWrite* w : group) {
          run("SAVEPOINT grouped");
          try {
            (*w->fn)(*writer_);
            run("RELEASE grouped");
          } catch (...) {
            w->error = classify(std::current_exception(), path_);
            run("ROLLBACK TO grouped");
            run("RELEASE grouped");
          }
        }
        tx.commit();  // one fsync for the whole group
      } catch (...) {
        commit_error = classify(std::current_exception(), path_);
      }
    }
    {
      std::lock_guard lock(group_mutex_);
      for (GroupedWrite* w : group) {
        if (commit_error) w->error = commit_error;
        w->done = true;
      }
    }
    group_done_.notify_all();
  }
}

void Store::read(const std::function<void(Db&)>& fn) {
  std::unique_ptr<Db> db;
  {
    std::unique_lock lock(pool_mutex_);
    pool_ready_.wait(lock, [this] { return !idle_readers_.empty(); });
    db = std::move(idle_readers_.back());
    idle_readers_.pop_back();
  }
  // Give the connection back even when `fn` throws.
  struct Return {
    Store* store;
    std::unique_ptr<Db>* db;
    ~Return() {
      {
        std::lock_guard lock(store->pool_mutex_);
        store->idle_readers_.push_back(std::move(*db));
      }
      store->pool_ready_.notify_one();
    }
  } give_back{this, &db};
  // One read transaction for the whole call: every query sees the same snapshot of the
  // store, and the WAL's read lock is taken once instead of once per statement.
  try {
    Prepared(*db, "BEGIN").exec();
    fn(*db);
    if (db->in_transaction()) Prepared(*db, "COMMIT").exec();
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
    : path_(path), db_(std::make_unique<SqliteDb>(path, SQLite::OPEN_READONLY)) {
} catch (...) {
  std::rethrow_exception(classify(std::current_exception(), path, Access::kRead));
}

StoreSnapshot::~StoreSnapshot() = default;

int StoreSnapshot::schema_version() {
  int version = 0;
  read([&](Db& db) { version = static_cast<int>(query_int64(db, "PRAGMA user_version")); });
  return version;
}

void StoreSnapshot::read(const std::function<void(Db&)>& fn) {
  try {
    Transaction snapshot(*db_);
    fn(*db_);
  } catch (...) {
    std::rethrow_exception(classify(std::current_exception(), path_, Access::kRead));
  }
}

void configure_storage_engine() {
  // Without memory statistics (which aduan does not read) each allocation SQLite makes skips
  // a process-wide mutex that every request thread would otherwise queue on.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int Store::schema_version() {
  int version = 0;
  read([&](Db& db) { version = static_cast<int>(query_int64(db, "PRAGMA user_version")); });
  return version;
}

}  // namespace aduan

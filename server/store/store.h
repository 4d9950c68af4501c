// The store: a SQLite file (the default) or a PostgreSQL database, behind one writer
// connection (this server's writes are serialised, each commit durable before it returns) and
// a small pool of read-only connections that run beside it (SQLite's WAL, PostgreSQL's
// snapshots). Several servers may share one PostgreSQL database.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/db.h"
#include "store/db_engine.h"

namespace aduan {

class Secrets;

class Store {
 public:
  // Opens the store at `path`: a PostgreSQL URL (postgresql://...), or a SQLite file,
  // created if needed and in WAL mode. Applies every pending
  // migration and loads the shipped holiday years it has not seen (load_shipped_holidays). Throws
  // StorageError when the file cannot be opened or migrated.
  explicit Store(const std::string& path, int readers = 4);
  // The same, with the store's audit key from the file at `key_path` (base/secrets.h). The file
  // is created there when the store has never been linked with a key; the first start with
  // a key links the events stored before and wraps the PIN digests (adopt_audit_key), once.
  // Throws KeyFileError when the file cannot be used, is missing for a store that was
  // linked with a key, or holds another key than the one the store was linked with.
  Store(const std::string& path, int readers, const std::string& key_path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Runs `fn` with the writer connection; only one writer runs at a time. `fn` opens its
  // own Transaction (store/db.h) so that an exception rolls everything back.
  void write(const std::function<void(Db&)>& fn);

  // Group commit: runs `fn` inside a transaction shared with the other grouped writes that
  // arrive meanwhile, each in a savepoint of its own, and returns once that transaction is
  // committed (durable, one fsync for the group). `fn` must not open a transaction. When
  // `fn` throws, its savepoint is rolled back, the others commit, and the exception comes
  // back to this caller; when the commit fails, every caller in the group gets the error.
  void write_grouped(const std::function<void(Db&)>& fn);

  // Runs `fn` with a read-only connection from the pool.
  void read(const std::function<void(Db&)>& fn);

  // Runs `fn` unless another server on the same database is running work of the same `name`
  // now; returns whether it ran. On PostgreSQL a session advisory lock, held on a connection
  // of its own while `fn` runs (the deadline job runs once per tick across all servers); a
  // SQLite file has one server, and this process's callers take turns.
  bool exclusively(const std::string& name, const std::function<void()>& fn);

  int schema_version();
  const std::string& path() const { return path_; }

  // The audit key's digests; the store must have been opened with its key.
  const Secrets& secrets() const;

 private:
  std::string path_;
  struct GroupedWrite;
  void lead_group(GroupedWrite* self);
  void reopen_if_lost(std::unique_ptr<Db>& db, bool writer);

  std::mutex write_mutex_;
  std::mutex group_mutex_;
  std::vector<GroupedWrite*> group_pending_;
  bool group_leader_ = false;
  std::unique_ptr<Db> writer_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<Db>> idle_readers_;
  struct ReaderWait;
  std::deque<ReaderWait*> reader_waits_;  // first come, first served
  std::unique_ptr<const Secrets> secrets_;
  std::mutex exclusive_mutex_;
  std::unique_ptr<Db> lock_db_;  // PostgreSQL: the connection that holds advisory locks
};

// A store file opened read-only, for a command that inspects a store that may be in use
// (aduan audit verify). The engine's errors come out as StorageError, as from a Store.
class StoreSnapshot {
 public:
  explicit StoreSnapshot(const std::string& path);
  ~StoreSnapshot();
  StoreSnapshot(const StoreSnapshot&) = delete;
  StoreSnapshot& operator=(const StoreSnapshot&) = delete;

  int schema_version();
  // Runs `fn` in one read transaction: one consistent picture of a store others may write.
  void read(const std::function<void(Db&)>& fn);

 private:
  std::string path_;
  std::unique_ptr<Db> db_;
};

// Whether `location` (--db) names a PostgreSQL database (postgresql://...) rather than a
// SQLite file.
bool is_postgresql_location(const std::string& location);

// The engine's process-wide settings; call once, before the first Store is opened.
void configure_storage_engine();

// Applies the engine's embedded migrations newer than the store's schema version, each in its
// own transaction, then installs the derived rules (store/derived_rules.h). On PostgreSQL
// under an advisory lock, so that servers starting together migrate once. Returns the number
// applied.
int apply_migrations(Db& db);
// The version of the last migration applied.
int schema_version_of(Db& db);
// The schema version this binary's migrations lead to on `engine`.
int latest_schema_version(Engine engine);

}  // namespace aduan

// The SQLite file: one writer connection (writes are serialised, each commit durable before
// it returns) and a small pool of read-only connections that WAL lets run beside it.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace aduan {

class Connection;

class Store {
 public:
  // Opens (creating if needed) the file at `path` in WAL mode and applies every pending
  // migration. Throws SQLite::Exception when the file cannot be opened or migrated.
  explicit Store(const std::string& path, int readers = 4);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Runs `fn` with the writer connection; only one writer runs at a time. `fn` opens its
  // own SQLite::Transaction so that an exception rolls everything back.
  void write(const std::function<void(SQLite::Database&)>& fn);

  // Runs `fn` with a read-only connection from the pool.
  void read(const std::function<void(SQLite::Database&)>& fn);

  int schema_version();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex write_mutex_;
  std::unique_ptr<Connection> writer_;
  std::mutex pool_mutex_;
  std::condition_variable pool_ready_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

// Applies the embedded migrations newer than the file's user_version, each in its own
// transaction. Returns the number applied.
int apply_migrations(SQLite::Database& db);

}  // namespace aduan

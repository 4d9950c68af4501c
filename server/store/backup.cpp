#include "store/backup.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "store/prepared.h"
#include "store/sqlite_db.h"

namespace aduan {
namespace {

void check_integrity(Db& db, const std::string& what) {
  const std::string verdict = query_string(db, "PRAGMA integrity_check");
  if (verdict != "ok") throw std::runtime_error(what + " fails its integrity check: " + verdict);
}

// Whole-store copy from `from` into `to` through SQLite's backup API.
void copy(SqliteDb& from, SqliteDb& to) {
  SQLite::Backup backup(to, from);
  backup.executeStep(-1);  // all pages at once; SQLite restarts it if the source changes
}

void sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot sync " + path);
  }
  ::close(fd);
}

}  // namespace

void backup_store(const std::string& db_path, const std::string& target) {
  if (!std::filesystem::exists(db_path)) throw std::runtime_error("no store at " + db_path);
  const std::string partial = target + ".tmp";
  std::filesystem::remove(partial);
  try {
    SqliteDb source(db_path, SQLite::OPEN_READONLY, 5000);
    {
      SqliteDb copy_db(partial, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      copy(source, copy_db);
      // One self-contained file: the copy keeps no WAL beside it.
      copy_db.exec("PRAGMA journal_mode=DELETE");
      check_integrity(copy_db, "the copy");
    }
    sync_file(partial);
    std::filesystem::rename(partial, target);
    sync_file(std::filesystem::absolute(target).parent_path().string());
  } catch (const SQLite::Exception& e) {
    std::filesystem::remove(partial);
    throw std::runtime_error(std::string("backup failed: ") + e.what());
  }
}

void restore_store(const std::string& source, const std::string& db_path) {
  if (!std::filesystem::exists(source)) throw std::runtime_error("no backup at " + source);
  try {
    SqliteDb backup(source, SQLite::OPEN_READONLY);
    check_integrity(backup, source);
    SqliteDb live(db_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 5000);
    copy(backup, live);
    live.exec("PRAGMA journal_mode=WAL");
    check_integrity(live, "the restored store");
  } catch (const SQLite::Exception& e) {
    throw std::runtime_error(std::string("restore failed: ") + e.what());
  }
}

}  // namespace aduan

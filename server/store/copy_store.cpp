#include "store/copy_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/secrets.h"
#include "store/audit_chain.h"
#include "store/copy_plan.h"
#include "store/copy_rows.h"
#include "store/db.h"
#include "store/postgresql_db.h"
#include "store/prepared.h"
#include "store/report_search.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/tallies.h"

namespace aduan {
namespace {

using copy::copy_table;
using copy::first_with_rows;
using copy::kSingleRows;
using copy::plan_copy;
using copy::quoted;
using copy::sqlite;
using copy::Table;
using copy::table_names;

// PostgreSQL's identities go on after the ids copied, or the next insert would take one of
// them. SQLite's rowids need nothing: the next is the largest plus one.
void move_sequences(Db& db) {
  if (sqlite(db)) return;
  std::vector<std::pair<std::string, std::string>> columns;
  {
    Prepared q(db,
               "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema "
               "= current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')");
    while (q.executeStep())
      columns.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  }
  for (const auto& [table, column] : columns) {
    db.exec("SELECT setval(pg_get_serial_sequence('" + quoted(table) + "', '" + column +
            "'), coalesce(max(" + quoted(column) + "), 0) + 1, false) FROM " + quoted(table));
  }
}

// ---------------------------------------------------------------------------------------
// The two stores and the key.

Secrets source_key(const std::string& path) {
  try {
    return Secrets::load(path);
  } catch (const KeyFileError& e) {
    throw CopyRefused(std::string(e.what()) + " (the source's audit key; --audit-key FILE)");
  }
}

bool file_exists(const std::string& path) {
  std::error_code ignored;
  return std::filesystem::exists(path, ignored);
}

// A key already beside a SQLite target must be the source's: the copy's chain is linked with
// it, and a file there is never replaced.
void refuse_another_key(const std::string& path, const Secrets& secrets) {
  if (path.empty() || !file_exists(path)) return;
  try {
    if (Secrets::load(path).check() == secrets.check()) return;
  } catch (const KeyFileError&) {
  }
  throw CopyRefused("there is another key file at " + path +
                    " already; the copy's chain needs the source's key there");
}

std::unique_ptr<Db> open_store(const std::string& location, bool target) {
  if (is_postgresql_url(location)) {
    PostgresqlOptions options;
    options.read_only = !target;
    options.statement_timeout_ms = 0;  // an operator's one-off job: no statement is too long
    return std::make_unique<PostgresqlDb>(location, options);
  }
  const int flags = target ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE : SQLite::OPEN_READONLY;
  auto db = std::make_unique<SqliteDb>(location, flags, /*busy_timeout_ms=*/5000);
  // As the store's own connections: the target's foreign keys are checked as rows go in.
  db->exec("PRAGMA foreign_keys=ON");
  return db;
}

// The source is at this binary's schema, linked with the key given, and its chain verifies:
// a copy of a broken chain would carry the break to a store where nobody looks for it.
void check_source(Db& db, const std::string& location, const Secrets& secrets) {
  const std::vector<std::string> tables = table_names(db);
  const bool aduan = sqlite(db) ? query_int64(db, "PRAGMA user_version") > 0
                                : std::count(tables.begin(), tables.end(), "schema_version") > 0;
  if (!aduan) throw CopyRefused("there is no aduan store at " + location);
  const int version = schema_version_of(db), known = latest_schema_version(db.engine());
  if (version < known) {
    throw CopyRefused(location + " is at schema version " + std::to_string(version) +
                      ", this aduan's is " + std::to_string(known) +
                      ": bring it up to date first (aduan migrate --db " + location + ")");
  }
  if (version > known) {
    throw CopyRefused(location + " is at schema version " + std::to_string(version) +
                      ", newer than this aduan's " + std::to_string(known) +
                      ": copy it with the aduan that migrated it");
  }
  const std::string check = stored_key_check(db);
  if (check.empty()) {
    throw CopyRefused(location +
                      " has never been linked with an audit key: start aduan on it "
                      "once with its key, then copy it");
  }
  if (check != secrets.check()) {
    throw CopyRefused("the audit key given is not the key " + location + " was linked with");
  }
  const AuditResult audit = verify_chain(db, secrets);
  if (audit.broken) {
    throw CopyRefused("the audit chain of " + location + " is broken at " + *audit.broken +
                      "; a copy would carry the break along unseen (aduan audit verify)");
  }
}

// A PostgreSQL target holds nothing, or an aduan schema of this binary's version without a
// row (what a copy that failed leaves). Checked before anything is written there.
void check_target(Db& db, const std::string& location) {
  const std::vector<std::string> tables = table_names(db);
  if (tables.empty()) return;
  const std::string empty_only =
      ": copy-store writes only into an empty database (CREATE DATABASE), never over a store";
  if (std::count(tables.begin(), tables.end(), "schema_version") == 0) {
    throw CopyRefused(location + " holds tables that are not an aduan store's (" + tables.front() +
                      ", ...)" + empty_only);
  }
  if (schema_version_of(db) != latest_schema_version(db.engine())) {
    throw CopyRefused(location + " holds an aduan store of schema version " +
                      std::to_string(schema_version_of(db)) + empty_only);
  }
  if (const auto table = first_with_rows(db)) {
    throw CopyRefused(location + " already holds data (rows in " + *table + ")" + empty_only);
  }
}

void sync_path(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!synced) throw std::runtime_error("cannot sync " + path);
}

std::string folder_of(const std::string& path) {
  return std::filesystem::absolute(path).parent_path().string();
}

// The source's key file, copied byte for byte beside a SQLite target (mode 0600, whole or
// absent). Returns whether it wrote one (a key already there is the source's).
bool place_key(const std::string& from, const std::string& to) {
  if (to.empty() || file_exists(to)) return false;
  std::ifstream in(from, std::ios::binary);
  std::ostringstream key;
  key << in.rdbuf();
  const std::string partial = to + ".tmp";
  std::filesystem::remove(partial);
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  const std::string text = key.str();
  const bool written = fd >= 0 &&
                       ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!written || ::rename(partial.c_str(), to.c_str()) != 0) {
    std::filesystem::remove(partial);
    throw std::runtime_error("cannot write the audit key " + to + ": " + std::strerror(errno));
  }
  return true;
}

// The SQLite file built beside the target, put in its place only when whole, never over a
// file that appeared meanwhile; with its key beside it.
bool put_in_place(const std::string& built, const CopyStoreOptions& o) {
  sync_path(built);
  const bool wrote = place_key(o.key_path, o.target_key_path);
  if (::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, o.to.c_str(), RENAME_NOREPLACE) != 0) {
    const std::string why = std::strerror(errno);
    if (wrote) std::filesystem::remove(o.target_key_path);
    throw std::runtime_error("cannot move " + built + " to " + o.to + ": " + why);
  }
  sync_path(folder_of(o.to));
  return wrote;
}

void remove_partial(const std::string& built) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
    std::filesystem::remove(built + suffix, ignored);
  }
}

// One picture of the source for the checks and every row, as the store's readers take one
// (not a Transaction: that is a writer's, which PostgreSQL's servers take turns at). It only
// reads, and ends with a rollback.
class Snapshot {
 public:
  explicit Snapshot(Db& db) : db_(db) {
    db_.exec(sqlite(db) ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ");
  }
  ~Snapshot() {
    try {
      db_.exec("ROLLBACK");
    } catch (...) {  // a connection that is gone has ended it
    }
  }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

 private:
  Db& db_;
};

// Every row into the target in one transaction, checked, then what derives from them.
CopyStoreSummary copy_rows(Db& source, Db& target, const Secrets& secrets,
                           const CopyStoreOptions& o) {
  const std::vector<Table> tables = plan_copy(source, target);
  CopyStoreSummary summary;
  summary.schema_version = schema_version_of(target);
  Transaction tx(target);
  if (const auto table = first_with_rows(target)) {
    throw CopyRefused(o.to + " already holds data (rows in " + *table + ")");
  }
  for (const std::string& t : kSingleRows) target.exec("DELETE FROM " + quoted(t));
  for (const Table& t : tables) {
    int64_t rows = 0;
    try {
      rows = copy_table(source, target, t);
    } catch (const CopyRefused&) {
      throw;
    } catch (const std::exception& e) {
      throw std::runtime_error("copying " + t.name + ": " + e.what() + "; nothing was copied");
    }
    summary.tables.push_back({t.name, rows});
    summary.rows += rows;
    if (o.progress) o.progress(t.name, rows);
  }
  tallies::recount(target);
  summary.reports_indexed = ReportSearch::index_missing(target);  // all: it was emptied
  const AuditResult audit = verify_chain(target, secrets);
  if (audit.broken) {
    throw std::runtime_error("the copy's audit chain does not verify (" + *audit.broken +
                             "); nothing was copied");
  }
  summary.audit_head = format_audit_head(audit.head);
  // Last before the commit: a sequence moves outside the transaction.
  move_sequences(target);
  tx.commit();
  return summary;
}

}  // namespace

CopyStoreSummary copy_store(const CopyStoreOptions& o) {
  const bool to_sqlite = !is_postgresql_url(o.to);
  if (o.from == o.to) throw CopyRefused("--from and --to name the same store");
  if (!is_postgresql_url(o.from) && !file_exists(o.from)) {
    throw CopyRefused("there is no store at " + o.from);
  }
  if (to_sqlite && file_exists(o.to)) {
    throw CopyRefused(o.to +
                      " is there already: copy-store writes a new SQLite file, never "
                      "over one");
  }
  if (to_sqlite && !std::filesystem::is_directory(folder_of(o.to))) {
    throw CopyRefused("there is no folder " + folder_of(o.to) + " for " + o.to);
  }
  const Secrets secrets = source_key(o.key_path);
  if (to_sqlite) refuse_another_key(o.target_key_path, secrets);

  std::unique_ptr<Db> target;
  if (!to_sqlite) {
    target = open_store(o.to, true);
    check_target(*target, o.to);
  }
  std::unique_ptr<Db> source = open_store(o.from, false);
  const Snapshot snapshot(*source);
  check_source(*source, o.from, secrets);

  // A SQLite target is built beside its place and moved there whole.
  const std::string built = to_sqlite ? o.to + ".tmp" : o.to;
  if (to_sqlite) remove_partial(built);
  try {
    if (to_sqlite) target = open_store(built, true);
    apply_migrations(*target);
    CopyStoreSummary summary = copy_rows(*source, *target, secrets, o);
    target.reset();
    if (to_sqlite) summary.key_written = put_in_place(built, o);
    return summary;
  } catch (...) {
    target.reset();
    if (to_sqlite) remove_partial(built);
    throw;
  }
}

}  // namespace aduan

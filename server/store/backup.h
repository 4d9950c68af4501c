// Backups of the SQLite file, taken while aduan runs: SQLite's online backup copies a
// consistent snapshot (the last committed transaction when it started, WAL included) page
// by page, without stopping writers for long.
#pragma once

#include <string>

namespace aduan {

// Copies the store at `db_path` to `target`: written to `target`.tmp, checked with
// PRAGMA integrity_check, made durable, then renamed over `target`, so that a backup that
// fails half-way never replaces a good one. Throws std::runtime_error saying what failed.
void backup_store(const std::string& db_path, const std::string& target);

// Replaces the store at `db_path` with the backup `source` (checked first). aduan must not
// be serving `db_path` while this runs. Throws std::runtime_error saying what failed.
void restore_store(const std::string& source, const std::string& db_path);

}  // namespace aduan

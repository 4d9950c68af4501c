// A whole store copied into an empty one, on either engine (`aduan copy-store`): a SQLite file
// into a PostgreSQL database, a PostgreSQL database into a new SQLite file (and SQLite to
// SQLite, PostgreSQL to PostgreSQL). The target gets its schema from its own engine's
// migrations; the source's rows, ids kept, go in one transaction on the target, each checked
// against what the target gave back; what the store derives (counters, the staff search) is
// made again there; the audit chain is verified on the target before the commit. A copy that
// fails leaves no row in the target, and no SQLite file at all. docs/operations.md, "Moving a
// store between SQLite and PostgreSQL".
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace aduan {

// Why a copy was not begun: the target is as it was (the command exits 2).
struct CopyRefused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct CopyStoreOptions {
  std::string from;  // the source: a SQLite file or a PostgreSQL URL
  std::string to;    // the target: a SQLite file that is not there yet, or an empty database
  // The source's audit key. The target's chain is the source's, so it is verified with the
  // same key.
  std::string key_path;
  // A SQLite target's own key file, a copy of the source's written beside it so that the new
  // file works by itself; empty for a PostgreSQL target (its servers name the key).
  std::string target_key_path;
  // Told of each table once its rows are in the target's (uncommitted) transaction.
  std::function<void(const std::string& table, int64_t rows)> progress;
};

struct CopiedTable {
  std::string name;
  int64_t rows = 0;
};

struct CopyStoreSummary {
  int schema_version = 0;
  std::vector<CopiedTable> tables;  // in the order they were copied
  int64_t rows = 0;
  int64_t reports_indexed = 0;  // the staff search's entries made again
  std::string audit_head;       // EVENT:LINK, the same on both stores
  bool key_written = false;     // a key file was written beside a SQLite target
};

// Throws CopyRefused when the copy cannot begin (no source, a target that holds data or is
// there already, another schema version, a key that is not the source's, a broken chain),
// and std::runtime_error (engine errors included) when it fails on the way, after which the
// target holds no row (a PostgreSQL target keeps the schema its migrations made).
CopyStoreSummary copy_store(const CopyStoreOptions& options);

}  // namespace aduan

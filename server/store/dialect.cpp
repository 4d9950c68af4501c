#include "store/dialect.h"

namespace aduan::dialect {
namespace {

bool sqlite(const Db& db) { return db.engine() == Engine::kSqlite; }

}  // namespace

std::string equals_ignoring_case(const Db& db, const std::string& column) {
  return sqlite(db) ? column + " = ? COLLATE NOCASE" : "lower(" + column + ") = lower(?)";
}

std::string like_ignoring_case(const Db& db, const std::string& column) {
  return column + (sqlite(db) ? " LIKE ?" : " ILIKE ?");
}

std::string order_ignoring_case(const Db& db, const std::string& column) {
  return sqlite(db) ? column + " COLLATE NOCASE" : "lower(" + column + ")";
}

std::string zero_if_null(const Db& db, const std::string& column) {
  return (sqlite(db) ? "ifnull(" : "coalesce(") + column + ", 0)";
}

std::string no_index(const Db& db, const std::string& column) {
  return sqlite(db) ? "+" + column : column;
}

std::string begin(const Db& db) {
  // The key is the name's hashtext, fixed here: 'aduan:write' on every server and build.
  return sqlite(db) ? "BEGIN" : "BEGIN; SELECT pg_advisory_xact_lock(hashtext('aduan:write'))";
}

std::string skip_locked(const Db& db) { return sqlite(db) ? "" : " FOR UPDATE SKIP LOCKED"; }

std::string empty_table(const Db& db, const std::string& table) {
  // Behind other servers' reads of the table for up to 60 s, as a migration waits (store.cpp),
  // rather than a request's 5 s.
  return (sqlite(db) ? "DELETE FROM " : "SET LOCAL lock_timeout = '60s'; TRUNCATE ") + table;
}

std::string row_key(const Db& db) { return sqlite(db) ? "rowid" : "ctid"; }

std::string join_in_this_order(const Db& db) { return sqlite(db) ? "CROSS JOIN" : "JOIN"; }

bool finds_page_ids_first(const Db& db) { return !sqlite(db); }

bool joins_lateral(const Db& db) { return !sqlite(db); }

std::string month_of_day(const Db& db, const std::string& day) {
  if (sqlite(db)) {
    return "CAST(strftime('%Y', " + day + " * 86400, 'unixepoch') AS INTEGER) * 12 + " +
           "CAST(strftime('%m', " + day + " * 86400, 'unixepoch') AS INTEGER) - 1";
  }
  const std::string at = "(timestamp '1970-01-01' + " + day + " * interval '1 day')";
  return "CAST(extract(year FROM " + at + ") AS BIGINT) * 12 + CAST(extract(month FROM " + at +
         ") AS BIGINT) - 1";
}

}  // namespace aduan::dialect

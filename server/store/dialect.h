// The few things the repositories say differently on each engine, each as a piece of SQL.
// Everything else is written once in the SQL both read alike: `?` parameters (and SQLite's
// `?NNN`), ON CONFLICT ... DO NOTHING / DO UPDATE, RETURNING, CASE, coalesce, CAST, `||`.
// What is here either names a feature of one engine (rowid) or must match an index exactly
// as the migrations wrote it on that engine (an expression index is used only for its own
// expression).
#pragma once

#include <string>

#include "store/db_engine.h"

namespace aduan::dialect {

// `column = ?` regardless of ASCII case: COLLATE NOCASE on SQLite, lower() on PostgreSQL (the
// e-mail index of each engine's migrations is on that form).
std::string equals_ignoring_case(const Db& db, const std::string& column);
// `column LIKE ?` regardless of ASCII case, as SQLite's LIKE is; PostgreSQL's ILIKE.
std::string like_ignoring_case(const Db& db, const std::string& column);
// An ORDER BY term that sorts `column` regardless of ASCII case.
std::string order_ignoring_case(const Db& db, const std::string& column);
// `column` with 0 for NULL, in the words of the engine's index on it (canned responses:
// SQLite's index says ifnull, PostgreSQL's coalesce).
std::string zero_if_null(const Db& db, const std::string& column);
// `column` in a condition that must not be answered from an index on it: SQLite's unary +
// (PostgreSQL's planner weighs the indexes by their statistics).
std::string no_index(const Db& db, const std::string& column);
// After a SELECT that picks rows to claim: on PostgreSQL, rows another server is claiming
// right now are passed over rather than waited for (SQLite has one writer at a time).
std::string skip_locked(const Db& db);
// The start of a transaction. On PostgreSQL it also takes a transaction-scoped advisory
// lock, so that one transaction writes at a time across every server on the database, as
// SQLite has one writer: the audit chain appends each event after one head, and the
// counters' rows, updated in varying orders, would otherwise deadlock between servers. Its
// wait is bounded by the connection's lock timeout (a 503 storage_busy after it).
std::string begin(const Db& db);
// Every row of `table` gone, in the caller's transaction, for a table about to be filled
// again from scratch: PostgreSQL's TRUNCATE gives it a new file, where a DELETE would leave the
// old rows' space in it and the new rows after it (the term indexes' rebuild left the search's
// table twice its size, and its count read twice the pages). It holds the table against
// every reader until the commit. SQLite reuses the freed pages.
std::string empty_table(const Db& db, const std::string& table);
// A hidden key of a table's row, for a table without a key of its own (rate_events).
std::string row_key(const Db& db);
// A JOIN that reads its left table first: SQLite's CROSS JOIN fixes the order; PostgreSQL's
// planner chooses it (and has no CROSS JOIN ... ON).
std::string join_in_this_order(const Db& db);

// Whether a page of the staff queue by followers is found as ids first, read from an index
// alone, and its rows after. PostgreSQL prefers the index of followers without the status
// (ordered like the table) to the status's own unless the read needs no row: a page of one
// status read 13,700 rows of other statuses at a million reports. SQLite takes the status's
// index either way.
bool finds_page_ids_first(const Db& db);
// Whether each row's newest related row is read through a LATERAL join: on PostgreSQL one
// backward scan of the index gives the row, where a scalar subquery gives its key and a second
// descent (of the primary key) the row. SQLite has no LATERAL; its rows are read by rowid.
bool joins_lateral(const Db& db);

// The month counter (year * 12 + month - 1, UTC) of the day counter (days since 1970-01-01)
// in `day`.
std::string month_of_day(const Db& db, const std::string& day);

}  // namespace aduan::dialect

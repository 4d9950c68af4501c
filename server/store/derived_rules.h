// What the store keeps in step by itself whenever rows change, described once: the counters
// behind the dashboards and public figures, the matcher's term counts and the postings a
// report leaves when it closes or turns confidential, the catalogue's version that the
// caches watch, and the admin log's append-only rule.
//
// The description is data, not SQL of one engine. sqlite_trigger() writes SQLite's trigger
// from it, and the store installs those at every open (sync_derived_rules), so the text in
// the migrations that first made them is history, not the rule. postgresql_trigger() writes
// PostgreSQL's from the same rules (it needs the conflict keys and column lists carried
// here); tests/store/derived_rules_pg_test.cpp runs them on a real PostgreSQL.
#pragma once

#include <string>
#include <vector>

namespace aduan {

class Db;

// One statement a rule runs for each changed row. `{row}` in `match` and `key` stands for
// the changed row (NEW after an insert or update, OLD before an update or a delete).
struct DerivedStep {
  enum class Kind {
    kAddRows,     // add `sign` times each of `source`'s rows that `match` to counter `target`
    kCountKey,    // add `sign` to `target`'s count of `key`
    kBump,        // add one to `target`'s single version row
    kDeleteRows,  // delete `target`'s rows that `match`
    kRefuse,      // refuse the change with `message`
  } kind = Kind::kAddRows;
  std::string target;
  std::vector<std::string> conflict;  // the counter's key columns (kAddRows, kCountKey)
  std::string columns;                // the key columns read from `source` (kAddRows)
  std::string source;                 // a view with one row per counted key (kAddRows)
  std::string match;
  std::string key;
  int sign = 1;
  std::string message;
};

struct DerivedRule {
  enum class Timing { kBefore, kAfter } timing = Timing::kAfter;
  enum class Change { kInsert, kUpdate, kDelete } change = Change::kInsert;
  std::string name;  // the trigger's name
  std::string table;
  // kUpdate: runs only when one of these columns is written (UPDATE OF ...); empty: any.
  std::vector<std::string> written;
  // kUpdate: runs only when one of these columns changed value (NULLs compare equal).
  std::vector<std::string> changed;
  // Runs only when the row's `first` differs from its `second` (e.g. an event that moved
  // the status); empty: no such condition.
  std::string differ_first, differ_second;
  // Runs only while counting is live (the seeder turns it off for a bulk load and rebuilds
  // the counters after; store/tallies.h).
  bool while_live = false;
  // Runs only when this condition on `{row}` holds, in SQL that every engine reads alike
  // (IN, =, OR); empty: always.
  std::string condition;
  // PostgreSQL, an insert rule whose steps find their rows by the row's columns
  // (`{row}.column`) and whose source selects what its conditions on the row would: within
  // a grouped write (Store::lead_group) its trigger leaves the rows alone and the group
  // counts them all at its end, with postgresql_group_counts' statements, rather than one
  // row at a time.
  bool counted_per_group = false;
  std::vector<DerivedStep> steps;
};

// The setting a grouped write turns on for its transaction on PostgreSQL (SET LOCAL), which
// the triggers of the rules counted_per_group read.
inline constexpr const char* kGroupedSetting = "aduan.grouped";

// Every rule, in the order of their names.
const std::vector<DerivedRule>& derived_rules();

// The CREATE TRIGGER statement of `rule` in SQLite.
std::string sqlite_trigger(const DerivedRule& rule);

// `rule` in PostgreSQL: a trigger function holding the rule's conditions and statements (a
// trigger's WHEN may not read another table there, nor the row a change has not got), and
// the trigger that runs it for each row; a rule that only counts keys of inserted or deleted
// rows runs once per statement instead, over the statement's rows grouped by key. Statements
// separated by ";\n", ready for a multi-statement query.
std::string postgresql_trigger(const DerivedRule& rule);

// What the rules counted_per_group on `table` do for the rows a grouped write inserted into
// it: each statement with one parameter per `{row}.column` of its step, in `columns`' order,
// bound to the array of that column's values over those rows (bigint_array).
struct GroupCount {
  std::string sql;
  std::vector<std::string> columns;
};
std::vector<GroupCount> postgresql_group_counts(const std::string& table);

// Makes each rule's trigger what the description says: creates the missing, replaces one
// whose text differs (whitespace aside; on PostgreSQL, the trigger function's body), in one
// transaction. Returns how many it wrote.
// Runs after the migrations at every open. A trigger the description does not name is left
// alone rather than dropped unseen; tests/store/derived_rules_test.cpp fails when the
// migrations make one that the description does not name.
int sync_derived_rules(Db& db);

}  // namespace aduan

// The plan of a copy (store/copy_store.h): what each engine's catalogue says of its tables,
// which of them are copied, and an order of the tables that the target's foreign keys accept.
// Internal to the copy: store/copy_rows.cpp moves the rows, store/copy_store.cpp the rest.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace aduan {

class Db;

namespace copy {

enum class Kind { kNull, kInteger, kReal, kText, kBlob };

struct Column {
  std::string name;
  Kind source = Kind::kText;  // declared on the source: PostgreSQL's values are read so
  Kind target = Kind::kText;  // declared on the target: PostgreSQL's values are bound so
};

struct Table {
  std::string name;
  std::vector<Column> columns;  // in the target's order
  std::set<std::string> parents;
  // A key into the table itself (an agency's parent): the column and the column it names.
  std::string self_column, self_target;
};

// The single rows the migrations make, in the order they go in: last, with the source's
// (copy_plan.cpp says why).
extern const std::vector<std::string> kSingleRows;

bool sqlite(const Db& db);

// A name from a store's catalogue, quoted for SQL; throws CopyRefused for one that is not
// aduan's kind of name.
std::string quoted(const std::string& name);

// The base tables of the store, by name (not SQLite's own, nor FTS5's shadow tables).
std::vector<std::string> table_names(Db& db);

// The first table that holds a row, but for the migrations' own single rows.
std::optional<std::string> first_with_rows(Db& db);

// The tables to copy, each with its columns in the target's order, parents before children
// and the single rows last; throws CopyRefused when the two stores' tables or columns differ.
std::vector<Table> plan_copy(Db& source, Db& target);

}  // namespace copy
}  // namespace aduan

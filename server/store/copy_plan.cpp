#include "store/copy_plan.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>

#include "store/copy_store.h"
#include "store/db_engine.h"
#include "store/prepared.h"

namespace aduan::copy {

// The single rows the migrations make. Emptied when the copy begins and written last with the
// source's, so that while the other tables go in the triggers find no counting switched on
// (tally_settings) and no version to move (catalog_version).
const std::vector<std::string> kSingleRows = {"tally_settings", "catalog_version", "audit_head",
                                              "search_index_version"};

namespace {

// Tables whose rows are not copied, each for its reason. The counters and the matcher's term
// counts (kept by the triggers of store/derived_rules.h) are counted again from the copied
// rows (tallies::recount), so that they equal a recount whatever the source's held.
const std::set<std::string> kRecounted = {"report_tallies", "due_tallies", "stage_tallies",
                                          "term_counts"};
// The staff search's index: SQLite's is a contentless FTS5 table whose words cannot be read
// back, so it is written again from the reports on either engine (its shadow tables are not
// base tables and are never listed), with PostgreSQL's blocks of it.
const std::set<std::string> kRebuilt = {"report_search", "report_search_blocks"};
// PostgreSQL's record of the migrations, written by the target's own.
const std::set<std::string> kMigrations = {"schema_version"};

bool is_single_row(const std::string& table) {
  return std::find(kSingleRows.begin(), kSingleRows.end(), table) != kSingleRows.end();
}

bool copied(const std::string& table) {
  return !kRecounted.count(table) && !kRebuilt.count(table) && !kMigrations.count(table);
}

// A column's declared type, as both engines name theirs (INTEGER, BIGINT, REAL, BYTEA, ...).
Kind declared_kind(std::string type) {
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (type.find("int") != std::string::npos) return Kind::kInteger;
  for (const char* real : {"real", "double", "float", "numeric"}) {
    if (type.find(real) != std::string::npos) return Kind::kReal;
  }
  if (type.find("bytea") != std::string::npos || type.find("blob") != std::string::npos) {
    return Kind::kBlob;
  }
  return Kind::kText;
}

}  // namespace

bool sqlite(const Db& db) { return db.engine() == Engine::kSqlite; }

// Names come from the stores' catalogues; aduan's are lower-case words, and anything else is
// refused rather than written into SQL.
std::string quoted(const std::string& name) {
  if (name.empty() ||
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
    throw CopyRefused("unexpected name '" + name + "' in the store's catalogue");
  }
  return '"' + name + '"';
}

// ---------------------------------------------------------------------------------------
// The catalogue of each engine.

std::vector<std::string> table_names(Db& db) {
  Prepared q(db, sqlite(db) ? "SELECT name FROM pragma_table_list WHERE schema = 'main' AND "
                              "type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
                            : "SELECT table_name FROM information_schema.tables WHERE "
                              "table_schema = current_schema() AND table_type = 'BASE TABLE' "
                              "ORDER BY table_name");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

namespace {

std::map<std::string, Kind> columns_of(Db& db, const std::string& table,
                                       std::vector<std::string>* order) {
  Prepared q(db, sqlite(db) ? "SELECT name, type FROM pragma_table_info(?) ORDER BY cid"
                            : "SELECT column_name, data_type FROM information_schema.columns "
                              "WHERE table_schema = current_schema() AND table_name = ? "
                              "ORDER BY ordinal_position");
  q.bind(1, table);
  std::map<std::string, Kind> out;
  while (q.executeStep()) {
    out[q.getColumn(0).getString()] = declared_kind(q.getColumn(1).getString());
    if (order) order->push_back(q.getColumn(0).getString());
  }
  return out;
}

struct ForeignKey {
  std::string child, column, parent, parent_column;
};

std::vector<ForeignKey> foreign_keys(Db& db, const std::vector<std::string>& tables) {
  std::vector<ForeignKey> out;
  if (!sqlite(db)) {
    Prepared q(db,
               "SELECT cl.relname, a.attname, pcl.relname, af.attname FROM pg_constraint c "
               "JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pcl ON pcl.oid = c.confrelid "
               "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
               "JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1] "
               "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace");
    while (q.executeStep()) {
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                     q.getColumn(2).getString(), q.getColumn(3).getString()});
    }
    return out;
  }
  Prepared q(db,
             "SELECT \"table\", \"from\", coalesce(\"to\", 'id') FROM pragma_foreign_key_list(?)");
  for (const std::string& t : tables) {
    q.reset();
    q.bind(1, t);
    while (q.executeStep()) {
      out.push_back(
          {t, q.getColumn(1).getString(), q.getColumn(0).getString(), q.getColumn(2).getString()});
    }
  }
  return out;
}

}  // namespace

// The first table that holds a row, but for the migrations' own single rows.
std::optional<std::string> first_with_rows(Db& db) {
  for (const std::string& t : table_names(db)) {
    if (is_single_row(t) || kMigrations.count(t)) continue;
    if (query_int64(db, "SELECT count(*) FROM (SELECT 1 FROM " + quoted(t) + " LIMIT 1) AS r")) {
      return t;
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// What is copied, in an order the target's foreign keys accept.

namespace {

std::set<std::string> copied_tables(Db& db) {
  std::set<std::string> out;
  for (const std::string& t : table_names(db)) {
    if (copied(t) && !is_single_row(t)) out.insert(t);
  }
  return out;
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

Table describe_table(Db& source, Db& target, const std::string& name) {
  Table t;
  t.name = name;
  std::vector<std::string> order;
  const std::map<std::string, Kind> from = columns_of(source, name, nullptr);
  const std::map<std::string, Kind> to = columns_of(target, name, &order);
  std::vector<std::string> differ;
  for (const auto& [column, kind] : from) {
    if (!to.count(column)) differ.push_back(name + "." + column);
  }
  for (const auto& [column, kind] : to) {
    if (!from.count(column)) differ.push_back(name + "." + column);
  }
  if (!differ.empty()) {
    throw CopyRefused("the two stores' columns differ (" + listed(differ) + ")");
  }
  for (const std::string& column : order)
    t.columns.push_back({column, from.at(column), to.at(column)});
  return t;
}

}  // namespace

// Each table after the tables its foreign keys point to (by name among those ready, so that
// the order is the same every time); then the single rows.
std::vector<Table> plan_copy(Db& source, Db& target) {
  const std::set<std::string> from = copied_tables(source), to = copied_tables(target);
  std::vector<std::string> differ;
  std::set_symmetric_difference(from.begin(), from.end(), to.begin(), to.end(),
                                std::back_inserter(differ));
  if (!differ.empty()) throw CopyRefused("the two stores' tables differ (" + listed(differ) + ")");
  std::map<std::string, Table> waiting;
  for (const std::string& name : to) waiting[name] = describe_table(source, target, name);
  for (const ForeignKey& fk :
       foreign_keys(target, std::vector<std::string>(to.begin(), to.end()))) {
    if (!waiting.count(fk.child)) continue;
    Table& t = waiting[fk.child];
    if (fk.parent == fk.child) {
      t.self_column = fk.column;
      t.self_target = fk.parent_column;
    } else if (to.count(fk.parent)) {
      t.parents.insert(fk.parent);
    }
  }
  std::vector<Table> out;
  while (!waiting.empty()) {
    const auto ready = std::find_if(waiting.begin(), waiting.end(), [&](const auto& entry) {
      return std::none_of(entry.second.parents.begin(), entry.second.parents.end(),
                          [&](const std::string& p) { return waiting.count(p) > 0; });
    });
    if (ready == waiting.end()) {
      throw CopyRefused("the foreign keys of " + waiting.begin()->first + " form a cycle");
    }
    out.push_back(std::move(ready->second));
    waiting.erase(ready);
  }
  for (const std::string& name : kSingleRows) out.push_back(describe_table(source, target, name));
  return out;
}

}  // namespace aduan::copy

// PostgreSQL's first migration (server/migrations/postgresql/0033_baseline.sql) against
// SQLite's schema after its migrations: the same tables with the same columns, keys,
// defaults and references, the same named indexes and views, the same first rows. A
// migration written for one engine and not the other fails here.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "shared/workflow.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/postgres.h"
#include "support/test_paths.h"

namespace aduan {
namespace {

using Rows = std::vector<std::string>;

std::set<std::string> as_set(const Rows& rows) { return {rows.begin(), rows.end()}; }

class PostgresqlSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(pg_.ok()) << pg_.error();
    ASSERT_EQ(pg_.use_new_schema(), "");
    ASSERT_EQ(pg_.exec(read_text(ADUAN_PG_BASELINE)), "");
    dir_ = std::filesystem::temp_directory_path() /
           ("aduan-pg-schema-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    sqlite_ = std::make_unique<SqliteDb>((dir_ / "store.db").string(),
                                         SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    apply_migrations(*sqlite_);
  }
  void TearDown() override {
    sqlite_.reset();
    std::filesystem::remove_all(dir_);
  }

  // The tables, FTS5's shadow tables left out (its own table is one on both engines).
  Rows sqlite_tables() {
    return sqlite_rows(*sqlite_,
                       "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN "
                       "('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name");
  }

  Postgres pg_;
  std::filesystem::path dir_;
  std::unique_ptr<SqliteDb> sqlite_;
};

TEST_F(PostgresqlSchema, TheSameTablesViewsAndColumns) {
  const Rows tables = sqlite_tables();
  EXPECT_GT(tables.size(), 40u);
  EXPECT_EQ(tables, pg_.rows("SELECT table_name FROM information_schema.tables WHERE "
                             "table_schema = current_schema() AND table_type = 'BASE TABLE' "
                             "ORDER BY table_name COLLATE \"C\""));
  EXPECT_EQ(sqlite_rows(*sqlite_, "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY 1"),
            pg_.rows("SELECT table_name FROM information_schema.views WHERE table_schema = "
                     "current_schema() ORDER BY table_name COLLATE \"C\""));

  for (const std::string& table : tables) {
    if (table == "report_search") continue;  // FTS5 there, words and a GIN index here
    // Each column in order: its name, whether it may be empty, whether it is in the primary
    // key, whether it has a default (an identity counts as none: SQLite's rowid neither).
    const Rows on_sqlite =
        sqlite_rows(*sqlite_,
                    "SELECT name, CASE WHEN \"notnull\" OR pk > 0 THEN 'not null' ELSE 'null' END, "
                    "pk > 0, dflt_value IS NOT NULL FROM pragma_table_info('" +
                        table + "') ORDER BY cid");
    const Rows on_pg = pg_.rows(
        "SELECT c.column_name, CASE c.is_nullable WHEN 'NO' THEN 'not null' ELSE 'null' END, "
        "CASE WHEN k.column_name IS NULL THEN 0 ELSE 1 END, "
        "CASE WHEN c.column_default IS NULL THEN 0 ELSE 1 END "
        "FROM information_schema.columns c LEFT JOIN ("
        "  SELECT u.column_name FROM information_schema.table_constraints t "
        "  JOIN information_schema.key_column_usage u ON u.constraint_name = t.constraint_name "
        "   AND u.table_schema = t.table_schema "
        "  WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = current_schema() "
        "   AND t.table_name = '" +
        table +
        "') k ON k.column_name = c.column_name "
        "WHERE c.table_schema = current_schema() AND c.table_name = '" +
        table + "' ORDER BY c.ordinal_position");
    EXPECT_EQ(on_sqlite, on_pg) << table;
    // A real is 8 bytes on both: PostgreSQL's 4-byte real would round a position (and the
    // audit chain, which digests the report as it was, would then call it changed).
    EXPECT_EQ(sqlite_rows(*sqlite_, "SELECT name FROM pragma_table_info('" + table +
                                        "') WHERE upper(type) = 'REAL' ORDER BY cid"),
              pg_.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                       "current_schema() AND table_name = '" +
                       table + "' AND data_type = 'double precision' ORDER BY ordinal_position"))
        << table;
  }
}

TEST_F(PostgresqlSchema, TheSameReferencesAndIndexes) {
  Rows references;
  for (const std::string& table : sqlite_tables()) {
    for (const std::string& r : sqlite_rows(*sqlite_,
                                            "SELECT \"from\", \"table\" FROM "
                                            "pragma_foreign_key_list('" +
                                                table + "')")) {
      references.push_back(table + "|" + r);
    }
  }
  EXPECT_FALSE(references.empty());
  EXPECT_EQ(as_set(references),
            as_set(pg_.rows("SELECT u.table_name, u.column_name, c.table_name "
                            "FROM information_schema.table_constraints t "
                            "JOIN information_schema.key_column_usage u ON u.constraint_name = "
                            "t.constraint_name AND u.table_schema = t.table_schema "
                            "JOIN information_schema.constraint_column_usage c ON "
                            "c.constraint_name = t.constraint_name AND c.table_schema = "
                            "t.table_schema "
                            "WHERE t.constraint_type = 'FOREIGN KEY' AND t.table_schema = "
                            "current_schema()")));

  // The named indexes (not those PostgreSQL makes for a key or a unique column), and two of
  // PostgreSQL's own for what SQLite says in a column's collation and in FTS5.
  std::set<std::string> named = as_set(sqlite_rows(
      *sqlite_, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"));
  named.insert("users_username_lower");
  named.insert("report_search_terms");
  EXPECT_EQ(named,
            as_set(pg_.rows("SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = "
                            "x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace "
                            "WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM "
                            "pg_constraint c WHERE c.conindid = x.indexrelid)")));
}

// The rules both engines' schemas restate in SQL: which reports count in the public figures
// (the counters' view, held to the core by tests/store/schema_test.cpp on SQLite), and the
// conditions of the reports' partial indexes (late, public, ...). PostgreSQL rewrites what it
// stores, so they are held together by what they answer: the same reports, in every status,
// privacy, archive reason and stage, read through each engine's own text.
TEST_F(PostgresqlSchema, TheSameRulesAnswerAlikeForEveryKindOfReport) {
  std::string rows;
  int id = 0;
  for (int status = 0; status < kStatusCount; ++status) {
    for (const char* reason : {"", "spam", "abusive", "duplicate"}) {
      for (int confidential : {0, 1}) {
        for (const char* stage : {"none", "verification"}) {
          ++id;
          rows += std::string(rows.empty() ? "" : ", ") + "(" + std::to_string(id) + ", 'T" +
                  std::to_string(id) + "', 'complaint', '" +
                  std::string(to_string(static_cast<Status>(status))) +
                  "', 't', 'b', '2026-12-01', 'l', 1, 'web', 1796349600, 1796349600, " +
                  std::to_string(confidential) + ", '" + reason + "', '" + stage + "', " +
                  (std::string(stage) == "none" ? "NULL" : "'2026-12-10'") + ")";
        }
      }
    }
  }
  const std::string insert =
      "INSERT INTO categories (id, code, name) VALUES (1, 'jalan', 'Jalan'); "
      "INSERT INTO reports (id, tracking_id, classification, status, title, body, "
      "incident_date, location_text, category_id, channel, created_at, updated_at, "
      "confidential, archive_reason, stage, stage_due) VALUES " +
      rows;
  ASSERT_EQ(pg_.exec(insert), "");
  sqlite_->exec(insert);

  const std::string facts = "SELECT id, public FROM report_tally_facts ORDER BY id";
  EXPECT_EQ(sqlite_rows(*sqlite_, facts), pg_.rows(facts));
  EXPECT_EQ(sqlite_rows(*sqlite_, "SELECT count(*) FROM report_tally_facts WHERE public = 1"),
            (Rows{"60"}));  // not confidential, and not archived as spam or abuse
  const std::string due = "SELECT id, due, status FROM due_tally_rows ORDER BY id";
  EXPECT_EQ(sqlite_rows(*sqlite_, due), pg_.rows(due));

  // Each partial index on reports, its condition as each engine keeps it.
  const Rows sqlite_indexes = sqlite_rows(
      *sqlite_,
      "SELECT name, substr(sql, instr(sql, 'WHERE') + 6) FROM sqlite_master WHERE type = "
      "'index' AND tbl_name = 'reports' AND sql LIKE '%WHERE%' ORDER BY name");
  EXPECT_GE(sqlite_indexes.size(), 2u);
  for (const std::string& index : sqlite_indexes) {
    const std::string name = index.substr(0, index.find('|'));
    const std::string where = index.substr(index.find('|') + 1);
    const Rows pg_where = pg_.rows(
        "SELECT pg_get_expr(x.indpred, x.indrelid) FROM pg_index x JOIN pg_class i ON i.oid = "
        "x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = "
        "current_schema() AND i.relname = '" +
        name + "'");
    ASSERT_EQ(pg_where.size(), 1u) << name;
    EXPECT_EQ(sqlite_rows(*sqlite_, "SELECT id FROM reports WHERE " + where + " ORDER BY id"),
              pg_.rows("SELECT id FROM reports WHERE " + pg_where[0] + " ORDER BY id"))
        << name << ": " << where << " / " << pg_where[0];
  }
}

TEST_F(PostgresqlSchema, TheSameFirstRows) {
  for (const char* table :
       {"tally_settings", "catalog_version", "audit_head", "search_index_version"}) {
    const std::string all = std::string("SELECT * FROM ") + table;
    EXPECT_EQ(sqlite_rows(*sqlite_, all), pg_.rows(all)) << table;
  }
}

}  // namespace
}  // namespace aduan

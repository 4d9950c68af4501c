// The rules of store/derived_rules.h written for PostgreSQL by postgresql_trigger(), run on a
// real PostgreSQL 15 (a throwaway cluster that tests/support/with_postgresql starts) over the
// engine's first migration (server/migrations/postgresql/0033_baseline.sql), and
// held to SQLite: the same changes played on a SQLite store and on PostgreSQL leave the same
// counters, term counts, postings and catalogue version, and both refuse to change the admin
// log. One description, two engines, one behaviour.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "store/derived_rules.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/postgres.h"
#include "support/test_paths.h"

namespace aduan {
namespace {

// The changes played on both engines, in SQL both read alike: a report filed, forwarded,
// its status events, postings added then removed when it closes, a finished stage, a rating,
// a confidential report, one archived as spam, the catalogue edited, a load while counting
// is off.
const std::vector<std::string> kChanges = {
    "UPDATE tally_settings SET utc_offset_seconds = 25200, live = 1",
    "INSERT INTO agencies (id, code, name) VALUES (1, 'DPUPR', 'Dinas PUPR')",
    "INSERT INTO agencies (id, code, name) VALUES (2, 'PDAM', 'PDAM')",
    "UPDATE agencies SET name = 'Dinas PUPR Kabupaten' WHERE id = 1",
    "INSERT INTO categories (id, code, name, agency_id) VALUES (7, 'jalan', 'Jalan', 1)",
    "INSERT INTO holidays (date, name) VALUES ('2040-01-02', 'Libur uji')",
    "INSERT INTO holiday_years (year, confirmed) VALUES (2040, 1)",
    "DELETE FROM holidays WHERE date = '2040-01-02'",
    "INSERT INTO reports (id, tracking_id, classification, status, title, body, incident_date, "
    "location_text, category_id, channel, created_at, updated_at, stage, stage_due) VALUES "
    "(1, 'A1', 'complaint', 'submitted', 't', 'b', '2026-12-01', 'l', 7, 'web', 1796349600, "
    "1796349600, 'verification', '2026-12-10')",
    "INSERT INTO report_events (id, report_id, at, actor_role, action, from_status, to_status) "
    "VALUES (1, 1, 1796349600, 'citizen', 'submit', NULL, 'submitted')",
    "INSERT INTO report_terms (term, report_id) VALUES ('jalan', 1), ('lubang', 1), ('', 1)",
    "UPDATE reports SET status = 'forwarded', agency_id = 1, stage = 'first_response', "
    "stage_due = '2026-12-20' WHERE id = 1",
    "INSERT INTO report_events (id, report_id, at, actor_role, action, from_status, to_status) "
    "VALUES (2, 1, 1796436000, 'coordinator', 'forward', 'submitted', 'forwarded')",
    "INSERT INTO report_events (id, report_id, at, actor_role, action, from_status, to_status) "
    "VALUES (3, 1, 1796439600, 'coordinator', 'comment', 'forwarded', 'forwarded')",
    "INSERT INTO stage_records (id, report_id, stage, agency_id, category_id, started, due, "
    "ended, working_days, on_time, ended_at) VALUES (1, 1, 'verification', NULL, 7, "
    "'2026-12-01', '2026-12-10', '2026-12-02', 1, 1, 1796436000)",
    // Over a month boundary: the months' counts move, the days' too.
    "UPDATE reports SET status = 'closed', rating = 4, stage = 'none', stage_due = NULL, "
    "updated_at = 1798761600 WHERE id = 1",
    "INSERT INTO reports (id, tracking_id, classification, status, title, body, incident_date, "
    "location_text, category_id, agency_id, channel, created_at, updated_at, confidential, "
    "stage, stage_due) VALUES (2, 'A2', 'aspiration', 'forwarded', 't', 'b', '2026-12-01', 'l', "
    "7, 2, 'sms', 1798761600, 1798761600, 1, 'first_response', '2027-01-05')",
    "INSERT INTO report_terms (term, report_id) VALUES ('jalan', 2), ('', 2)",
    "UPDATE reports SET confidential = 1 WHERE id = 2",
    "INSERT INTO reports (id, tracking_id, classification, status, title, body, incident_date, "
    "location_text, category_id, channel, created_at, updated_at) VALUES (3, 'A3', "
    "'complaint', 'archived', 't', 'b', '2026-12-01', 'l', 7, 'api', 1796349600, 1796349600)",
    "UPDATE reports SET archive_reason = 'spam' WHERE id = 3",
    "UPDATE tally_settings SET live = 0",
    "INSERT INTO reports (id, tracking_id, classification, status, title, body, incident_date, "
    "location_text, category_id, channel, created_at, updated_at) VALUES (4, 'A4', "
    "'complaint', 'submitted', 't', 'b', '2026-12-01', 'l', 7, 'web', 1796349600, 1796349600)",
    "INSERT INTO report_terms (term, report_id) VALUES ('air', 4), ('pipa', 4)",
    "UPDATE tally_settings SET live = 1",
    // A posting loaded while counting was off leaves: its term has no count to take down.
    "DELETE FROM report_terms WHERE report_id = 4 AND term = 'air'",
    "INSERT INTO admin_events (id, at, actor, action, target_kind, target) VALUES "
    "(1, 1796349600, 'admin', 'agency_renamed', 'agency', 'DPUPR')",
};

// What the rules keep, read in one order on both engines.
const std::vector<std::string> kReadings = {
    "SELECT grain, period, agency_id, category_id, public, dimension, value, n "
    "FROM report_tallies ORDER BY 1, 2, 3, 4, 5, 6, 7",
    "SELECT due, status, agency_id, category_id, n FROM due_tallies ORDER BY 1, 2, 3, 4",
    "SELECT grain, period, agency_id, category_id, stage, working_days, on_time, n "
    "FROM stage_tallies ORDER BY 1, 2, 3, 4, 5, 6, 7",
    "SELECT term, n FROM term_counts ORDER BY 1",
    "SELECT term, report_id FROM report_terms ORDER BY 1, 2",
};

int64_t catalog_version(Postgres& pg) {
  return std::stoll(pg.rows("SELECT version FROM catalog_version").at(0));
}
int64_t catalog_version(Db& db) {
  return sqlite_of(db).execAndGet("SELECT version FROM catalog_version").getInt64();
}

TEST(DerivedRulesOnPostgresql, TheSameChangesKeepTheSameCountsOnBothEngines) {
  Postgres pg;
  ASSERT_TRUE(pg.ok()) << pg.error();
  ASSERT_EQ(pg.use_new_schema(), "");
  ASSERT_EQ(pg.exec(read_text(ADUAN_PG_BASELINE)), "");
  for (const DerivedRule& r : derived_rules()) {
    ASSERT_EQ(pg.exec(postgresql_trigger(r)), "") << postgresql_trigger(r);
  }
  // Installing them again replaces them, as a start after an upgrade does.
  for (const DerivedRule& r : derived_rules()) ASSERT_EQ(pg.exec(postgresql_trigger(r)), "");

  const auto dir = std::filesystem::temp_directory_path() /
                   ("aduan-rules-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  { Store store((dir / "store.db").string(), 1, (dir / "store.key").string()); }
  SqliteDb sqlite((dir / "store.db").string(), SQLite::OPEN_READWRITE);

  // A new SQLite store's migrations may have moved its version already: the two are held to
  // the same steps, not the same start.
  const int64_t pg_before = catalog_version(pg);
  const int64_t sqlite_before = catalog_version(sqlite);
  for (const std::string& change : kChanges) {
    ASSERT_EQ(pg.exec(change), "") << change;
    sqlite.exec(change);
  }
  for (const std::string& reading : kReadings) {
    const std::vector<std::string> on_pg = pg.rows(reading);
    EXPECT_EQ(on_pg, sqlite_rows(sqlite, reading)) << reading;
    EXPECT_FALSE(on_pg.empty()) << reading;
  }
  // Not vacuous: the closed report left the postings, the spam left the public figures, and
  // the load while counting was off counted nothing.
  EXPECT_EQ(pg.rows("SELECT n FROM term_counts WHERE term = 'lubang'"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(pg.rows("SELECT count(*) FROM report_terms WHERE report_id IN (1, 2)"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(pg.rows("SELECT count(*) FROM term_counts WHERE term IN ('air', 'pipa')"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(pg.rows("SELECT sum(n) FROM report_tallies WHERE grain = 0 AND "
                    "dimension = 'submitted' AND public = 1"),
            std::vector<std::string>{"1"});
  EXPECT_EQ(pg.rows("SELECT sum(n) FROM report_tallies WHERE grain = 0 AND "
                    "dimension = 'submitted'"),
            std::vector<std::string>{"3"});
  // Two agencies added and one renamed, a category, a holiday added and removed, a year.
  EXPECT_EQ(catalog_version(pg) - pg_before, 7);
  EXPECT_EQ(catalog_version(sqlite) - sqlite_before, 7);

  // The admin log is append-only on both.
  EXPECT_NE(pg.exec("DELETE FROM admin_events"), "");
  EXPECT_NE(pg.exec("UPDATE admin_events SET actor = 'x'"), "");
  EXPECT_THROW(sqlite.exec("DELETE FROM admin_events"), SQLite::Exception);
  EXPECT_EQ(pg.rows("SELECT count(*) FROM admin_events"), std::vector<std::string>{"1"});

  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace aduan

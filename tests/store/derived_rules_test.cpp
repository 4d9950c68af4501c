// The counters, postings, catalogue version and append-only log are kept by triggers made
// from one description (store/derived_rules.h). These tests hold the description to what the
// migrations installed, and show that a store whose trigger was lost or altered gets the
// described one back when it opens.
#include "store/derived_rules.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>

#include "store/sqlite_db.h"
#include "store/status_sql.h"
#include "store/store.h"

namespace aduan {
namespace {

class DerivedRules : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("aduan-derived-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "store.db").string();
    open_store();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void open_store() { Store store(path_, 1, (dir_ / "store.key").string()); }

  std::string installed(Db& db, const std::string& name) {
    SQLite::Statement q(sqlite_of(db),
                        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
    q.bind(1, name);
    return q.executeStep() ? q.getColumn(0).getString() : "";
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(DerivedRules, EveryTriggerIsDescribedAndTheMigrationsMadeTheSame) {
  SqliteDb db(path_, SQLite::OPEN_READWRITE);
  std::set<std::string> triggers;
  SQLite::Statement q(sqlite_of(db), "SELECT name FROM sqlite_master WHERE type = 'trigger'");
  while (q.executeStep()) triggers.insert(q.getColumn(0).getString());
  std::set<std::string> described;
  for (const DerivedRule& r : derived_rules()) described.insert(r.name);
  EXPECT_EQ(triggers, described);
  EXPECT_EQ(described.size(), 23u);
  // The migrations' hand-written triggers already say what the description says: a new
  // store needs nothing rewritten.
  EXPECT_EQ(sync_derived_rules(db), 0);
}

TEST_F(DerivedRules, GeneratedTextReadsAsATrigger) {
  const auto leave =
      std::find_if(derived_rules().begin(), derived_rules().end(),
                   [](const DerivedRule& r) { return r.name == "reports_terms_leave"; });
  ASSERT_NE(leave, derived_rules().end());
  // Which statuses leave the matcher's postings comes from the core's is_final.
  EXPECT_EQ(sqlite_trigger(*leave),
            "CREATE TRIGGER reports_terms_leave AFTER UPDATE OF status, confidential ON reports\n"
            "WHEN NEW.status IN " +
                status_sql_list(is_final) +
                " OR NEW.confidential = 1\n"
                "BEGIN\n"
                "  DELETE FROM report_terms WHERE report_id = NEW.id;\n"
                "END");
  EXPECT_EQ(status_sql_list(is_final), "('closed', 'archived')");

  const auto before =
      std::find_if(derived_rules().begin(), derived_rules().end(),
                   [](const DerivedRule& r) { return r.name == "reports_tally_before_update"; });
  ASSERT_NE(before, derived_rules().end());
  const std::string sql = sqlite_trigger(*before);
  // Before an update the counters lose the old row's keys.
  EXPECT_NE(sql.find("FROM report_tally_keys WHERE report_id = OLD.id"), std::string::npos) << sql;
  EXPECT_NE(sql.find("SELECT due, status, agency_id, category_id, -1"), std::string::npos) << sql;
  EXPECT_NE(sql.find("OLD.stage_due IS NOT NEW.stage_due"), std::string::npos) << sql;
  // The counter's key is carried for engines whose upsert names it.
  EXPECT_EQ(before->steps.front().conflict,
            (std::vector<std::string>{"grain", "period", "agency_id", "category_id", "public",
                                      "dimension", "value"}));
}

TEST_F(DerivedRules, AStoreGetsTheDescribedTriggersBackWhenItOpens) {
  {
    SqliteDb db(path_, SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER reports_terms_leave");
    // An older text of the version rule that forgot to count.
    db.exec("DROP TRIGGER agencies_version_insert");
    db.exec("CREATE TRIGGER agencies_version_insert AFTER INSERT ON agencies BEGIN SELECT 1; END");
  }
  open_store();
  SqliteDb db(path_, SQLite::OPEN_READWRITE);
  EXPECT_NE(installed(db, "reports_terms_leave").find("DELETE FROM report_terms"),
            std::string::npos);
  EXPECT_NE(installed(db, "agencies_version_insert").find("version = version + 1"),
            std::string::npos);
  // And the restored rule does its work: a new agency moves the catalogue's version.
  const int64_t before = db.execAndGet("SELECT version FROM catalog_version").getInt64();
  db.exec("INSERT INTO agencies (code, name) VALUES ('dinas-uji', 'Dinas Uji')");
  EXPECT_EQ(db.execAndGet("SELECT version FROM catalog_version").getInt64(), before + 1);
  EXPECT_EQ(sync_derived_rules(db), 0);
}

TEST_F(DerivedRules, TheAdminLogRefusesChange) {
  SqliteDb db(path_, SQLite::OPEN_READWRITE);
  db.exec(
      "INSERT INTO admin_events (at, actor, action, target_kind, target) "
      "VALUES (1, 'admin', 'account_created', 'account', 'budi')");
  EXPECT_THROW(db.exec("DELETE FROM admin_events"), SQLite::Exception);
  EXPECT_THROW(db.exec("UPDATE admin_events SET actor = 'x'"), SQLite::Exception);
}

}  // namespace
}  // namespace aduan

// Backups taken while citizens submit: every report acknowledged before the backup began is
// in it, the copy passes SQLite's integrity check, and a store restored from it serves.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "store/backup.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

TEST(Backup, TakenUnderLoadHoldsEveryAcknowledgedReport) {
  TestServer server;
  std::mutex mutex;
  std::vector<std::string> acknowledged;  // in the order the 201s came back
  std::atomic<bool> stop{false};
  std::vector<std::thread> citizens;
  for (int t = 0; t < 4; ++t) {
    citizens.emplace_back([&] {
      httplib::Client c = server.client();
      while (!stop) {
        auto res = c.Post("/api/v1/reports", valid_report().dump(), "application/json");
        if (res && res->status == 201) {
          std::lock_guard lock(mutex);
          acknowledged.push_back(json::parse(res->body)["tracking_id"]);
        }
      }
    });
  }
  while (true) {
    std::lock_guard lock(mutex);
    if (acknowledged.size() >= 40) break;
  }
  std::set<std::string> before;
  {
    std::lock_guard lock(mutex);
    before.insert(acknowledged.begin(), acknowledged.end());
  }
  const std::string copy = (server.dir() / "backup.db").string();
  backup_store(server.db_path().string(), copy);
  stop = true;
  for (auto& th : citizens) th.join();
  EXPECT_GT(acknowledged.size(), before.size());  // submissions went on during the backup

  SqliteDb b(copy, SQLite::OPEN_READONLY);
  EXPECT_EQ(b.execAndGet("PRAGMA integrity_check").getString(), "ok");
  for (const std::string& id : before) {
    std::string canonical;
    for (char ch : id)
      if (ch != '-') canonical.push_back(ch);
    EXPECT_EQ(b.execAndGet("SELECT count(*) FROM reports WHERE tracking_id = '" + canonical + "'")
                  .getInt(),
              1)
        << id;
  }

  // Restored into a new place, the store opens, migrates nothing and finds the reports.
  const std::string restored = (server.dir() / "restored.db").string();
  restore_store(copy, restored);
  Store store(restored);
  int64_t count = 0;
  store.read(
      [&](Db& db) { count = sqlite_of(db).execAndGet("SELECT count(*) FROM reports").getInt64(); });
  EXPECT_GE(count, static_cast<int64_t>(before.size()));
  EXPECT_THROW(backup_store((server.dir() / "missing.db").string(), copy), std::runtime_error);
  EXPECT_THROW(restore_store((server.dir() / "missing.db").string(), restored), std::runtime_error);
}

}  // namespace
}  // namespace aduan::testing

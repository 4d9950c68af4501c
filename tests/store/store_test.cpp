// Group commit: concurrent grouped writes share transactions, each is visible to another
// connection as soon as its call returns, and one that fails takes nobody else with it.
#include "store/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <thread>

#include "store/sqlite_db.h"
#include "support/grouped_chain.h"

namespace aduan {
namespace {

TEST(Store, GroupedWritesAreDurableOnReturnAndFailAlone) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("aduan-store-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "store.db").string();
  {
    Store store(path);
    store.write([](Db& db) { db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)"); });
    constexpr int kThreads = 16, kEach = 50;
    std::atomic<int> seen_on_return{0}, failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        SqliteDb other(path, SQLite::OPEN_READONLY);
        for (int i = 0; i < kEach; ++i) {
          const int id = t * kEach + i + 1;
          try {
            store.write_grouped([&](Db& db) {
              db.exec("INSERT INTO t VALUES (" + std::to_string(id) + ")");
              if (id % 7 == 0) throw std::runtime_error("this one fails");
            });
          } catch (const std::runtime_error&) {
            ++failures;
            continue;
          }
          // Committed before the call returned: another connection sees it.
          if (other.execAndGet("SELECT count(*) FROM t WHERE id = " + std::to_string(id)).getInt())
            ++seen_on_return;
        }
      });
    }
    for (auto& th : threads) th.join();
    const int failing = kThreads * kEach / 7;
    EXPECT_EQ(failures, failing);
    EXPECT_EQ(seen_on_return, kThreads * kEach - failing);
    SqliteDb check(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(check.execAndGet("SELECT count(*) FROM t").getInt(), kThreads * kEach - failing);
    EXPECT_EQ(check.execAndGet("SELECT count(*) FROM t WHERE id % 7 = 0").getInt(), 0);
  }
  std::filesystem::remove_all(dir);
}

TEST(Store, TheChainHeadFollowsEveryKeptWriteThroughGroups) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("aduan-store-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  {
    Store store((dir / "store.db").string());
    expect_the_chain_head_to_follow_every_kept_write(store);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace aduan

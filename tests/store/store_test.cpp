// Group commit: concurrent grouped writes share transactions, each is visible to another
// connection as soon as its call returns, and one that fails takes nobody else with it.
#include "store/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/grouped_chain.h"
#include "support/grouped_postings.h"

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

// The caller that writes a group goes back to its own client once that group is committed,
// and one of those waiting writes the next. A caller that went on writing groups for as long
// as others kept coming was held for all of them, until the load stopped.
TEST(Store, TheCallerThatWritesAGroupReturnsWhileOthersKeepComing) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("aduan-store-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  {
    Store store((dir / "store.db").string());
    store.write([](Db& db) { db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)"); });
    constexpr int kThreads = 8;
    std::atomic<bool> stop{false};
    std::vector<int> returned(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        while (!stop) {
          store.write_grouped([](Db& db) {
            db.exec("INSERT INTO t DEFAULT VALUES");
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
          });
          ++returned[t];
          // Time with its client between writes, as a server's callers have: some arrive
          // while each group is written.
          std::this_thread::sleep_for(std::chrono::milliseconds(1 + t % 4));
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
    stop = true;
    for (auto& th : threads) th.join();
    // A group takes up to 8 ms: each caller comes back a hundred times or so.
    for (int t = 0; t < kThreads; ++t) EXPECT_GE(returned[t], 5) << "caller " << t;
  }
  std::filesystem::remove_all(dir);
}

// A freed reader goes to the caller that has waited longest. Woken to race for it, a waiting
// caller could lose it again and again to others, and one read in a hundred waited for many
// more reads than there were callers ahead of it.
TEST(Store, AFreedReaderGoesToTheCallerThatWaitedLongest) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("aduan-store-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  {
    Store store((dir / "store.db").string(), 1);
    constexpr int kThreads = 12, kEach = 60;
    std::atomic<int> reads{0}, most_passed_by{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < kEach; ++i) {
          const int before = reads;
          store.read([&](Db& db) {
            const int passed_by = reads - before;
            int most = most_passed_by;
            while (passed_by > most && !most_passed_by.compare_exchange_weak(most, passed_by)) {
            }
            query_int64(db, "SELECT 1");
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            ++reads;
          });
        }
      });
    }
    for (auto& th : threads) th.join();
    // In turn, at most the other callers' reads (one each) come first, and a few more that
    // went while the caller, between looking at the count and asking, was not running.
    EXPECT_LE(most_passed_by, 3 * kThreads);
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

TEST(Store, TheGroupWritesThePostingsAndCountersOfItsKeptWritesOnly) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("aduan-store-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  {
    Store store((dir / "store.db").string(), 4, (dir / "store.db.key").string());
    expect_the_postings_and_counters_of_every_kept_write_only(store);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace aduan

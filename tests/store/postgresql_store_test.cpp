// The Store on PostgreSQL (store/postgresql_db.h): opened by URL, migrated once under its lock
// however many servers start together, its derived rules installed, the repositories' SQL run
// as written, and the server's faults given back as StorageError like SQLite's. Runs on the
// throwaway cluster of tests/support/with_postgresql, one database per test.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "base/storage_error.h"
#include "model/outbox_message.h"
#include "model/user.h"
#include "store/derived_rules.h"
#include "store/outbox_repository.h"
#include "store/postgresql_db.h"
#include "store/prepared.h"
#include "store/report_repository.h"
#include "store/store.h"
#include "store/user_repository.h"
#include "support/grouped_chain.h"
#include "support/grouped_postings.h"
#include "support/postgres.h"

namespace aduan {
namespace {

// A user added in a grouped write, as a submission is.
void add_user(Store& store, const std::string& username) {
  store.write_grouped([&](Db& db) {
    User u;
    u.username = username;
    u.display_name = username;
    u.password_hash = "h";
    UserRepository::insert(db, u, 1);
  });
}

class PostgresqlStore : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(admin_.ok()) << admin_.error();
    name_ = "store_" + std::to_string(std::random_device{}());
    ASSERT_EQ(admin_.exec("CREATE DATABASE " + name_), "");
  }
  void TearDown() override { admin_.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)"); }

  // The database of this test as aduan's --db takes it; the cluster's socket from PGHOST.
  std::string url() const {
    return "postgresql://postgres@/" + name_ + "?host=" + std::getenv("PGHOST");
  }

  Postgres admin_;
  std::string name_;
};

TEST_F(PostgresqlStore, OpensMigratesAndInstallsTheDerivedRules) {
  Store store(url(), 2);
  // PostgreSQL's migrations are numbered like SQLite's and end at the same version.
  EXPECT_EQ(store.schema_version(), latest_schema_version(Engine::kPostgresql));
  EXPECT_EQ(store.schema_version(), latest_schema_version(Engine::kSqlite));
  store.read([](Db& db) {
    EXPECT_EQ(db.engine(), Engine::kPostgresql);
    EXPECT_EQ(query_int64(db, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"),
              int64_t(derived_rules().size()));
    // The first rows of the baseline: the counters' settings, the catalogue's version.
    EXPECT_EQ(query_int64(db, "SELECT count(*) FROM tally_settings"), 1);
  });
  // A second open finds nothing to do.
  store.write([](Db& db) {
    EXPECT_EQ(apply_migrations(db), 0);
    EXPECT_EQ(sync_derived_rules(db), 0);
  });
}

TEST_F(PostgresqlStore, AnAlteredRuleIsPutBack) {
  { Store store(url(), 1); }
  Postgres pg;
  ASSERT_EQ(pg.exec("SET search_path TO public"), "");
  PostgresqlDb db(url());
  const DerivedRule& rule = derived_rules().front();
  db.exec("CREATE OR REPLACE FUNCTION " + rule.name +
          "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
  EXPECT_EQ(sync_derived_rules(db), 1);
  EXPECT_EQ(sync_derived_rules(db), 0);
}

TEST_F(PostgresqlStore, ServersStartingTogetherMigrateOnce) {
  std::vector<std::thread> servers;
  std::vector<std::string> errors(3);
  for (size_t i = 0; i < errors.size(); ++i) {
    servers.emplace_back([&, i] {
      try {
        Store store(url(), 1);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (std::thread& t : servers) t.join();
  for (const std::string& e : errors) EXPECT_EQ(e, "");
  Store store(url(), 1);
  EXPECT_EQ(store.schema_version(), latest_schema_version(Engine::kSqlite));
}

TEST_F(PostgresqlStore, RepositoriesRunTheirSqlAsWritten) {
  Store store(url(), 2);
  int64_t id = 0;
  store.write([&](Db& db) {
    Transaction tx(db);
    User u;
    u.username = "siti";
    u.display_name = "Siti Aminah";
    u.role = Role::kCoordinator;
    u.password_hash = "$argon2id$x";
    id = UserRepository::insert(db, u, 1764892800);
    tx.commit();
  });
  EXPECT_GT(id, 0);
  store.read([&](Db& db) {
    const auto found = UserRepository::find_by_username(db, "siti");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->display_name, "Siti Aminah");
    EXPECT_EQ(found->role, Role::kCoordinator);
    EXPECT_FALSE(found->agency_id.has_value());
    EXPECT_EQ(UserRepository::count(db), 1);
  });

  // Bytes go in as bytea and come back the same, NUL and high bytes included.
  const std::string sealed("PIN\0\xff\x01 482913", 14);
  store.write_grouped([&](Db& db) {
    OutboxMessage m;
    m.message_id = "m-1";
    m.event = "submitted";
    m.channel = "email";
    m.recipient = "warga@example.id";
    m.subject = "Laporan diterima";
    m.body = "PIN ******";
    m.sealed_body = sealed;
    m.created_at = 1764892800;
    OutboxRepository::insert(db, &m);
    EXPECT_GT(m.id, 0);
  });
  store.write([&](Db& db) {
    Transaction tx(db);
    const auto claimed = OutboxRepository::claim_due(db, 1764892900, 60, 10);
    ASSERT_EQ(claimed.size(), 1u);
    EXPECT_EQ(claimed[0].sealed_body, sealed);
    EXPECT_EQ(claimed[0].recipient, "warga@example.id");
    tx.commit();
  });
}

TEST_F(PostgresqlStore, AFailedGroupedWriteLeavesTheOthersWhole) {
  Store store(url(), 1);
  auto add = [&](const std::string& username) { add_user(store, username); };
  add("andi");
  EXPECT_THROW(add("andi"), StorageError);  // the same username twice
  add("budi");
  store.read([](Db& db) { EXPECT_EQ(UserRepository::count(db), 2); });
}

// A grouped write's statements are sent without waiting for the answers nobody reads
// (Prepared::send, libpq's pipeline mode): an error among them must still fail its own
// writer, at its next statement that waits or at its end, and leave the others whole.
TEST_F(PostgresqlStore, AnErrorInAStatementSentWithoutWaitingFailsItsOwnWriterOnly) {
  Store store(url(), 1);
  store.write([](Db& db) { db.exec("CREATE TABLE sent(k TEXT PRIMARY KEY)"); });
  auto send = [](Db& db, const std::string& key) {
    Prepared q(db, "INSERT INTO sent(k) VALUES(?)");
    q.bind(1, key);
    q.send();
  };
  auto count = [&] {
    int64_t n = 0;
    store.read([&](Db& db) { n = query_int64(db, "SELECT count(*) FROM sent"); });
    return n;
  };
  store.write_grouped([&](Db& db) { send(db, "a"); });
  EXPECT_EQ(count(), 1);

  // Found at the writer's end (its RELEASE waits for every answer): "b" goes with it.
  EXPECT_THROW(store.write_grouped([&](Db& db) {
    send(db, "b");
    send(db, "a");
  }),
               StorageError);
  EXPECT_EQ(count(), 1);

  // Found by the next statement that waits, which does not run.
  bool read_after = false;
  EXPECT_THROW(store.write_grouped([&](Db& db) {
    send(db, "a");
    query_int64(db, "SELECT count(*) FROM sent");
    read_after = true;
  }),
               StorageError);
  EXPECT_FALSE(read_after);

  // A writer that throws after sending: what it sent is undone, its own error comes back.
  EXPECT_THROW(store.write_grouped([&](Db& db) {
    send(db, "c");
    send(db, "a");
    throw std::runtime_error("given up");
  }),
               std::runtime_error);
  EXPECT_EQ(count(), 1);

  // Many writers at once, grouped as they come: each duplicate fails alone.
  std::vector<std::thread> writers;
  std::atomic<int> failed{0};
  for (int i = 0; i < 32; ++i) {
    writers.emplace_back([&, i] {
      try {
        store.write_grouped([&](Db& db) {
          send(db, "w" + std::to_string(i));
          if (i % 4 == 0) send(db, "a");
        });
      } catch (const StorageError&) {
        ++failed;
      }
    });
  }
  for (std::thread& t : writers) t.join();
  EXPECT_EQ(failed.load(), 8);
  EXPECT_EQ(count(), 1 + 24);
  // The writer's connection serves as before: a write outside a group, and one within.
  store.write([&](Db& db) {
    Transaction tx(db);
    send(db, "d");
    tx.commit();
  });
  store.write_grouped([&](Db& db) { send(db, "e"); });
  EXPECT_EQ(count(), 27);

  // PostgreSQL answers the COMMIT of a transaction an error ended with ROLLBACK and no error:
  // the caller hears that nothing was written.
  EXPECT_THROW(store.write([&](Db& db) {
    Transaction tx(db);
    send(db, "f");
    try {
      send(db, "a");
    } catch (const PostgresqlError&) {
      // Swallowed, as a careless caller might.
    }
    tx.commit();
  }),
               StorageError);
  EXPECT_EQ(count(), 27);
}

TEST_F(PostgresqlStore, TheChainHeadFollowsEveryKeptWriteThroughGroups) {
  Store store(url(), 2);
  expect_the_chain_head_to_follow_every_kept_write(store);
}

TEST_F(PostgresqlStore, TheGroupWritesThePostingsAndCountersOfItsKeptWritesOnly) {
  const auto key = std::filesystem::temp_directory_path() /
                   ("aduan-store-" + std::to_string(std::random_device{}()) + ".key");
  {
    Store store(url(), 2, key.string());  // events are linked with the audit key
    expect_the_postings_and_counters_of_every_kept_write_only(store);
  }
  std::filesystem::remove(key);
}

// A submission's report takes its id from the sequence a few at a time, before its INSERT,
// so that the one writer need not wait for the INSERT's answer (ReportRepository::add). An
// INSERT that lets the engine give the id (the seeder's, or a server of an older version on
// the same database) must never meet one of those ids, and ids must still follow the order
// the reports were committed in, across servers too: export batches and "newer than" reads
// go by id. Two stores on the database here, as two servers.
TEST_F(PostgresqlStore, ReportsTakeTheirIdsFromTheSequenceInTheOrderTheyAreCommitted) {
  Store store(url(), 1);
  Store other(url(), 1);
  int64_t category = 0;
  store.write([&](Db& db) {
    category = query_int64(db, "INSERT INTO categories(code, name) VALUES('j', 'J') RETURNING id");
  });
  constexpr int kThreads = 6, kEach = 20;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        ReportRecord r;
        r.tracking_id = "T" + std::to_string(t) + "x" + std::to_string(i);
        r.title = r.body = "jalan";
        r.category_id = category;
        Store& server = t % 2 ? other : store;
        if (i % 5 == 4) {
          server.write([&](Db& db) {
            Transaction tx(db);  // takes the write lock, as the seeder's do
            ASSERT_TRUE(ReportRepository::insert(db, &r));
            tx.commit();
          });
        } else {
          server.write_grouped([&](Db& db) { ReportRepository::add(db, &r); });
        }
        EXPECT_GT(r.id, 0);
      }
    });
  }
  for (auto& th : threads) th.join();
  store.read([](Db& db) {
    EXPECT_EQ(query_int64(db, "SELECT count(DISTINCT id) FROM reports"), kThreads * kEach);
    // Each row's transaction (or savepoint) ids grow with the report ids: groups and single
    // writes, of either server, are committed one after another under the write lock.
    EXPECT_EQ(query_int64(db,
                          "SELECT count(*) FROM (SELECT xmin::text::bigint AS x, "
                          "lag(xmin::text::bigint) OVER (ORDER BY id) AS before FROM reports) s "
                          "WHERE x < before"),
              0);
  });
}

// A reader's connection stays in a pipeline: its COMMIT is sent without waiting for the
// answer. The snapshot must still end with the read (no session left idle in a transaction,
// holding back vacuum), and the next read must see what was written meanwhile.
TEST_F(PostgresqlStore, AReadEndsItsSnapshotWithoutWaitingForTheCommit) {
  Store store(url(), 1);
  auto users = [&] {
    int64_t n = 0;
    store.read([&](Db& db) { n = UserRepository::count(db); });
    return n;
  };
  auto add = [&](const std::string& username) { add_user(store, username); };
  EXPECT_EQ(users(), 0);
  add("andi");
  EXPECT_EQ(users(), 1);
  add("budi");
  EXPECT_EQ(users(), 2);
  // Every session of the store idle, holding no snapshot and no transaction id.
  const std::string busy = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name_ +
                           "' AND (state <> 'idle' OR backend_xmin IS NOT NULL OR "
                           "backend_xid IS NOT NULL)";
  std::vector<std::string> found;
  for (int i = 0; i < 100; ++i) {  // the COMMIT is on its way: a moment for the server
    found = admin_.rows(busy);
    if (found == std::vector<std::string>{"0"}) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(found, std::vector<std::string>{"0"});
  // A read that fails leaves the connection serving the next one.
  EXPECT_THROW(store.read([](Db& db) { query_int64(db, "SELECT no_such_column FROM users"); }),
               StorageError);
  EXPECT_EQ(users(), 2);
}

TEST_F(PostgresqlStore, NumberedParametersLeaveQuotesAndBodiesAlone) {
  int n = 0;
  EXPECT_EQ(numbered_parameters("SELECT '?', \"a?\", ? -- ?\n, ?", &n),
            "SELECT '?', \"a?\", $1 -- ?\n, $2");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(numbered_parameters("DO $x$ SELECT ? $x$; SELECT ?", &n),
            "DO $x$ SELECT ? $x$; SELECT $1");
  EXPECT_EQ(n, 1);
  // SQLite's numbered parameters keep their numbers; a bare one after them is the next.
  EXPECT_EQ(numbered_parameters("?1 + ?2 < ?1 AND ?", &n), "$1 + $2 < $1 AND $3");
  EXPECT_EQ(n, 3);
}

TEST_F(PostgresqlStore, WorkNamedExclusiveRunsOnOneServerAtATime) {
  Store first(url(), 1);
  Store second(url(), 1);
  bool second_ran = true;
  const bool first_ran = first.exclusively("deadline-job", [&] {
    // While the first server holds it, the second passes; another name is free.
    second_ran = second.exclusively("deadline-job", [] {});
    EXPECT_TRUE(second.exclusively("other-work", [] {}));
  });
  EXPECT_TRUE(first_ran);
  EXPECT_FALSE(second_ran);
  // Let go when done, and when the work throws.
  EXPECT_TRUE(second.exclusively("deadline-job", [] {}));
  EXPECT_THROW(first.exclusively("deadline-job", [] { throw std::runtime_error("failed"); }),
               std::runtime_error);
  EXPECT_TRUE(second.exclusively("deadline-job", [] {}));
}

TEST(PostgresqlFaults, AnUnreachableServerIsAStorageFault) {
  try {
    Store store("postgresql://nobody@/aduan?host=/nonexistent&connect_timeout=1", 1);
    FAIL() << "opened a store on no server";
  } catch (const StorageError& e) {
    EXPECT_EQ(e.kind(), StorageError::Kind::kUnavailable) << e.what();
  }
}

}  // namespace
}  // namespace aduan

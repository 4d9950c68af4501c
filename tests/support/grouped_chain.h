// The audit chain's head through grouped writes, on whichever engine the store is: a group
// reads the head once and keeps it as its writers move it (Db::group_memo), so a writer
// whose changes are undone must not leave its head to the next, and a write outside any
// group must find the head where the last group left it. tests/store/store_test.cpp runs
// it on SQLite, tests/store/postgresql_store_test.cpp on PostgreSQL.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <latch>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/audit_chain.h"
#include "store/prepared.h"
#include "store/store.h"

namespace aduan {

inline void expect_the_chain_head_to_follow_every_kept_write(Store& store) {
  store.write([](Db& db) {
    db.exec("CREATE TABLE linked (event_id BIGINT PRIMARY KEY, previous TEXT NOT NULL)");
  });
  // As an event does: the next id after the head, linked to the head's link.
  auto link = [](Db& db) {
    const AuditHead head = read_audit_head(db);
    Prepared q(db, "INSERT INTO linked(event_id, previous) VALUES(?, ?)");
    q.bind(1, head.event_id + 1);
    q.bind(2, head.link);
    q.send();
    write_audit_head(db, {head.event_id + 1, "link" + std::to_string(head.event_id + 1)});
  };
  std::atomic<int> kept{0}, undone{0}, unexpected{0};
  for (int round = 0; round < 3; ++round) {
    std::vector<std::thread> writers;
    std::latch ready(16);
    for (int i = 0; i < 16; ++i) {
      writers.emplace_back([&, i] {
        ready.arrive_and_wait();  // all at once: groups of several, undone writers among them
        try {
          store.write_grouped([&](Db& db) {
            link(db);
            // Long enough that the writers arriving meanwhile make groups of several.
            std::this_thread::sleep_for(std::chrono::microseconds(300));
            if (i % 5 == 0) throw std::runtime_error("undone after moving the head");
          });
          ++kept;
        } catch (const std::exception& e) {
          (std::string(e.what()) == "undone after moving the head" ? undone : unexpected)++;
        }
      });
    }
    for (std::thread& w : writers) w.join();
    // Outside any group, as an action written with Store::write.
    store.write([&](Db& db) {
      Transaction tx(db);
      link(db);
      tx.commit();
    });
    ++kept;
  }
  EXPECT_EQ(unexpected.load(), 0);
  EXPECT_EQ(undone.load(), 3 * 4);
  store.read([&](Db& db) {
    EXPECT_EQ(read_audit_head(db).event_id, kept.load());
    EXPECT_EQ(query_int64(db, "SELECT count(*) FROM linked"), kept.load());
    EXPECT_EQ(query_int64(db, "SELECT max(event_id) FROM linked"), kept.load());
    // Each kept write followed the one before it, not one that was undone.
    EXPECT_EQ(query_int64(db,
                          "SELECT count(*) FROM linked WHERE event_id > 1 AND "
                          "previous <> 'link' || CAST(event_id - 1 AS TEXT)"),
              0);
  });
}

}  // namespace aduan

// A report's postings and counters through grouped writes, on whichever engine the store is:
// a group writes the postings of all its writers once, after the last of them, and on
// PostgreSQL counts their reports and events then (Db::GroupPending), so a writer whose changes are
// undone must take its postings and counts with it, and every kept writer's must be there:
// in the matcher's rows, on PostgreSQL in the staff search's blocks, and in the counters as
// a recount finds them.
// tests/store/store_test.cpp runs it on SQLite, tests/store/postgresql_store_test.cpp on
// PostgreSQL.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <latch>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "model/report_record.h"
#include "store/prepared.h"
#include "store/report_repository.h"
#include "store/report_search.h"
#include "store/similar_reports.h"
#include "store/store.h"
#include "store/tallies.h"

namespace aduan {

// The counters, zero rows aside (a recount makes none), one line per row in key order.
inline std::string counter_rows(Db& db) {
  std::string out;
  Prepared q(db,
             "SELECT grain, period, agency_id, category_id, public, dimension, value, n "
             "FROM report_tallies WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7");
  while (q.executeStep()) {
    for (int i = 0; i < 8; ++i) out += q.getColumn(i).getString() + (i < 7 ? " " : "\n");
  }
  return out;
}

inline void expect_the_postings_and_counters_of_every_kept_write_only(Store& store) {
  int64_t category = 0;
  store.write([&](Db& db) {
    Transaction tx(db);
    tallies::resume(db, 0);  // counting live, as a server's start makes it
    tx.commit();
  });
  store.write([&](Db& db) {
    category = query_int64(db, "INSERT INTO categories(code, name) VALUES('j', 'J') RETURNING id");
  });
  std::atomic<int> kept{0}, undone{0}, unexpected{0};
  std::vector<int64_t> kept_ids, undone_ids;
  std::mutex ids_mutex;
  for (int round = 0; round < 3; ++round) {
    std::vector<std::thread> writers;
    std::latch ready(16);
    for (int i = 0; i < 16; ++i) {
      writers.emplace_back([&, round, i] {
        ReportRecord r;
        r.tracking_id = "G" + std::to_string(round) + "x" + std::to_string(i);
        r.title = "Jalan berlubang " + r.tracking_id;
        r.body = "Lubang besar di jalan depan sekolah";
        r.category_id = category;
        ready.arrive_and_wait();  // all at once: groups of several, undone writers among them
        try {
          store.write_grouped([&](Db& db) {
            ReportRepository::add(db, &r);
            EventRecord e;  // its first event, as a submission's: a transition counted
            e.at = r.created_at;
            ReportRepository::append_event(db, store.secrets(), r, e);
            SimilarReports::add(db, r);
            ReportSearch::add(db, r);
            // Long enough that the writers arriving meanwhile make groups of several.
            std::this_thread::sleep_for(std::chrono::microseconds(300));
            if (i % 5 == 0) throw std::runtime_error("undone after posting");
          });
          ++kept;
          std::lock_guard lock(ids_mutex);
          kept_ids.push_back(r.id);
        } catch (const std::exception& e) {
          const bool planned = std::string(e.what()) == "undone after posting";
          (planned ? undone : unexpected)++;
          if (!planned) ADD_FAILURE() << e.what();
          std::lock_guard lock(ids_mutex);
          if (r.id > 0) undone_ids.push_back(r.id);
        }
      });
    }
    for (std::thread& w : writers) w.join();
  }
  EXPECT_EQ(unexpected.load(), 0);
  EXPECT_EQ(undone.load(), 3 * 4);
  store.read([&](Db& db) {
    // The postings' count of reports ("" is every indexed report's term) and of a word they
    // all hold: one each per kept report, and no posting of a report that is not there.
    EXPECT_EQ(query_int64(db, "SELECT count(*) FROM report_terms WHERE term = ''"), kept.load());
    EXPECT_EQ(query_int64(db, "SELECT count(DISTINCT report_id) FROM report_terms"), kept.load());
    EXPECT_EQ(query_int64(db,
                          "SELECT count(*) FROM report_terms t WHERE NOT EXISTS "
                          "(SELECT 1 FROM reports r WHERE r.id = t.report_id)"),
              0);
    for (int64_t id : kept_ids) {
      EXPECT_EQ(query_int64(db,
                            "SELECT count(*) FROM report_terms WHERE term = '' AND "
                            "report_id = " +
                                std::to_string(id)),
                1)
          << id;
    }
    if (db.engine() != Engine::kPostgresql) return;
    // The staff search's blocks: the bit of every kept report, set once, and no other.
    const std::string term = "lubang";
    EXPECT_EQ(query_int64(db,
                          "SELECT coalesce(sum(bit_count(bits)), 0) FROM "
                          "report_search_blocks WHERE term = '" +
                              term + "'"),
              kept.load());
    auto bit_set = [&](int64_t id) {
      return query_int64(db, "SELECT count(*) FROM report_search_blocks WHERE term = '" + term +
                                 "' AND block = " + std::to_string(id >> 8) +
                                 " AND get_bit(bits, " + std::to_string(id & 255) + ") = 1");
    };
    for (int64_t id : kept_ids) EXPECT_EQ(bit_set(id), 1) << id;
    for (int64_t id : undone_ids) EXPECT_EQ(bit_set(id), 0) << id;
  });
  std::string kept_counters;
  store.read([&](Db& db) {
    kept_counters = counter_rows(db);
    EXPECT_EQ(query_int64(db,
                          "SELECT sum(n) FROM report_tallies WHERE grain = 0 AND "
                          "dimension = 'submitted'"),
              kept.load());
  });
  store.write([](Db& db) { tallies::rebuild(db); });
  store.read([&](Db& db) { EXPECT_EQ(kept_counters, counter_rows(db)); });
}

}  // namespace aduan

// The hot requests' queries, asked of SQLite with EXPLAIN QUERY PLAN: none may read a whole
// large table (or a whole index of one), whatever the store's size. The queries are the ones
// each request really prepared, recorded by a StatementLog, not copies of them.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "app/seed.h"
#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

// Tables that grow with the number of reports.
const std::regex kFullScan(
    R"(\bSCAN (reports|report_events|stage_records|report_tallies|stage_tallies|due_tallies|)"
    R"(notifications|sessions|rate_events|r|e)\b)");

class QueryPlans : public ::testing::Test {
 protected:
  QueryPlans() { seed_reports(server.app(), 3000, 2, server.clock().now_unix(), 7); }

  // The plan of every statement `request` prepared, one line per step.
  std::vector<std::string> plans_of(const std::function<void()>& request) {
    StatementLog log;
    request();
    SqliteDb db(server.db_path().string(), SQLite::OPEN_READONLY);
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const std::string& sql : log.take()) {
      if (!seen.insert(sql).second) continue;
      SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
      while (plan.executeStep()) out.push_back(plan.getColumn(3).getString() + "  <-  " + sql);
    }
    return out;
  }
  void expect_no_full_scan(const std::string& name, const std::function<void()>& request) {
    const auto plans = plans_of(request);
    EXPECT_FALSE(plans.empty()) << name << " ran no query";
    for (const std::string& line : plans) {
      const std::string step = line.substr(0, line.find("  <-  "));
      const std::string sql = line.substr(line.find("  <-  ") + 6);
      // Reading a table or an index in its order is fine when the query stops after a few
      // rows: a page (LIMIT, no sort of its own) or a count that stops at kCountLimit. The
      // filters that match few rows have indexes of their own, which the planner prefers.
      bool plan_sorts = false;
      for (const std::string& other : plans) {
        plan_sorts |= other.find("TEMP B-TREE FOR ORDER BY") != std::string::npos &&
                      other.substr(other.find("  <-  ") + 6) == sql;
      }
      const bool stops_early = sql.find(" LIMIT ") != std::string::npos && !plan_sorts;
      EXPECT_FALSE(std::regex_search(step, kFullScan) && !stops_early) << name << ": " << line;
    }
  }
  // A page read in its order from an index, not every match sorted for it.
  void expect_no_sort(const std::string& name, const std::function<void()>& request) {
    for (const std::string& line : plans_of(request)) {
      const std::string sql = line.substr(line.find("  <-  ") + 6);
      if (sql.find(" LIMIT ") == std::string::npos || sql.find("count(") != std::string::npos)
        continue;
      EXPECT_EQ(line.find("TEMP B-TREE FOR ORDER BY"), std::string::npos) << name << ": " << line;
    }
  }
  // A search by words reads the FTS5 index's matches first and each match's report after;
  // the other way round asks the index about every report of the filter (of an agency: tens
  // of thousands at a million reports).
  void expect_words_first(const std::string& name, const std::function<void()>& request) {
    std::map<std::string, std::vector<std::string>> steps;
    for (const std::string& line : plans_of(request)) {
      const std::string sql = line.substr(line.find("  <-  ") + 6);
      if (sql.find("report_search MATCH") != std::string::npos &&
          sql.find(" reports ") != std::string::npos) {
        steps[sql].push_back(line.substr(0, line.find("  <-  ")));
      }
    }
    EXPECT_FALSE(steps.empty()) << name << " searched no words in reports";
    for (const auto& [sql, plan] : steps) {
      auto first = [&](const std::string& table) {
        for (size_t i = 0; i < plan.size(); ++i) {
          if (plan[i].find(table) != std::string::npos) return i;
        }
        return plan.size();
      };
      EXPECT_LT(first("report_search VIRTUAL TABLE"), first(" reports ")) << name << ": " << sql;
    }
  }
  json get(const StaffSession& s, const std::string& path) {
    httplib::Client c = server.client();
    auto res = c.Get(path.c_str(), s.headers());
    EXPECT_EQ(res->status, 200) << path << " " << res->body;
    return json::parse(res->body);
  }

  TestServer server;
  StaffSession coordinator = server.login("koordinator");
  StaffSession dpupr = server.login("admin.dpupr");
};

TEST_F(QueryPlans, HotRequestsReadNoLargeTableWhole) {
  std::pair<std::string, std::string> filed;
  expect_no_full_scan("submit", [&] { filed = server.submit(); });
  const std::string& id = filed.first;
  httplib::Client c = server.client();
  expect_no_full_scan("track",
                      [&] { EXPECT_EQ(c.Get(("/api/v1/reports/" + id).c_str())->status, 200); });
  // PIN checks and logins count in rate_events, which a guess spread over many addresses
  // fills: each check reads a few rows of it by key, never the table.
  expect_no_full_scan("wrong PIN", [&] {
    auto res = c.Post(("/api/v1/reports/" + id + "/access").c_str(), R"({"pin":"00000000"})",
                      "application/json");
    EXPECT_EQ(res->status, 403);
  });
  expect_no_full_scan("reporter's view", [&] {
    auto res = c.Post(("/api/v1/reports/" + id + "/access").c_str(),
                      json{{"pin", filed.second}}.dump(), "application/json");
    EXPECT_EQ(res->status, 200);
  });
  expect_no_full_scan("wrong password", [&] {
    auto res = c.Post("/api/v1/session", R"({"username":"koordinator","password":"x"})",
                      "application/json");
    EXPECT_EQ(res->status, 401);
  });
  expect_no_full_scan("queue", [&] { get(coordinator, "/api/v1/staff/reports"); });
  expect_no_full_scan("queue by status",
                      [&] { get(coordinator, "/api/v1/staff/reports?status=submitted"); });
  expect_no_full_scan("escalated queue",
                      [&] { get(coordinator, "/api/v1/staff/reports?status=escalated"); });
  expect_no_full_scan("agency queue", [&] { get(dpupr, "/api/v1/staff/reports"); });
  for (const char* q : {"jalan%20rusak", "lampu", "081234567890", "siti%40contoh.id"}) {
    expect_no_full_scan(std::string("queue search ") + q,
                        [&] { get(coordinator, std::string("/api/v1/staff/reports?q=") + q); });
    expect_no_full_scan(std::string("agency queue search ") + q,
                        [&] { get(dpupr, std::string("/api/v1/staff/reports?q=") + q); });
  }
  for (const char* path :
       {"/api/v1/staff/reports?q=jalan%20rusak", "/api/v1/staff/reports?status=forwarded&q=lampu",
        "/api/v1/staff/reports?status=&q=lampu"}) {
    expect_words_first(std::string("agency queue search ") + path, [&] { get(dpupr, path); });
    expect_words_first(std::string("queue search ") + path + "&agency=DPUPR",
                       [&] { get(coordinator, std::string(path) + "&agency=DPUPR"); });
  }
  for (const char* sort : {"oldest", "newest", "updated", "followers"}) {
    expect_no_full_scan(std::string("queue sorted ") + sort, [&] {
      get(coordinator, std::string("/api/v1/staff/reports?sort=") + sort);
    });
    expect_no_full_scan(std::string("queue by status sorted ") + sort, [&] {
      get(coordinator, std::string("/api/v1/staff/reports?status=submitted&sort=") + sort);
    });
    // An agency's list, of one status or of all, in each order: read in order, not sorted.
    for (const char* status : {"", "forwarded"}) {
      const std::string path =
          std::string("/api/v1/staff/reports?status=") + status + "&sort=" + sort;
      expect_no_full_scan("agency queue " + path, [&] { get(dpupr, path); });
      expect_no_sort("agency queue " + path, [&] { get(dpupr, path); });
      expect_no_sort("queue " + path, [&] { get(coordinator, path); });
    }
  }
  expect_no_full_scan("report page", [&] { get(coordinator, "/api/v1/staff/reports/" + id); });
  // The inbox, each role's: a few hundred reports read from indexes, their newest events.
  for (const char* who : {"koordinator", "admin.dpupr", "petugas.dpupr", "ombudsman"}) {
    const StaffSession s = server.login(who);
    expect_no_full_scan(std::string("inbox of ") + who, [&] { get(s, "/api/v1/staff/inbox"); });
  }
  expect_no_full_scan("forward", [&] {
    const json r = get(coordinator, "/api/v1/staff/reports/" + id);
    auto res =
        c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
               json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", r["version"]}}.dump(),
               "application/json");
    EXPECT_EQ(res->status, 200) << res->body;
  });
  expect_no_full_scan("dashboard", [&] { get(coordinator, "/api/v1/staff/dashboard"); });
  expect_no_full_scan("dashboard, two years", [&] {
    get(coordinator, "/api/v1/staff/dashboard?from=2025-01-01&to=2026-12-31");
  });
  expect_no_full_scan("agency dashboard", [&] { get(dpupr, "/api/v1/staff/dashboard"); });
  expect_no_full_scan("public list",
                      [&] { EXPECT_EQ(c.Get("/api/v1/public/reports")->status, 200); });
  expect_no_full_scan("public list by category", [&] {
    EXPECT_EQ(c.Get("/api/v1/public/reports?category=jalan-jembatan")->status, 200);
  });
  expect_no_full_scan("Open311 requests",
                      [&] { EXPECT_EQ(c.Get("/open311/v2/requests.json")->status, 200); });
  expect_no_full_scan("public statistics",
                      [&] { EXPECT_EQ(c.Get("/api/v1/public/stats")->status, 200); });
  expect_no_full_scan("similar reports", [&] {
    const json draft{{"title", "Jalan berlubang di depan pasar"},
                     {"body", "Lubang besar di jalan depan pasar membahayakan pengendara."},
                     {"category", "jalan-jembatan"}};
    auto res = c.Post("/api/v1/reports/similar", draft.dump(), "application/json");
    EXPECT_EQ(res->status, 200) << res->body;
  });
}

}  // namespace
}  // namespace aduan::testing

// aduan processes killed with SIGKILL at random moments while citizens submit reports and
// a coordinator forwards them, then restarted, again and again. Every request that got a
// success answer must be in the store afterwards, nothing half-done may be, and SQLite's
// integrity check and aduan's audit chain must hold. ADUAN_CRASH_KILLS sets the number of
// kills (20 here; tools/crash_test runs a longer one).
//
// On SQLite one process serves the file. On PostgreSQL (ADUAN_TEST_ENGINE=postgresql) three
// serve one database, the clients spread over them; each kill takes one of the three at
// random while the other two go on serving, and the killed one is started again.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/test_database.h"
#include "support/test_paths.h"
#include "support/test_peers.h"

namespace aduan::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

int kills_wanted() {
  const char* env = std::getenv("ADUAN_CRASH_KILLS");
  return env ? std::max(1, std::atoi(env)) : 20;
}

class CrashUnderLoad : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(dir_);
    const std::string demo = std::string(ADUAN_BIN) + " demo " + database_->shell_args() + " > " +
                             (dir_ / "demo.out").string();
    ASSERT_EQ(std::system(demo.c_str()), 0);
    std::ifstream out(dir_ / "demo.out");
    for (std::string word; out >> word;) {
      if (word == "koordinator") out >> word >> password_;  // "account: koordinator password: X"
    }
  }
  void TearDown() override {
    database_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<AduanProcess> start(int which) {
    std::vector<std::string> args{"--audit-key",    database_->key_path().string(),
                                  "--job-interval", "0",
                                  "--limit-submit", "0",
                                  "--limit-track",  "0"};
    return std::make_unique<AduanProcess>(ADUAN_BIN, database_->location(),
                                          dir_ / ("serve-" + std::to_string(which) + ".out"), args);
  }

  // Acknowledged writes, as the clients saw them.
  struct Acked {
    std::mutex mutex;
    std::map<std::string, std::string> reports;  // tracking ID -> title
    std::set<std::string> forwarded;
    std::vector<std::string> submitted_order;
  };

  void citizen(AduanProcess& server, int who, std::atomic<bool>& stop, Acked& acked) {
    httplib::Client c = server.client();
    for (int i = 0; !stop; ++i) {
      const std::string title = "Jalan rusak nomor " + std::to_string(who) + "-" +
                                std::to_string(i) + "-" + std::to_string(round_);
      const json body{{"classification", "complaint"},
                      {"title", title},
                      {"body", "Lubang besar di tengah jalan, sudah dua minggu tidak diperbaiki."},
                      {"incident_date", "2026-11-20"},
                      {"location", {{"text", "Jl. A. Yani km 39"}}},
                      {"category", "jalan-jembatan"},
                      {"reporter", {{"phone", "081234567890"}}}};
      auto res = c.Post("/api/v1/reports", body.dump(), "application/json");
      if (!res) return;  // the server is gone
      if (res->status == 201) {
        const std::string id = json::parse(res->body)["tracking_id"];
        std::lock_guard lock(acked.mutex);
        acked.reports[id] = title;
        acked.submitted_order.push_back(id);
      }
    }
  }

  void coordinator(AduanProcess& server, std::atomic<bool>& stop, Acked& acked) {
    httplib::Client c = server.client();
    const httplib::Headers headers{{"Cookie", cookie_}, {"X-CSRF-Token", csrf_}};
    size_t next = 0;
    while (!stop) {
      std::string id;
      {
        std::lock_guard lock(acked.mutex);
        if (next < acked.submitted_order.size()) id = acked.submitted_order[next++];
      }
      if (id.empty()) {
        std::this_thread::sleep_for(2ms);
        continue;
      }
      auto report = c.Get(("/api/v1/staff/reports/" + id).c_str(), headers);
      if (!report) return;
      if (report->status != 200) continue;
      const json r = json::parse(report->body);
      if (r["status"] != "submitted") continue;
      const json action{{"action", "forward"}, {"agency", "DPUPR"}, {"version", r["version"]}};
      auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), headers,
                        action.dump(), "application/json");
      if (!res) return;
      if (res->status == 200) {
        std::lock_guard lock(acked.mutex);
        acked.forwarded.insert(id);
      }
    }
  }

  void login(AduanProcess& server) {
    httplib::Client c = server.client();
    auto res =
        c.Post("/api/v1/session", json{{"username", "koordinator"}, {"password", password_}}.dump(),
               "application/json");
    ASSERT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
    const std::string set_cookie = res->get_header_value("Set-Cookie");
    cookie_ = set_cookie.substr(0, set_cookie.find(';'));
    csrf_ = json::parse(res->body)["csrf_token"];
  }

  std::filesystem::path dir_ = [] {
    auto dir =
        std::filesystem::temp_directory_path() / ("aduan-kill-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
  }();
  std::unique_ptr<TestDatabase> database_;
  std::string password_, cookie_, csrf_;
  int round_ = 0;
};

TEST_F(CrashUnderLoad, EveryAcknowledgedWriteSurvivesSigkill) {
  std::mt19937 rng(std::random_device{}());
  Acked acked;
  const int kills = kills_wanted();
  const int servers_wanted = on_postgresql() ? 3 : 1;
  std::vector<std::unique_ptr<AduanProcess>> servers(servers_wanted);
  for (round_ = 0; round_ < kills; ++round_) {
    for (int i = 0; i < servers_wanted; ++i) {
      if (!servers[i]) servers[i] = start(i);
    }
    if (round_ == 0) login(*servers[0]);  // the session is in the store: every server knows it
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    for (int who = 0; who < 3; ++who) {
      AduanProcess* server = servers[who % servers_wanted].get();
      clients.emplace_back([&, server, who] { citizen(*server, who, stop, acked); });
    }
    AduanProcess* staff_server = servers[round_ % servers_wanted].get();
    clients.emplace_back([&, staff_server] { coordinator(*staff_server, stop, acked); });
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + rng() % 500));
    const int victim = int(rng() % servers_wanted);
    servers[victim]->kill_hard();  // mid-request, mid-commit, wherever it is
    // The others go on serving their clients a while without it.
    if (servers_wanted > 1)
      std::this_thread::sleep_for(std::chrono::milliseconds(100 + rng() % 200));
    stop = true;
    for (std::thread& t : clients) t.join();
    servers[victim].reset();
  }
  servers.clear();

  // Restarting runs any recovery; then the store is read behind aduan's back.
  start(0).reset();
  std::unique_ptr<Db> store = database_->open();
  Db& db = *store;
  if (!on_postgresql()) {
    SQLite::Database& file = sqlite_of(db);
    EXPECT_EQ(file.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(file.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt(), 0);
  }

  int found = 0, lost = 0, forwarded_found = 0, forwarded_lost = 0;
  Prepared report(db,
                  "SELECT title, status, (SELECT count(*) FROM report_events e "
                  "WHERE e.report_id = r.id AND e.action = 'forward') "
                  "FROM reports r WHERE tracking_id = ?");
  for (const auto& [id, title] : acked.reports) {
    std::string canonical;
    for (char ch : id)
      if (ch != '-') canonical.push_back(ch);
    report.bind(1, canonical);
    if (report.executeStep() && report.getColumn(0).getString() == title) {
      ++found;
      if (acked.forwarded.count(id)) {
        const bool done =
            report.getColumn(1).getString() == "forwarded" && report.getColumn(2).getInt() == 1;
        done ? ++forwarded_found : ++forwarded_lost;
      }
    } else {
      ++lost;
      ADD_FAILURE() << "acknowledged report lost: " << id;
    }
    report.reset();
  }
  // Nothing half-done: every report has its submission event, every forwarded report its
  // forward event, and the audit chain of every report verifies.
  EXPECT_EQ(query_int64(db,
                        "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM "
                        "report_events e WHERE e.report_id = r.id AND e.action = 'submit')"),
            0);
  EXPECT_EQ(query_int64(db,
                        "SELECT count(*) FROM reports WHERE status = 'forwarded' AND NOT "
                        "EXISTS (SELECT 1 FROM report_events e WHERE e.report_id = "
                        "reports.id AND e.action = 'forward')"),
            0);
  const std::string verify = std::string(ADUAN_BIN) + " audit verify " + database_->shell_args() +
                             " > " + (dir_ / "verify.out").string() + " 2>&1";
  EXPECT_EQ(std::system(verify.c_str()), 0) << "the audit chain broke";
  EXPECT_EQ(forwarded_lost, 0);
  EXPECT_GT(acked.reports.size(), size_t(kills)) << "the load did not run";
  EXPECT_GT(acked.forwarded.size(), 0u) << "no staff action was acknowledged";
  std::cout << "servers: " << servers_wanted << ", kills: " << kills
            << ", reports acknowledged: " << acked.reports.size() << ", found: " << found
            << ", lost: " << lost << "; forwards acknowledged: " << acked.forwarded.size()
            << ", found: " << forwarded_found << ", lost: " << forwarded_lost << "\n";
  RecordProperty("reports_acknowledged", int(acked.reports.size()));
  RecordProperty("reports_lost", lost);
}

}  // namespace
}  // namespace aduan::testing

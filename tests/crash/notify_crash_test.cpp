// The aduan process killed with SIGKILL while it delivers notifications, then restarted:
// every message still arrives, and the receiver, which drops repeats by Message-ID, has
// each message exactly once.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "store/sqlite_db.h"
#include "support/test_peers.h"

namespace aduan::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class Crash : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_);
    std::ofstream(config_) << json{
        {"public_url", "http://127.0.0.1"},
        {"smtp",
         {{"url", "smtp://127.0.0.1:" + std::to_string(sink_.port())},
          {"from", "aduan@pemda.example"},
          {"timeout_seconds", 5}}},
        {"retry",
         {{"base_seconds", 1},
          {"max_seconds", 2},
          {"max_attempts", 100},
          {"lease_seconds", 2}}}}.dump();
    const int rc = std::system((std::string(ADUAN_BIN) + " demo --db " + db_.string() + " > " +
                                (dir_ / "demo.out").string())
                                   .c_str());
    ASSERT_EQ(rc, 0);
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  void start() {
    server_ = std::make_unique<AduanProcess>(
        ADUAN_BIN, db_, dir_ / "serve.out",
        std::vector<std::string>{"--notify-config", config_.string()});
    port_ = server_->port();
  }

  int submit(int n) {
    httplib::Client c("127.0.0.1", port_);
    int created = 0;
    for (int i = 0; i < n; ++i) {
      const json body{{"classification", "complaint"},
                      {"title", "Sampah menumpuk di pasar nomor " + std::to_string(i)},
                      {"body", "Sampah tidak diangkut selama seminggu dan menimbulkan bau busuk."},
                      {"incident_date", "2026-11-01"},
                      {"location", {{"text", "Pasar Martapura"}}},
                      {"category", "sampah"},
                      {"reporter", {{"email", "warga" + std::to_string(i) + "@contoh.id"}}}};
      auto res = c.Post("/api/v1/reports", body.dump(), "application/json");
      if (res && res->status == 201) ++created;
    }
    return created;
  }

  std::map<std::string, std::string> outbox() {
    SqliteDb db(db_.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT message_id, status FROM notifications WHERE channel = 'email'");
    std::map<std::string, std::string> out;
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getString();
    return out;
  }

  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("aduan-crash-" + std::to_string(::getpid()));
  std::filesystem::path db_ = dir_ / "aduan.db";
  std::filesystem::path config_ = dir_ / "notify.json";
  // Each message takes the receiver a little while, so that kills land mid-delivery.
  SmtpSink sink_{std::filesystem::temp_directory_path(), 0, {"--delay", "0.03"}};
  std::unique_ptr<AduanProcess> server_;
  int port_ = 0;
};

TEST_F(Crash, KilledWhileSendingNothingLostNothingDoubled) {
  std::mt19937 rng(20261123);
  int submitted = 0;
  int interrupted = 0;  // kills that left messages undelivered
  constexpr int kKills = 5;
  for (int round = 0; round < kKills; ++round) {
    start();
    submitted += submit(8);
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + rng() % 300));
    server_->kill_hard();
    const auto box = outbox();
    interrupted +=
        std::any_of(box.begin(), box.end(), [](const auto& kv) { return kv.second != "sent"; });
  }
  EXPECT_GT(interrupted, 0) << "no kill landed while messages were waiting";
  start();
  // Wait for the outbox to drain (leases of killed senders run out after 2 seconds).
  for (int i = 0; i < 300; ++i) {
    const auto box = outbox();
    if (std::all_of(box.begin(), box.end(), [](const auto& kv) { return kv.second == "sent"; })) {
      break;
    }
    std::this_thread::sleep_for(100ms);
  }
  server_->terminate();

  const auto box = outbox();
  // Each report: one email to the coordinator, one to the citizen.
  EXPECT_EQ(box.size(), static_cast<size_t>(2 * submitted));
  std::map<std::string, int> accepted;
  int repeats = 0;
  for (const json& m : sink_.messages()) {
    if (m["duplicate"].get<bool>()) {
      ++repeats;
    } else {
      ++accepted[m["message_id"]];
    }
  }
  int lost = 0;
  for (const auto& [id, status] : box) {
    EXPECT_EQ(status, "sent") << id;
    if (accepted[id] != 1) ++lost;
  }
  EXPECT_EQ(lost, 0);
  for (const auto& [id, count] : accepted) EXPECT_EQ(count, 1) << id;
  std::cout << "kills: " << kKills << " (" << interrupted
            << " mid-delivery), reports: " << submitted << ", messages: " << box.size()
            << ", delivered once: " << accepted.size()
            << ", repeats dropped by the receiver: " << repeats << ", lost: " << lost << "\n";
  RecordProperty("repeats_dropped", repeats);
}

}  // namespace
}  // namespace aduan::testing

// The aduan process killed with SIGKILL while it delivers notifications, then restarted:
// every message still arrives, and the receiver, which drops repeats by Message-ID, has
// each message exactly once. On PostgreSQL (ADUAN_TEST_ENGINE=postgresql) three servers
// share the database and its outbox, each sending what it leases, and each kill takes one
// of them at random while the others go on.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "store/prepared.h"
#include "support/test_database.h"
#include "support/test_paths.h"
#include "support/test_peers.h"

namespace aduan::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class Crash : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(dir_);
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
    const int rc = std::system((std::string(ADUAN_BIN) + " demo " + database_->shell_args() +
                                " > " + (dir_ / "demo.out").string())
                                   .c_str());
    ASSERT_EQ(rc, 0);
  }
  void TearDown() override {
    servers_.clear();
    database_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Starts every server that is not running.
  void start() {
    for (size_t i = 0; i < servers_.size(); ++i) {
      if (servers_[i]) continue;
      servers_[i] = std::make_unique<AduanProcess>(
          ADUAN_BIN, database_->location(), dir_ / ("serve-" + std::to_string(i) + ".out"),
          std::vector<std::string>{"--audit-key", database_->key_path().string(), "--notify-config",
                                   config_.string()});
    }
  }

  // `n` reports, spread over the servers.
  int submit(int n) {
    int created = 0;
    for (int i = 0; i < n; ++i) {
      httplib::Client c = servers_[i % servers_.size()]->client();
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
    std::unique_ptr<Db> db = database_->open();
    Prepared q(*db, "SELECT message_id, status FROM notifications WHERE channel = 'email'");
    std::map<std::string, std::string> out;
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getString();
    return out;
  }

  std::filesystem::path dir_ = [] {
    auto dir =
        std::filesystem::temp_directory_path() / ("aduan-crash-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
  }();
  std::unique_ptr<TestDatabase> database_;
  std::filesystem::path config_ = dir_ / "notify.json";
  // Each message takes the receiver a little while, so that kills land mid-delivery.
  SmtpSink sink_{std::filesystem::temp_directory_path(), 0, {"--delay", "0.03"}};
  std::vector<std::unique_ptr<AduanProcess>> servers_{on_postgresql() ? 3u : 1u};
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
    std::unique_ptr<AduanProcess>& victim = servers_[rng() % servers_.size()];
    victim->kill_hard();  // the others, if any, go on sending
    victim.reset();
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
  for (auto& server : servers_) server.reset();

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
  std::cout << "servers: " << servers_.size() << ", kills: " << kKills << " (" << interrupted
            << " mid-delivery), reports: " << submitted << ", messages: " << box.size()
            << ", delivered once: " << accepted.size()
            << ", repeats dropped by the receiver: " << repeats << ", lost: " << lost << "\n";
  RecordProperty("repeats_dropped", repeats);
}

}  // namespace
}  // namespace aduan::testing

// A real aduan server for HTTP tests: a fresh SQLite file in a temporary folder (or, with
// ADUAN_TEST_ENGINE=postgresql, a fresh database in the cluster of
// tests/support/with_postgresql), the demo district with its staff accounts, a manual clock,
// and the real routes on an ephemeral loopback port.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/app.h"
#include "app/demo_data.h"
#include "base/clock.h"
#include "store/db.h"
#include "support/response_contract.h"
#include "support/test_database.h"

namespace aduan::testing {

// 2026-11-23 10:00 WIB, a Monday.
inline constexpr int64_t kMonday10Wib = 1795402800;
inline constexpr int64_t kDay = 86400;

// A logged-in staff member: the cookie and CSRF token to send.
struct StaffSession {
  std::string cookie;  // "aduan_session=..."
  std::string csrf;
  httplib::Headers headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

class TestServer {
 public:
  // `configure` may change the options last; by default the per-address limits are off,
  // since every test client comes from 127.0.0.1.
  explicit TestServer(AuthSettings auth = {}, NotifyConfig notify = default_notify_config(),
                      std::function<void(AppOptions&)> configure = {});
  ~TestServer();

  httplib::Client client() const;
  int port() const { return port_; }
  App& app() { return *app_; }
  ManualClock& clock() { return clock_; }
  // The SQLite file; on PostgreSQL there is none, and location() is the database's URL.
  const std::filesystem::path& db_path() const { return db_path_; }
  const std::string& location() const { return database_->location(); }
  const std::filesystem::path& key_path() const { return database_->key_path(); }  // audit key
  const std::filesystem::path& dir() const { return dir_; }
  const DemoSummary& demo() const { return demo_; }
  std::string password(const std::string& username) const;

  // Logs in through the API; fails the test if it cannot.
  StaffSession login(const std::string& username);

  // Submits a valid report through the API; returns {tracking_id, pin}.
  std::pair<std::string, std::string> submit(nlohmann::json overrides = nlohmann::json::object());

  // A connection of its own to the server's store, on whichever engine it runs: for a test
  // that reads or changes the store behind the server's back.
  std::unique_ptr<Db> open_db() const;
  // Rows in a table, read through a separate connection.
  int64_t count_rows(const std::string& table);

  // Every way the answers so far differ from the OpenAPI document: a status it does not list
  // for the operation ("POST /api/v1/reports 418"), a media type it does not list for that
  // status, a JSON body its schema refuses or a field it does not name (response_contract.h).
  // The destructor fails the test on any.
  std::vector<std::string> contract_problems() const;

 private:
  std::filesystem::path dir_;
  std::filesystem::path db_path_;
  std::unique_ptr<TestDatabase> database_;  // dropped with the server
  ManualClock clock_{kMonday10Wib};
  std::unique_ptr<App> app_;
  DemoSummary demo_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex answers_mutex_;
  std::set<RecordedAnswer> answers_;  // a set: a test repeats many answers
};

// A complete, valid submission body.
nlohmann::json valid_report();

// Runs a shell command; its exit status and what it printed (standard output and error).
struct CommandResult {
  int status = -1;
  std::string output;
};
CommandResult run_command(const std::string& command);

}  // namespace aduan::testing

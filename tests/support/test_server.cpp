#include "support/test_server.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <random>

#include "base/crypto.h"
#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace aduan::testing {

using nlohmann::json;

json valid_report() {
  return json{
      {"classification", "complaint"},
      {"title", "Jalan berlubang di depan pasar"},
      {"body", "Ada lubang besar di tengah jalan sejak dua minggu lalu, sudah ada yang jatuh."},
      {"incident_date", "2026-11-20"},
      {"location",
       {{"text", "Jl. A. Yani km 39, Martapura"},
        {"lat", -3.44},
        {"lon", 114.83},
        {"region_code", "63.03"}}},
      {"category", "jalan-jembatan"},
      {"agency", "DPUPR"},
      {"reporter",
       {{"name", "Siti Aminah"},
        {"phone", "0812-3456-7890"},
        {"email", "siti@contoh.id"},
        {"nik", "6303015708900001"}}},
      {"anonymous", false},
      {"confidential", false}};
}

TestServer::TestServer(AuthSettings auth, NotifyConfig notify,
                       std::function<void(AppOptions&)> configure) {
  lower_password_cost_for_tests();
  std::random_device rd;
  dir_ = std::filesystem::temp_directory_path() / ("aduan-test-" + std::to_string(rd()));
  std::filesystem::create_directories(dir_);
  db_path_ = dir_ / "aduan.db";
  database_ = std::make_unique<TestDatabase>(dir_);
  AppOptions options;
  options.db_path = database_->location();
  options.audit_key_path = database_->key_path().string();
  options.auth = auth;
  options.notify = std::move(notify);
  options.http.threads = 8;
  options.http.access_log = false;
  options.settings.monitoring_cache_ms = 0;  // tests read the monitoring right after acting
  options.submit_limit = options.track_limit = AddressLimit{};
  options.http.on_answer = [this](const std::string& route, const httplib::Request& req,
                                  const httplib::Response& res) {
    std::optional<RecordedAnswer> answer = record_answer(route, req, res);
    if (!answer) return;
    std::lock_guard lock(answers_mutex_);
    answers_.insert(std::move(*answer));
  };
  if (configure) configure(options);
  app_ = std::make_unique<App>(options, clock_);
  demo_ = load_demo_data(*app_, clock_, kMonday10Wib);
  port_ = app_->http().bind("127.0.0.1", 0);
  thread_ = std::thread([this] { app_->http().listen(); });
  app_->http().wait_until_ready();
}

TestServer::~TestServer() {
  app_->http().stop();
  thread_.join();
  for (const std::string& problem : contract_problems()) {
    ADD_FAILURE() << "an answer differs from the OpenAPI document: " << problem;
  }
  app_.reset();
  database_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

CommandResult run_command(const std::string& command) {
  CommandResult out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.output.append(buffer, n);
  const int status = pclose(pipe);
  out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

std::vector<std::string> TestServer::contract_problems() const {
  std::lock_guard lock(answers_mutex_);
  return aduan::testing::contract_problems({answers_.begin(), answers_.end()});
}

httplib::Client TestServer::client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_connection_timeout(5);
  c.set_read_timeout(10);
  return c;
}

std::string TestServer::password(const std::string& username) const {
  for (const auto& [name, password] : demo_.accounts) {
    if (name == username) return password;
  }
  ADD_FAILURE() << "no demo account " << username;
  return {};
}

StaffSession TestServer::login(const std::string& username) {
  httplib::Client c = client();
  const json body{{"username", username}, {"password", password(username)}};
  auto res = c.Post("/api/v1/session", body.dump(), "application/json");
  StaffSession s;
  if (!res || res->status != 200) {
    ADD_FAILURE() << "login as " << username << " failed: " << (res ? res->body : "no answer");
    return s;
  }
  const std::string set_cookie = res->get_header_value("Set-Cookie");
  s.cookie = set_cookie.substr(0, set_cookie.find(';'));
  s.csrf = json::parse(res->body)["csrf_token"];
  return s;
}

std::pair<std::string, std::string> TestServer::submit(json overrides) {
  json body = valid_report();
  for (const auto& [key, value] : overrides.items()) body[key] = value;
  httplib::Client c = client();
  auto res = c.Post("/api/v1/reports", body.dump(), "application/json");
  if (!res || res->status != 201) {
    ADD_FAILURE() << "submit failed: " << (res ? res->body : "no answer");
    return {};
  }
  const json created = json::parse(res->body);
  return {created["tracking_id"], created["pin"]};
}

std::unique_ptr<Db> TestServer::open_db() const { return database_->open(); }

int64_t TestServer::count_rows(const std::string& table) {
  int64_t n = 0;
  app_->store().read([&](Db& db) { n = query_int64(db, "SELECT count(*) FROM " + table); });
  return n;
}

}  // namespace aduan::testing

#include "test_server.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <random>

#include "demo_data.h"

namespace aduan::testing {

TestServer::TestServer() {
  std::random_device rd;
  dir_ = std::filesystem::temp_directory_path() / ("aduan-test-" + std::to_string(rd()));
  std::filesystem::create_directories(dir_);
  db_path_ = dir_ / "aduan.db";
  store_ = std::make_unique<Store>(db_path_.string());
  reports_ = std::make_unique<ReportService>(*store_, clock_, ServiceSettings{}, system_random);
  load_demo_data(*store_, *reports_);
  HttpOptions options;
  options.threads = 8;
  options.access_log = false;
  server_ = std::make_unique<HttpServer>(*reports_, *store_, assets_, options);
  port_ = server_->bind("127.0.0.1", 0);
  thread_ = std::thread([this] { server_->listen(); });
  server_->wait_until_ready();
}

TestServer::~TestServer() {
  server_->stop();
  thread_.join();
  server_.reset();
  reports_.reset();
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

httplib::Client TestServer::client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_connection_timeout(5);
  c.set_read_timeout(10);
  return c;
}

int64_t TestServer::count_rows(const std::string& table) {
  SQLite::Database db(db_path_.string(), SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

}  // namespace aduan::testing

// A real aduan server for HTTP tests: a fresh SQLite file in a temporary folder, the demo
// catalogue, a manual clock, and the real routes on an ephemeral loopback port.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "assets.h"
#include "clock.h"
#include "http_server.h"
#include "report_service.h"
#include "store.h"

namespace aduan::testing {

// 2026-11-23 10:00 WIB, a Monday.
inline constexpr int64_t kMonday10Wib = 1795402800;

class TestServer {
 public:
  TestServer();
  ~TestServer();

  httplib::Client client() const;
  int port() const { return port_; }
  Store& store() { return *store_; }
  ManualClock& clock() { return clock_; }
  const std::filesystem::path& db_path() const { return db_path_; }

  // Rows in a table, read through a separate connection.
  int64_t count_rows(const std::string& table);

 private:
  std::filesystem::path dir_;
  std::filesystem::path db_path_;
  ManualClock clock_{kMonday10Wib};
  std::unique_ptr<Store> store_;
  std::unique_ptr<ReportService> reports_;
  AssetSource assets_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace aduan::testing

// A store for the services' tests: a new SQLite file with every migration and its own key
// in a temporary folder, removed afterwards, and a clock that stands still. The services
// are tested on it without HTTP.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "base/clock.h"
#include "store/store.h"

namespace aduan {

class ServiceStore {
 public:
  // 2026-12-04 02:00 UTC: 09:00 in the demo's time zone (UTC+7), a working day.
  static constexpr int64_t kNow = 1796349600;

  ServiceStore()
      : dir_(std::filesystem::temp_directory_path() /
             ("aduan-services-" + std::to_string(std::random_device{}()))),
        created_(std::filesystem::create_directories(dir_)),
        store_((dir_ / "store.db").string(), 2, (dir_ / "store.key").string()),
        clock_(kNow) {}
  ~ServiceStore() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  ServiceStore(const ServiceStore&) = delete;
  ServiceStore& operator=(const ServiceStore&) = delete;

  Store& store() { return store_; }
  ManualClock& clock() { return clock_; }

 private:
  std::filesystem::path dir_;
  bool created_;
  Store store_;
  ManualClock clock_;
};

}  // namespace aduan

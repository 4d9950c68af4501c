// Where a test's store lives, on the engine the run asks for: a SQLite file in the test's
// folder, or, with ADUAN_TEST_ENGINE=postgresql, a fresh database of its own on the cluster
// that tests/support/with_postgresql started, dropped when the test is done. The audit key
// is a file in the test's folder on both engines.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/db_engine.h"

namespace aduan::testing {

class TestDatabase {
 public:
  explicit TestDatabase(const std::filesystem::path& dir);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // The SQLite file's path, or the PostgreSQL database's URL: what --db takes.
  const std::string& location() const { return location_; }
  const std::filesystem::path& key_path() const { return key_path_; }
  // The PostgreSQL database's name; empty on SQLite.
  const std::string& name() const { return name_; }
  // "--db LOCATION --audit-key KEY", quoted for a shell, and as a process's arguments.
  std::string shell_args() const;
  std::vector<std::string> args() const;
  // A connection of its own, behind the server's back.
  std::unique_ptr<Db> open() const;

 private:
  std::string location_;
  std::filesystem::path key_path_;
  std::string name_;
};

// Whether the run is on PostgreSQL (ADUAN_TEST_ENGINE=postgresql).
bool on_postgresql();
// Runs `sql` on the test cluster's own database (CREATE DATABASE, DROP DATABASE, ALTER
// SYSTEM); fails the test when it fails.
void admin_sql(const std::string& sql);
// A connection to the store at `location`: a SQLite file or a PostgreSQL URL.
std::unique_ptr<Db> open_store_at(const std::string& location);

}  // namespace aduan::testing

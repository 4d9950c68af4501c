#include "support/test_database.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <random>

#include "store/postgresql_db.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace aduan::testing {

TestDatabase::TestDatabase(const std::filesystem::path& dir)
    : location_((dir / "aduan.db").string()), key_path_(dir / "audit.key") {
  if (!on_postgresql()) return;
  name_ = "aduan_test_" + std::to_string(std::random_device{}());
  admin_sql("CREATE DATABASE " + name_);
  location_ = "postgresql://postgres@/" + name_ + "?host=" + std::string(std::getenv("PGHOST"));
}

TestDatabase::~TestDatabase() {
  if (!name_.empty()) admin_sql("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

std::string TestDatabase::shell_args() const {
  return "--db '" + location_ + "' --audit-key '" + key_path_.string() + "'";
}

std::vector<std::string> TestDatabase::args() const {
  return {"--db", location_, "--audit-key", key_path_.string()};
}

std::unique_ptr<Db> TestDatabase::open() const { return open_store_at(location_); }

bool on_postgresql() {
  const char* engine = std::getenv("ADUAN_TEST_ENGINE");
  return engine && std::string(engine) == "postgresql";
}

void admin_sql(const std::string& sql) {
  PGconn* conn = PQconnectdb("");  // the cluster of tests/support/with_postgresql (PGHOST, ...)
  PGresult* r = PQexec(conn, sql.c_str());
  if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
    ADD_FAILURE() << sql << ": " << PQresultErrorMessage(r) << PQerrorMessage(conn);
  }
  PQclear(r);
  PQfinish(conn);
}

std::unique_ptr<Db> open_store_at(const std::string& location) {
  if (is_postgresql_location(location)) return std::make_unique<PostgresqlDb>(location);
  return std::make_unique<SqliteDb>(location, SQLite::OPEN_READWRITE, 5000);
}

}  // namespace aduan::testing

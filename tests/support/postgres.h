// A connection to the throwaway PostgreSQL cluster that tests/support/with_postgresql starts
// (libpq reads PGHOST, PGUSER and PGDATABASE), and the same reading of a SQLite store, for
// the tests that hold the store's rules and schema on PostgreSQL to SQLite's.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "store/sqlite_db.h"

namespace aduan {

class Postgres {
 public:
  Postgres() : conn_(PQconnectdb("")) {}
  ~Postgres() {
    if (!schema_.empty()) exec("DROP SCHEMA " + schema_ + " CASCADE");
    PQfinish(conn_);
  }
  Postgres(const Postgres&) = delete;
  Postgres& operator=(const Postgres&) = delete;

  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  std::string error() const { return PQerrorMessage(conn_); }

  // A schema of its own for this connection's objects, dropped with the connection, so that
  // the tests of one cluster do not meet each other's tables. The error, empty when done.
  std::string use_new_schema() {
    schema_ = "test_" + std::to_string(std::random_device{}());
    return exec("SET client_min_messages = warning; CREATE SCHEMA " + schema_ +
                "; SET search_path TO " + schema_);
  }

  // Runs `sql` (one or more statements); the error message, empty when it succeeded.
  std::string exec(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    const ExecStatusType s = PQresultStatus(r);
    std::string error =
        s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? "" : PQresultErrorMessage(r);
    PQclear(r);
    return error;
  }

  // Every row of `sql`, each as its values joined by '|' (NULL for a null).
  std::vector<std::string> rows(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    std::vector<std::string> out;
    EXPECT_EQ(PQresultStatus(r), PGRES_TUPLES_OK) << PQresultErrorMessage(r) << sql;
    for (int i = 0; i < PQntuples(r); ++i) {
      std::string row;
      for (int j = 0; j < PQnfields(r); ++j) {
        row += (j ? "|" : "") + std::string(PQgetisnull(r, i, j) ? "NULL" : PQgetvalue(r, i, j));
      }
      out.push_back(row);
    }
    PQclear(r);
    return out;
  }

 private:
  PGconn* conn_;
  std::string schema_;
};

// Every row of `sql` on a SQLite store, in the form Postgres::rows gives, to compare the two.
inline std::vector<std::string> sqlite_rows(Db& db, const std::string& sql) {
  SQLite::Statement q(sqlite_of(db), sql);
  std::vector<std::string> out;
  while (q.executeStep()) {
    std::string row;
    for (int j = 0; j < q.getColumnCount(); ++j) {
      row += (j ? "|" : "") + (q.getColumn(j).isNull() ? "NULL" : q.getColumn(j).getString());
    }
    out.push_back(row);
  }
  return out;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace aduan

// `aduan copy-store` through the real binary (ADUAN_BIN). The source is the demo district on
// SQLite after a reporter and two staff members used it through the API of a running aduan: a
// report with the reporter's photo and coordinates, a staff response with a letter, sessions,
// an upload left half-way, an idempotency key with its sealed PIN. It is copied into an empty
// database of the throwaway cluster (tests/support/with_postgresql) and from there into a new
// SQLite file; at each step every base table is compared with the source's row by row, each
// value by its type and exact bytes, and `aduan audit verify` passes with the source's key.
// Then the refusals, which leave the target as it was, and copies that fail half-way, which
// leave no row behind.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "store/postgresql_db.h"
#include "store/prepared.h"
#include "store/report_search.h"
#include "store/tallies.h"
#include "support/cli_run.h"
#include "support/postgres.h"
#include "support/test_paths.h"

namespace aduan {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::aduan;
using testing::CliRun;
using testing::slurp;

// The counters keep a row at 0 where a report left a key; a recount has none. The copy
// counts again, so these are compared without their zero rows.
const std::vector<std::string> kCounters = {"report_tallies", "due_tallies", "stage_tallies",
                                            "term_counts"};

// ---------------------------------------------------------------------------------------
// Every base table of a store: its rows, each a line of its values by type and exact content
// (an integer in decimal, a real by its bits, text and bytes in hex), sorted.

using Dump = std::map<std::string, std::vector<std::string>>;

std::string hex(std::string_view bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string real_bits(double v) {
  uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  return "r" + std::to_string(bits);
}

std::string where_of(const std::string& table) {
  const bool counter = std::find(kCounters.begin(), kCounters.end(), table) != kCounters.end();
  return counter ? " WHERE n <> 0" : "";
}

Dump sqlite_dump(const fs::path& file) {
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  std::vector<std::string> tables;
  SQLite::Statement list(db,
                         "SELECT name FROM pragma_table_list WHERE schema = 'main' AND "
                         "type = 'table' AND name NOT LIKE 'sqlite%'");
  while (list.executeStep()) tables.push_back(list.getColumn(0).getString());
  Dump out;
  for (const std::string& t : tables) {
    SQLite::Statement q(db, "SELECT * FROM \"" + t + "\"" + where_of(t));
    std::vector<std::string>& rows = out[t];
    while (q.executeStep()) {
      std::string row;
      for (int i = 0; i < q.getColumnCount(); ++i) {
        const SQLite::Column c = q.getColumn(i);
        row += i ? "|" : "";
        if (c.isInteger()) {
          row += "i" + std::to_string(c.getInt64());
        } else if (c.isFloat()) {
          row += real_bits(c.getDouble());
        } else if (c.isText()) {
          row += "t" + hex(std::string_view(c.getText(), size_t(c.getBytes())));
        } else if (c.isBlob()) {
          row += "b" +
                 hex(std::string_view(static_cast<const char*>(c.getBlob()), size_t(c.getBytes())));
        } else {
          row += "NULL";
        }
      }
      rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
  }
  return out;
}

// A connection to one database of the cluster (PGHOST and PGUSER from the environment).
struct PgConnection {
  explicit PgConnection(const std::string& database)
      : conn(PQconnectdb(("dbname=" + database).c_str())) {}
  ~PgConnection() { PQfinish(conn); }
  PGconn* conn;
};

// The base tables but PostgreSQL's record of its migrations and the staff search's words and
// postings (SQLite's cannot be read back; the search is compared by what it finds).
Dump pg_dump(const std::string& database) {
  PgConnection pg(database);
  EXPECT_EQ(PQstatus(pg.conn), CONNECTION_OK) << PQerrorMessage(pg.conn);
  Dump out;
  PGresult* list = PQexec(pg.conn,
                          "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                          "current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN "
                          "('schema_version', 'report_search', 'report_search_blocks')");
  for (int t = 0; t < PQntuples(list); ++t) {
    const std::string table = PQgetvalue(list, t, 0);
    PGresult* r = PQexec(pg.conn, ("SELECT * FROM \"" + table + "\"" + where_of(table)).c_str());
    EXPECT_EQ(PQresultStatus(r), PGRES_TUPLES_OK) << PQresultErrorMessage(r);
    std::vector<std::string>& rows = out[table];
    for (int i = 0; i < PQntuples(r); ++i) {
      std::string row;
      for (int j = 0; j < PQnfields(r); ++j) {
        row += j ? "|" : "";
        const char* v = PQgetvalue(r, i, j);
        const Oid type = PQftype(r, j);
        if (PQgetisnull(r, i, j)) {
          row += "NULL";
        } else if (type == 20 || type == 21 || type == 23) {  // int8, int2, int4
          row += "i" + std::string(v);
        } else if (type == 700 || type == 701) {  // float4, float8: as aduan reads them
          row += real_bits(std::strtod(v, nullptr));
        } else if (type == 17) {  // bytea
          size_t size = 0;
          unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &size);
          row += "b" + hex(std::string_view(reinterpret_cast<char*>(bytes), size));
          PQfreemem(bytes);
        } else {
          row += "t" + hex(std::string_view(v, size_t(PQgetlength(r, i, j))));
        }
      }
      rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    PQclear(r);
  }
  PQclear(list);
  return out;
}

std::vector<std::string> names_of(const Dump& d) {
  std::vector<std::string> out;
  for (const auto& [name, rows] : d) out.push_back(name);
  return out;
}

// The same tables with the same rows; the first difference of each table named.
void expect_same(const Dump& expected, const Dump& actual) {
  EXPECT_EQ(names_of(expected), names_of(actual));
  for (const auto& [table, rows] : expected) {
    const auto other = actual.find(table);
    if (other == actual.end() || other->second == rows) continue;
    size_t i = 0;
    while (i < rows.size() && i < other->second.size() && rows[i] == other->second[i]) ++i;
    const auto shown = [&](const std::vector<std::string>& r) {
      return i < r.size() ? r[i].substr(0, 300) : std::string("(no row)");
    };
    ADD_FAILURE() << table << ": " << rows.size() << " rows, the copy " << other->second.size()
                  << "; first difference:\n  " << shown(rows) << "\n  " << shown(other->second);
  }
}

// Rows of each table, for a store that must not have changed.
size_t rows_in(const Dump& d) {
  size_t n = 0;
  for (const auto& [table, rows] : d) n += rows.size();
  return n;
}

// ---------------------------------------------------------------------------------------
// The source: the demo district, used through the API of a running aduan.

// `aduan serve` on a store; stopped with SIGTERM when destroyed.
class Serving {
 public:
  Serving(const std::vector<std::string>& args, const fs::path& log) {
    std::vector<std::string> argv = {ADUAN_BIN,        "serve", "--port",         "0",
                                     "--job-interval", "0",     "--open311-poll", "0",
                                     "--limit-submit", "0"};
    argv.insert(argv.end(), args.begin(), args.end());
    pid_ = ::fork();
    if (pid_ == 0) {
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      std::vector<char*> raw;
      for (std::string& a : argv) raw.push_back(a.data());
      raw.push_back(nullptr);
      ::execv(ADUAN_BIN, raw.data());
      ::_exit(127);
    }
    // The URL it prints once it listens.
    const std::string said = "aduan is serving http://127.0.0.1:";
    for (int i = 0; i < 300 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      const std::string out = slurp(log);
      if (const size_t at = out.find(said); at != std::string::npos) {
        port_ = std::atoi(out.c_str() + at + said.size());
      }
    }
    EXPECT_GT(port_, 0) << slurp(log);
  }
  ~Serving() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  Serving(const Serving&) = delete;
  Serving& operator=(const Serving&) = delete;

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(20);
    return c;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

struct Answer {
  int status = 0;
  json body;
};

Answer answer(const httplib::Result& res) {
  Answer a;
  if (!res) return a;
  a.status = res->status;
  a.body = json::parse(res->body, nullptr, false);
  return a;
}

struct Staff {
  std::string cookie, csrf;
  httplib::Headers headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

Staff login(const Serving& s, const std::string& username, const std::string& password) {
  httplib::Client c = s.client();
  const json body{{"username", username}, {"password", password}};
  const auto res = c.Post("/api/v1/session", body.dump(), "application/json");
  Staff staff;
  if (!res || res->status != 200) {
    ADD_FAILURE() << "login as " << username << ": " << (res ? res->body : "no answer");
    return staff;
  }
  const std::string cookie = res->get_header_value("Set-Cookie");
  staff.cookie = cookie.substr(0, cookie.find(';'));
  staff.csrf = json::parse(res->body)["csrf_token"];
  return staff;
}

std::string be32(uint32_t v) {
  return {char((v >> 24) & 0xFF), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
}
std::string png_chunk(const std::string& type, const std::string& data) {
  return be32(uint32_t(data.size())) + type + data + "CRC!";
}
// A photo as a phone writes it: 100 KB of every byte value, NUL and high bytes throughout.
std::string photo() {
  std::string pixels(100 * 1024, '\0');
  uint32_t x = 20261204;
  for (char& c : pixels) c = char((x = x * 1103515245 + 12345) >> 24);
  std::string p = "\x89PNG\r\n\x1A\n";
  p += png_chunk("IHDR", be32(4) + be32(3) + std::string("\x08\x02\x00\x00\x00", 5));
  p += png_chunk("IDAT", pixels);
  p += png_chunk("IEND", "");
  return p;
}
const std::string kLetter = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

// Starts an upload of `size` bytes and sends `bytes` of it; the upload's handle.
std::string upload(const Serving& s, const std::string& base, const httplib::Headers& headers,
                   const std::string& type, size_t size, const std::string& bytes) {
  httplib::Client c = s.client();
  const Answer started =
      answer(c.Post(base.c_str(), headers, json{{"content_type", type}, {"size", size}}.dump(),
                    "application/json"));
  EXPECT_EQ(started.status, 201) << started.body;
  const std::string id = started.body.value("id", "");
  httplib::Headers h = headers;
  h.emplace("Upload-Offset", "0");
  const Answer sent =
      answer(c.Put((base + "/" + id).c_str(), h, bytes, "application/octet-stream"));
  EXPECT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(sent.body.value("finished", false), bytes.size() == size) << sent.body;
  return id;
}

json report_body(const std::string& title) {
  return json{{"classification", "complaint"},
              {"title", title},
              {"body",
               "Lubang besar di tengah jalan sejak dua minggu lalu — sudah ada yang jatuh "
               "dari motor. Mohon segera ditambal 🙏"},
              {"incident_date", "2026-11-20"},
              // A phone's position with all its digits: both engines keep 8-byte reals, and the
              // copy compares them to the bit (PostgreSQL's 4-byte REAL would round these).
              {"location",
               {{"text", "Jl. A. Yani km 39, Martapura"},
                {"lat", -3.4412377},
                {"lon", 114.590111},
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

// Sends a report under an idempotency key; its tracking ID.
std::string send(const Serving& s, const json& body, const std::string& key) {
  httplib::Client c = s.client();
  const Answer filed = answer(
      c.Post("/api/v1/reports", {{"Idempotency-Key", key}}, body.dump(), "application/json"));
  EXPECT_EQ(filed.status, 201) << filed.body;
  return filed.body.value("tracking_id", "");
}

// A report with a photo, as sent.
json with_photo(const Serving& s, const std::string& title) {
  json body = report_body(title);
  body["attachments"] = {upload(s, "/api/v1/uploads", {}, "image/png", photo().size(), photo())};
  return body;
}

Answer act(const Serving& s, const Staff& who, const std::string& id, json action) {
  httplib::Client c = s.client();
  const Answer report = answer(c.Get(("/api/v1/staff/reports/" + id).c_str(), who.headers()));
  EXPECT_EQ(report.status, 200) << report.body;
  action["version"] = report.body["version"];
  return answer(c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), who.headers(),
                       action.dump(), "application/json"));
}

struct Source {
  fs::path dir, db, key;
  std::map<std::string, std::string> passwords;
  json first;            // the report filed through the API, as sent
  std::string first_id;  // its tracking ID
  bool ok = false;
};
const char* kFirstKey = "copy-store-0000000001";

// Built once for the suite, and only read by the tests (a test that spoils one spoils a copy).
const Source& source() {
  static const Source built = [] {
    Source s;
    s.dir = fs::temp_directory_path() / ("aduan-copy-" + std::to_string(std::random_device{}()));
    fs::create_directories(s.dir);
    s.db = s.dir / "source.db";
    s.key = s.dir / "source.db.key";
    const CliRun demo = aduan(s.dir, {"demo", "--db", s.db.string()});
    EXPECT_EQ(demo.code, 0) << demo.err;
    std::istringstream lines(demo.out);
    for (std::string line; std::getline(lines, line);) {
      char name[64], password[128];
      if (std::sscanf(line.c_str(), "account: %63s password: %127s", name, password) == 2) {
        s.passwords[name] = password;
      }
    }
    // Tables of more rows than one read of PostgreSQL's cursor takes.
    const CliRun seeded = aduan(s.dir, {"seed", "--reports", "600", "--db", s.db.string()});
    EXPECT_EQ(seeded.code, 0) << seeded.err;
    {
      Serving serving({"--db", s.db.string()}, s.dir / "serve.log");
      s.first = with_photo(serving, "Jalan berlubang di depan pasar Martapura");
      const std::string id = s.first_id = send(serving, s.first, kFirstKey);
      const Staff coordinator = login(serving, "koordinator", s.passwords["koordinator"]);
      EXPECT_EQ(act(serving, coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status,
                200);
      const Staff dpupr = login(serving, "admin.dpupr", s.passwords["admin.dpupr"]);
      const std::string letter = upload(serving, "/api/v1/staff/uploads", dpupr.headers(),
                                        "application/pdf", kLetter.size(), kLetter);
      EXPECT_EQ(act(serving, dpupr, id,
                    {{"action", "respond"},
                     {"note", "Tim sudah menambal lubang; surat dinas terlampir. Terima kasih 👍"},
                     {"attachments", {letter}}})
                    .status,
                200);
      // Half of a photo, every byte value in it, left for later.
      std::string half;
      for (int b = 0; b < 256; ++b) half += char(b);
      upload(serving, "/api/v1/uploads", {}, "image/jpeg", 2 * half.size(), half);
    }
    SQLite::Database db(s.db.string(), SQLite::OPEN_READONLY);
    const auto count = [&](const std::string& sql) { return db.execAndGet(sql).getInt64(); };
    // What the comparisons must meet, or they would prove little.
    EXPECT_GE(count("SELECT count(*) FROM attachments WHERE event_id IS NULL"), 1);
    EXPECT_GE(count("SELECT count(*) FROM attachments WHERE event_id IS NOT NULL"), 1);
    EXPECT_GE(count("SELECT count(*) FROM upload_chunks"), 1);
    EXPECT_GE(count("SELECT count(*) FROM sessions"), 2);
    EXPECT_GE(count("SELECT count(*) FROM submission_keys"), 1);
    EXPECT_GE(count("SELECT count(*) FROM reports WHERE lat IS NOT NULL"), 1);
    EXPECT_GE(count("SELECT count(*) FROM report_tallies WHERE n > 0"), 10);
    EXPECT_GE(count("SELECT count(*) FROM report_events"), 1000);
    EXPECT_GE(count("SELECT max(length(data)) FROM attachments"), 100 * 1024);
    s.ok = !::testing::Test::HasFailure();
    return s;
  }();
  // The folder goes when the tests are done.
  static const struct Removal {
    fs::path dir;
    ~Removal() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  } removal{built.dir};
  return built;
}

// ---------------------------------------------------------------------------------------

class CopyStore : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(admin_.ok()) << admin_.error();
    ASSERT_TRUE(source().ok) << "the source store could not be made";
    dir_ =
        fs::temp_directory_path() / ("aduan-copy-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    for (const std::string& name : databases_) {
      admin_.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  // A new, empty database; its name.
  std::string new_database() {
    const std::string name = "copy_" + std::to_string(std::random_device{}());
    EXPECT_EQ(admin_.exec("CREATE DATABASE " + name), "");
    databases_.push_back(name);
    return name;
  }
  static std::string url(const std::string& database) {
    return "postgresql://postgres@/" + database + "?host=" + std::getenv("PGHOST");
  }
  CliRun run(const std::vector<std::string>& args) { return aduan(dir_, args); }

  // A copy of the source made with `aduan backup`, its key beside it, to spoil.
  fs::path spoilable(const std::string& name) {
    const fs::path copy = dir_ / name;
    const CliRun made = run({"backup", "--db", source().db.string(), "--to", copy.string()});
    EXPECT_EQ(made.code, 0) << made.err;
    fs::copy_file(source().key, copy.string() + ".key");
    return copy;
  }

  Postgres admin_;
  fs::path dir_;
  std::vector<std::string> databases_;
};

// The reports the staff search finds for `words`, on a SQLite file or a PostgreSQL database.
std::vector<int64_t> found(Db& db, const std::string& words) {
  const WordsMatch match =
      ReportSearch::match(db, WordsQuery{ReportSearch::parse(words).terms, {}});
  Prepared q(db, "SELECT rowid FROM " + match.from +
                     (match.where.empty() ? "" : "WHERE " + match.where) + " ORDER BY rowid");
  int i = 1;
  for (const std::string& v : match.from_values) q.bind(i++, v);
  for (const std::string& v : match.where_values) q.bind(i++, v);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<int64_t> found_in_file(const fs::path& file, const std::string& words) {
  SqliteDb db(file.string());
  return found(db, words);
}

TEST_F(CopyStore, SqliteToPostgresqlAndBackKeepEveryRowAndTheChain) {
  const Source& src = source();
  const std::string database = new_database();

  // SQLite to PostgreSQL: the key is the one beside the source file.
  const CliRun to_pg = run({"copy-store", "--from", src.db.string(), "--to", url(database)});
  ASSERT_EQ(to_pg.code, 0) << to_pg.out << to_pg.err;
  EXPECT_NE(to_pg.out.find("give its servers the same key"), std::string::npos) << to_pg.out;
  const CliRun verified =
      run({"audit", "verify", "--db", url(database), "--audit-key", src.key.string()});
  EXPECT_EQ(verified.code, 0) << verified.out << verified.err;
  EXPECT_NE(verified.out.find("every link intact"), std::string::npos) << verified.out;
  const Dump original = sqlite_dump(src.db);
  const Dump on_pg = pg_dump(database);
  expect_same(original, on_pg);

  // PostgreSQL back to a new SQLite file, which gets the key beside it.
  const fs::path back = dir_ / "back.db";
  const CliRun to_file = run({"copy-store", "--from", url(database), "--to", back.string(),
                              "--audit-key", src.key.string()});
  ASSERT_EQ(to_file.code, 0) << to_file.out << to_file.err;
  EXPECT_EQ(slurp(back.string() + ".key"), slurp(src.key));
  EXPECT_EQ(fs::status(back.string() + ".key").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_FALSE(fs::exists(back.string() + ".tmp"));
  const CliRun verified_back = run({"audit", "verify", "--db", back.string()});
  EXPECT_EQ(verified_back.code, 0) << verified_back.out << verified_back.err;
  expect_same(original, sqlite_dump(back));

  // The staff search was made again on each and finds the same reports.
  const std::vector<int64_t> potholes = found_in_file(src.db, "jalan berlubang");
  EXPECT_FALSE(potholes.empty());
  EXPECT_EQ(found_in_file(back, "jalan berlubang"), potholes);
  PostgresqlDb pg(url(database));
  EXPECT_EQ(found(pg, "jalan berlubang"), potholes);

  // The counters equal a recount (compared without zero rows above: the copy made none).
  tallies::rebuild(pg);
  const Dump recounted = pg_dump(database);
  for (const std::string& counter : kCounters) {
    EXPECT_EQ(recounted.at(counter), on_pg.at(counter)) << counter;
  }

  // The PostgreSQL copy serves: a staff member logs in with the password they had, a new
  // report with a photo takes ids after the copied ones, and the chain goes on from the head.
  {
    Serving serving({"--db", url(database), "--audit-key", src.key.string()},
                    dir_ / "serve-pg.log");
    login(serving, "koordinator", src.passwords.at("koordinator"));
    EXPECT_FALSE(send(serving, with_photo(serving, "Lampu jalan padam di depan sekolah"),
                      "copy-store-0000000002")
                     .empty());
    // The first report sent again under its key is recognised, not filed twice.
    EXPECT_EQ(send(serving, src.first, kFirstKey), src.first_id);
  }
  EXPECT_EQ(query_int64(pg, "SELECT count(*) FROM reports"),
            int64_t(original.at("reports").size()) + 1);
  const CliRun still =
      run({"audit", "verify", "--db", url(database), "--audit-key", src.key.string()});
  EXPECT_EQ(still.code, 0) << still.out << still.err;
}

TEST_F(CopyStore, PostgresqlToPostgresqlNeedsTheKeyNamed) {
  const Source& src = source();
  const std::string first = new_database(), second = new_database();
  ASSERT_EQ(run({"copy-store", "--from", src.db.string(), "--to", url(first)}).code, 0);
  const CliRun unnamed = run({"copy-store", "--from", url(first), "--to", url(second)});
  EXPECT_EQ(unnamed.code, 2);
  EXPECT_NE(unnamed.err.find("--audit-key FILE is required"), std::string::npos) << unnamed.err;
  const CliRun copied = run(
      {"copy-store", "--from", url(first), "--to", url(second), "--audit-key", src.key.string()});
  ASSERT_EQ(copied.code, 0) << copied.err;
  expect_same(pg_dump(first), pg_dump(second));
}

TEST_F(CopyStore, RefusesATargetThatHoldsDataAndLeavesItAsItWas) {
  const Source& src = source();
  // A database that holds a store already.
  const std::string store = new_database();
  ASSERT_EQ(run({"copy-store", "--from", src.db.string(), "--to", url(store)}).code, 0);
  const Dump before = pg_dump(store);
  const CliRun again = run({"copy-store", "--from", src.db.string(), "--to", url(store)});
  EXPECT_EQ(again.code, 2);
  EXPECT_NE(again.err.find("already holds data"), std::string::npos) << again.err;
  expect_same(before, pg_dump(store));
  EXPECT_GT(rows_in(before), 100u);

  // A database of something else.
  const std::string other = new_database();
  {
    PgConnection pg(other);
    PQclear(PQexec(pg.conn, "CREATE TABLE ledger (entry TEXT); INSERT INTO ledger VALUES ('x')"));
  }
  const CliRun foreign = run({"copy-store", "--from", src.db.string(), "--to", url(other)});
  EXPECT_EQ(foreign.code, 2);
  EXPECT_NE(foreign.err.find("not an aduan store's"), std::string::npos) << foreign.err;
  const Dump untouched = pg_dump(other);
  EXPECT_EQ(names_of(untouched), std::vector<std::string>{"ledger"});

  // A file that is there already, store or not; nothing written beside it either.
  const fs::path there = dir_ / "there.db";
  std::ofstream(there) << "not a store";
  const CliRun over = run({"copy-store", "--from", url(store), "--to", there.string(),
                           "--audit-key", src.key.string()});
  EXPECT_EQ(over.code, 2);
  EXPECT_NE(over.err.find("is there already"), std::string::npos) << over.err;
  EXPECT_EQ(slurp(there), "not a store");
  EXPECT_FALSE(fs::exists(there.string() + ".key"));
  EXPECT_FALSE(fs::exists(there.string() + ".tmp"));
}

TEST_F(CopyStore, RefusesAnotherKeyOrSchemaVersionAndWritesNothing) {
  const Source& src = source();
  const std::string database = new_database();
  const fs::path stranger = dir_ / "stranger.key";
  std::ofstream(stranger) << std::string(64, 'a') << "\n";
  const CliRun wrong_key = run({"copy-store", "--from", src.db.string(), "--to", url(database),
                                "--audit-key", stranger.string()});
  EXPECT_EQ(wrong_key.code, 2);
  EXPECT_NE(wrong_key.err.find("not the key"), std::string::npos) << wrong_key.err;
  EXPECT_EQ(rows_in(pg_dump(database)), 0u);

  // A key of another store already beside a SQLite target.
  const fs::path target = dir_ / "target.db";
  fs::copy_file(stranger, target.string() + ".key");
  const CliRun clash = run({"copy-store", "--from", src.db.string(), "--to", target.string()});
  EXPECT_EQ(clash.code, 2);
  EXPECT_NE(clash.err.find("another key file"), std::string::npos) << clash.err;
  EXPECT_FALSE(fs::exists(target));

  // A source some migrations behind this binary.
  const fs::path older = spoilable("older.db");
  SQLite::Database(older.string(), SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 32");
  const CliRun behind = run({"copy-store", "--from", older.string(), "--to", url(database)});
  EXPECT_EQ(behind.code, 2);
  EXPECT_NE(behind.err.find("aduan migrate"), std::string::npos) << behind.err;
  EXPECT_EQ(rows_in(pg_dump(database)), 0u);
}

// Text that is not UTF-8 (SQLite keeps any bytes it is given) in the sessions, which come after
// the reports, their events and files: PostgreSQL refuses it half-way through, and the
// transaction takes back every row already in.
TEST_F(CopyStore, AFailureHalfWayLeavesNoRowInPostgresql) {
  const fs::path spoiled = spoilable("spoiled.db");
  {
    SQLite::Database db(spoiled.string(), SQLite::OPEN_READWRITE);
    ASSERT_GE(db.exec("UPDATE sessions SET csrf_token = CAST(X'C328' AS TEXT)"), 1);
  }
  const std::string database = new_database();
  const CliRun failed = run({"copy-store", "--from", spoiled.string(), "--to", url(database)});
  EXPECT_EQ(failed.code, 1) << failed.out << failed.err;
  EXPECT_NE(failed.err.find("copying sessions"), std::string::npos) << failed.err;
  // Tables were written before it, in the same transaction.
  EXPECT_NE(failed.err.find("copy-store: reports "), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("copy-store: attachments 2 rows"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("copy-store: agencies 14 rows"), std::string::npos) << failed.err;
  const Dump left = pg_dump(database);
  for (const auto& [table, rows] : left) {
    const bool single = table == "tally_settings" || table == "catalog_version" ||
                        table == "audit_head" || table == "search_index_version";
    EXPECT_EQ(rows.size(), single ? 1u : 0u) << table;
  }
  // What the migrations wrote is back as it was; a copy into it now goes through.
  EXPECT_EQ(left.at("audit_head"), std::vector<std::string>{"i1|i0|t|t|i0"});
  const CliRun good = run({"copy-store", "--from", source().db.string(), "--to", url(database)});
  EXPECT_EQ(good.code, 0) << good.err;
  expect_same(sqlite_dump(source().db), pg_dump(database));
}

// An agency moved under one made after it (the panel allows it): PostgreSQL checks each
// foreign key as the row goes in, so the parent must go in first whatever the ids.
TEST_F(CopyStore, AnAgencyUnderANewerOneGoesInAfterIt) {
  const fs::path moved = spoilable("moved.db");
  {
    SQLite::Database db(moved.string(), SQLite::OPEN_READWRITE);
    ASSERT_EQ(db.exec("UPDATE agencies SET parent_id = (SELECT max(id) FROM agencies) "
                      "WHERE id = (SELECT min(id) FROM agencies)"),
              1);
  }
  const std::string database = new_database();
  const CliRun copied = run({"copy-store", "--from", moved.string(), "--to", url(database)});
  ASSERT_EQ(copied.code, 0) << copied.err;
  expect_same(sqlite_dump(moved), pg_dump(database));
}

// A value PostgreSQL would keep otherwise than SQLite holds it (its text stops at a NUL): the
// copy compares each row the target gives back with the source's, and fails on it.
TEST_F(CopyStore, AValueTheTargetWouldChangeFailsTheCopy) {
  const fs::path spoiled = spoilable("nul.db");
  {
    SQLite::Database db(spoiled.string(), SQLite::OPEN_READWRITE);
    ASSERT_EQ(db.exec("UPDATE canned_responses SET text = 'Mohon' || CAST(X'00' AS TEXT) || "
                      "'kirim foto' WHERE id = (SELECT min(id) FROM canned_responses)"),
              1);
  }
  const std::string database = new_database();
  const CliRun failed = run({"copy-store", "--from", spoiled.string(), "--to", url(database)});
  EXPECT_EQ(failed.code, 1) << failed.out << failed.err;
  EXPECT_NE(failed.err.find("copying canned_responses: text of the row"), std::string::npos)
      << failed.err;
  EXPECT_NE(failed.err.find("the target keeps 'Mohon' where the source has 'Mohon?kirim foto'"),
            std::string::npos)
      << failed.err;
  EXPECT_EQ(rows_in(pg_dump(database)), 4u);  // the migrations' single rows
  // SQLite keeps it as it is.
  const fs::path file = dir_ / "nul-copy.db";
  ASSERT_EQ(run({"copy-store", "--from", spoiled.string(), "--to", file.string()}).code, 0);
  expect_same(sqlite_dump(spoiled), sqlite_dump(file));
}

// A row whose user is gone (SQLite keeps foreign keys only when asked): the target refuses it
// half-way; a SQLite target never appears, nor its key.
TEST_F(CopyStore, AFailureHalfWayLeavesNoSqliteFile) {
  const fs::path spoiled = spoilable("orphan.db");
  {
    SQLite::Database db(spoiled.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec(
        "INSERT INTO saved_views (user_id, name, query, created_at) "
        "VALUES (99999, 'lama', 'status=forwarded', 1)");
  }
  const fs::path target = dir_ / "copy.db";
  const CliRun failed = run({"copy-store", "--from", spoiled.string(), "--to", target.string()});
  EXPECT_EQ(failed.code, 1) << failed.out << failed.err;
  EXPECT_NE(failed.err.find("copying saved_views"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("copy-store: reports "), std::string::npos) << failed.err;
  for (const char* suffix : {"", ".tmp", ".tmp-journal", ".key", ".key.tmp"}) {
    EXPECT_FALSE(fs::exists(target.string() + suffix)) << suffix;
  }
  const std::string database = new_database();
  const CliRun to_pg = run({"copy-store", "--from", spoiled.string(), "--to", url(database)});
  EXPECT_EQ(to_pg.code, 1) << to_pg.err;
  EXPECT_EQ(rows_in(pg_dump(database)), 4u);  // the migrations' single rows
}

}  // namespace
}  // namespace aduan

// Storage faults under a running aduan: the disk full, the database made read-only, the
// database locked by another process. Writes answer 503 with the fault's code and
// Retry-After, reads go on, nothing acknowledged is lost, and writes work again once the
// fault clears. The full disk is a small tmpfs mounted for the test; both engines need root
// for it, as the CI runs.
//
// On SQLite the database is a file on that disk; read-only means its files are marked
// immutable (chattr +i, which stops even root and even descriptors already open); the lock
// is another connection's write transaction. On PostgreSQL (ADUAN_TEST_ENGINE=postgresql)
// the database's tables live in a tablespace on that disk; read-only is the cluster's
// default_transaction_read_only turned on under running sessions, as a managed service does
// when it protects a full volume; the lock is another session's EXCLUSIVE lock on reports.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "store/sqlite_db.h"
#include "support/test_database.h"
#include "support/test_paths.h"
#include "support/test_peers.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

class StorageFault : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_);
    database_ = std::make_unique<TestDatabase>(dir_);
  }

  // A small disk of its own for the store: the SQLite file, or PostgreSQL's tables.
  void mount_small_disk() {
    std::filesystem::create_directories(mnt_);
    ASSERT_EQ(::mount("tmpfs", mnt_.c_str(), "tmpfs", 0, "size=8m"), 0)
        << "cannot mount a tmpfs for the test: " << std::strerror(errno);
    mounted_ = true;
    if (!on_postgresql()) {
      database_.reset();
      database_ = std::make_unique<TestDatabase>(mnt_);
      return;
    }
    // The tablespace's folder belongs to the cluster's owner (postgres, when the test runs
    // as root), and every table the migrations create goes there.
    const std::string chown = "chown postgres " + mnt_.string() + " 2>/dev/null || true";
    ASSERT_EQ(std::system(chown.c_str()), 0);
    tablespace_ = database_->name() + "_disk";
    admin_sql("CREATE TABLESPACE " + tablespace_ + " LOCATION '" + mnt_.string() + "'");
    admin_sql("ALTER DATABASE " + database_->name() + " SET default_tablespace = " + tablespace_);
  }

  void start() {
    const std::string demo = std::string(ADUAN_BIN) + " demo " + database_->shell_args() + " > " +
                             (dir_ / "demo.out").string();
    ASSERT_EQ(std::system(demo.c_str()), 0);
    server_ = std::make_unique<AduanProcess>(
        ADUAN_BIN, database_->location(), dir_ / "serve.out",
        std::vector<std::string>{"--audit-key", database_->key_path().string(), "--job-interval",
                                 "0", "--limit-submit", "0"});
  }
  void TearDown() override {
    set_read_only(false);
    server_.reset();
    database_.reset();
    if (!tablespace_.empty()) admin_sql("DROP TABLESPACE IF EXISTS " + tablespace_);
    if (mounted_) ::umount2(mnt_.c_str(), MNT_DETACH);
    if (!HasFailure()) std::filesystem::remove_all(dir_);
  }

  struct Answer {
    int status = 0;
    json body;
    std::string retry_after;
  };

  Answer submit(size_t body_size = 200) {
    std::string text = "Lubang besar di tengah jalan, sudah dua minggu tidak diperbaiki. ";
    while (text.size() < body_size) text += "Pengendara motor sering terjatuh di sana. ";
    const json report{{"classification", "complaint"},
                      {"title", "Jalan rusak di depan pasar " + std::to_string(++sent_)},
                      {"body", text.substr(0, 4900)},
                      {"incident_date", "2026-11-20"},
                      {"location", {{"text", "Jl. A. Yani km 39"}}},
                      {"category", "jalan-jembatan"},
                      {"reporter", {{"phone", "081234567890"}}}};
    httplib::Client c = server_->client();
    auto res = c.Post("/api/v1/reports", report.dump(), "application/json");
    Answer a;
    if (!res) return a;
    a.status = res->status;
    a.body = json::parse(res->body, nullptr, false);
    a.retry_after = res->get_header_value("Retry-After");
    // Whatever went wrong, the answer names no SQL, no file and no stack.
    for (const char* leak : {"sqlite", "SQLITE", "postgres", "SELECT", "INSERT", ".db", "::"}) {
      EXPECT_EQ(res->body.find(leak), std::string::npos) << leak << " in " << res->body;
    }
    if (a.status == 201) acknowledged_.push_back(a.body["tracking_id"]);
    return a;
  }

  // The database read-only, or writable again. SQLite: chattr +i / -i on the database and
  // its write-ahead log. PostgreSQL: the cluster's default, which running sessions take up
  // at the reload, at their next transaction.
  void set_read_only(bool on) {
    if (on_postgresql()) {
      if (!on && !read_only_) return;
      read_only_ = on;
      admin_sql(on ? "ALTER SYSTEM SET default_transaction_read_only = on"
                   : "ALTER SYSTEM RESET default_transaction_read_only");
      admin_sql("SELECT pg_reload_conf()");
      std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the signal is async
      return;
    }
    for (const char* suffix : {"", "-wal"}) {
      const std::filesystem::path file = database_->location() + suffix;
      if (!std::filesystem::exists(file)) continue;
      const std::string cmd = std::string("chattr ") + (on ? "+i " : "-i ") + file.string();
      ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    }
  }

  int track(const std::string& id) {
    httplib::Client c = server_->client();
    auto res = c.Get(("/api/v1/reports/" + id).c_str());
    return res ? res->status : 0;
  }

  // Every report that got a 201 is in the store.
  void expect_all_acknowledged_present() {
    for (const std::string& id : acknowledged_) EXPECT_EQ(track(id), 200) << id;
  }

  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("aduan-fault-" + std::to_string(::getpid()));
  std::filesystem::path mnt_ = dir_ / "disk";
  std::unique_ptr<TestDatabase> database_;
  std::string tablespace_;  // PostgreSQL's tables on the small disk
  bool mounted_ = false;
  bool read_only_ = false;
  std::unique_ptr<AduanProcess> server_;
  std::vector<std::string> acknowledged_;
  int sent_ = 0;
};

TEST_F(StorageFault, DiskFullRefusesWritesKeepsReadsAndRecovers) {
  mount_small_disk();
  start();
  ASSERT_EQ(submit().status, 201);
  // Fill the disk to the last byte.
  {
    std::ofstream filler(mnt_ / "filler", std::ios::binary);
    const std::string block(64 * 1024, 'x');
    while (filler.write(block.data(), block.size())) {
    }
    std::ofstream small(mnt_ / "filler2", std::ios::binary);
    while (small.put('x')) {
    }
  }
  // The write-ahead log may still have room from earlier commits; writes go on until it
  // needs more, then every one is refused with storage_full, never a 500.
  Answer refused;
  for (int i = 0; i < 400 && refused.status != 503; ++i) {
    refused = submit(4800);
    ASSERT_TRUE(refused.status == 201 || refused.status == 503) << refused.status << refused.body;
  }
  ASSERT_EQ(refused.status, 503) << "the disk never filled";
  EXPECT_EQ(refused.body["error"]["code"], "storage_full");
  EXPECT_EQ(refused.retry_after, "60");
  EXPECT_EQ(track(acknowledged_.front()), 200) << "reads stop on a full disk";

  std::filesystem::remove(mnt_ / "filler");
  std::filesystem::remove(mnt_ / "filler2");
  EXPECT_EQ(submit().status, 201) << "no recovery once there is space again";
  expect_all_acknowledged_present();
  server_->terminate();
  if (on_postgresql()) return;
  SqliteDb db(database_->location(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST_F(StorageFault, ReadOnlyRefusesWritesKeepsReadsAndRecovers) {
  start();
  ASSERT_EQ(submit().status, 201);
  set_read_only(true);
  const Answer refused = submit();
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.body["error"]["code"], "storage_read_only");
  EXPECT_EQ(track(acknowledged_.front()), 200) << "reads stop on read-only files";

  set_read_only(false);
  Answer again;
  for (int i = 0; i < 3 && again.status != 201; ++i) again = submit();
  EXPECT_EQ(again.status, 201) << "no recovery once the files are writable: " << again.body;
  expect_all_acknowledged_present();
}

TEST_F(StorageFault, LockedByAnotherProcessIsBusyThenRecovers) {
  start();
  ASSERT_EQ(submit().status, 201);
  {
    // This test process is the other process: it takes the write lock and holds it.
    std::unique_ptr<Db> other = database_->open();
    other->exec(on_postgresql() ? "BEGIN; LOCK TABLE reports IN EXCLUSIVE MODE"
                                : "BEGIN IMMEDIATE");
    const auto started = std::chrono::steady_clock::now();
    const Answer refused = submit();
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(refused.status, 503) << refused.body;
    EXPECT_EQ(refused.body["error"]["code"], "storage_busy");
    EXPECT_EQ(refused.retry_after, "2");
    // aduan waited for the lock (its busy timeout) before giving up, rather than failing at once.
    EXPECT_GE(waited, std::chrono::seconds(4));
    EXPECT_EQ(track(acknowledged_.front()), 200) << "reads wait for a writer's lock";
    other->exec("ROLLBACK");
  }
  EXPECT_EQ(submit().status, 201);
  expect_all_acknowledged_present();
}

}  // namespace
}  // namespace aduan::testing

// `aduan user add / passwd / disable`, the real binary on a real store: the panel's account
// rules (services/account_service.h, shared/accounts.h) hold at the server's shell too, and
// each change is in the admin log, by the console.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "store/sqlite_db.h"
#include "support/cli_run.h"

namespace aduan::testing {
namespace {

namespace fs = std::filesystem;

class CliUser : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("aduan-cli-user-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  CliRun user(const std::vector<std::string>& args, const std::string& password = "") {
    std::vector<std::string> all = {"user"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"--db", db_});
    return aduan(dir_, all, password.empty() ? "" : password + "\n");
  }

  std::vector<std::string> log() {
    SqliteDb db(db_, SQLite::OPEN_READONLY);
    SQLite::Statement q(
        db, "SELECT actor || ' ' || action || ' ' || target FROM admin_events ORDER BY id");
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(CliUser, TheAccountRulesHoldAtTheShell) {
  CliRun run =
      user({"add", "--username", "Admin.Satu", "--role", "system_admin"}, "kata-sandi-panjang-1");
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "added admin.satu\n");  // usernames are kept in lower case

  // What the panel refuses, the console refuses, with the same field codes.
  run = user({"add", "--username", "budi", "--role", "coordinator"}, "pendek");
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.err.find("password: too_short"), std::string::npos) << run.err;
  run = user({"add", "--username", "budi", "--role", "coordinator"}, "budi");
  EXPECT_NE(run.code, 0);
  run = user({"add", "--username", "sari", "--role", "agency_admin"}, "kata-sandi-panjang-2");
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.err.find("agency: required"), std::string::npos) << run.err;
  run = user({"add", "--username", "sari", "--role", "walikota"}, "kata-sandi-panjang-2");
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.err.find("role: "), std::string::npos) << run.err;
  run = user({"add", "--username", "admin.satu", "--role", "coordinator"}, "kata-sandi-panjang-2");
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.err.find("exists"), std::string::npos) << run.err;

  // The last system admin is not disabled from the console either.
  run = user({"disable", "--username", "admin.satu"});
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.err.find("last active system admin"), std::string::npos) << run.err;
  ASSERT_EQ(
      user({"add", "--username", "admin.dua", "--role", "system_admin"}, "kata-sandi-panjang-3")
          .code,
      0);
  run = user({"disable", "--username", "admin.satu"});
  EXPECT_EQ(run.code, 0) << run.err;

  run = user({"passwd", "--username", "admin.dua"}, "kata-sandi-baru-sekali");
  EXPECT_EQ(run.code, 0) << run.err;
  run = user({"passwd", "--username", "admin.dua"}, "admin.dua");
  EXPECT_NE(run.code, 0);
  run = user({"passwd", "--username", "nobody"}, "kata-sandi-baru-sekali");
  EXPECT_NE(run.code, 0);

  // Every change the console made, in the admin log; the refusals left nothing.
  EXPECT_EQ(log(),
            (std::vector<std::string>{
                "(console) account_created admin.satu", "(console) account_created admin.dua",
                "(console) account_disabled admin.satu", "(console) password_reset admin.dua"}));
}

}  // namespace
}  // namespace aduan::testing

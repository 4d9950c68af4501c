// The hash chain of each report's events: intact after a real lifecycle, and an edit, a
// removal or a forged event made behind aduan's back is named by `verify_chains`.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "audit_chain.h"
#include "test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

AuditResult verify(TestServer& server) {
  SQLite::Database db(server.db_path().string(), SQLite::OPEN_READONLY);
  return verify_chains(db);
}

void tamper(TestServer& server, const std::string& sql) {
  SQLite::Database db(server.db_path().string(), SQLite::OPEN_READWRITE);
  db.exec(sql);
}

class Audit : public ::testing::Test {
 protected:
  Audit() {
    id = server.submit().first;
    const StaffSession coordinator = server.login("koordinator");
    httplib::Client c = server.client();
    const json r =
        json::parse(c.Get(("/api/v1/staff/reports/" + id).c_str(), coordinator.headers())->body);
    auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
                      json{{"action", "forward"},
                           {"agency", "DPUPR"},
                           {"note", "Mohon ditangani minggu ini."},
                           {"version", r["version"]}}
                          .dump(),
                      "application/json");
    EXPECT_EQ(res->status, 200) << res->body;
    canonical = id.substr(0, 3) + id.substr(4, 3) + id.substr(8);
  }
  std::string report_id_sql() {
    return "(SELECT id FROM reports WHERE tracking_id = '" + canonical + "')";
  }

  TestServer server;
  std::string id, canonical;
};

TEST_F(Audit, IntactAfterARealLifecycle) {
  const AuditResult r = verify(server);
  EXPECT_FALSE(r.broken) << *r.broken;
  EXPECT_GE(r.events, 3);  // the demo's and this report's submit, forward and instruction
}

TEST_F(Audit, AnEditedNoteIsNamed) {
  tamper(server, "UPDATE report_events SET note = 'Sudah selesai.' WHERE report_id = " +
                     report_id_sql() + " AND action = 'comment'");
  const AuditResult r = verify(server);
  ASSERT_TRUE(r.broken);
  EXPECT_NE(r.broken->find("report " + id), std::string::npos) << *r.broken;
}

TEST_F(Audit, ARemovedLastEventIsNamed) {
  tamper(server,
         "DELETE FROM report_events WHERE id = (SELECT max(id) FROM report_events "
         "WHERE report_id = " +
             report_id_sql() + ")");
  const AuditResult r = verify(server);
  ASSERT_TRUE(r.broken);
  EXPECT_NE(r.broken->find("report " + id), std::string::npos) << *r.broken;
  EXPECT_NE(r.broken->find("removed"), std::string::npos) << *r.broken;
}

TEST_F(Audit, AForgedEventWithACopiedHashIsNamed) {
  tamper(server,
         "INSERT INTO report_events (report_id, at, actor_role, action, from_status, to_status, "
         "note, public, hash) SELECT report_id, at + 60, 'coordinator', 'archive', 'forwarded', "
         "'archived', '', 1, hash FROM report_events WHERE report_id = " +
             report_id_sql() + " ORDER BY id DESC LIMIT 1");
  const AuditResult r = verify(server);
  ASSERT_TRUE(r.broken);
  EXPECT_NE(r.broken->find("report " + id), std::string::npos) << *r.broken;
}

}  // namespace
}  // namespace aduan::testing

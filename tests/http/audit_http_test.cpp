// The keyed audit chain: intact after a real lifecycle; every edit someone with the database
// file but without the key can make (an event edited and relinked, the last events removed
// and the head moved back, the report row changed without an event, a whole report deleted)
// is named by the real `aduan audit verify`; verify refuses what it cannot check and creates
// nothing; the key file itself; PIN digests keyed with the same key; and a store from before
// the key linked once, its PINs still working.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/crypto.h"
#include "base/secrets.h"
#include "store/audit_chain.h"
#include "store/backup.h"
#include "store/db_engine.h"
#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/cli_run.h"
#include "support/test_paths.h"
#include "support/test_peers.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string canonical(const std::string& tracking_id) {
  std::string out;
  for (char c : tracking_id) {
    if (c != '-') out.push_back(c);
  }
  return out;
}

// What someone deleting rows that others point to runs first in their session.
std::string foreign_keys_off() {
  return on_postgresql() ? "SET session_replication_role = replica; "
                         : "PRAGMA foreign_keys = OFF; ";
}

// `location`: a store's SQLite file (a path converts) or PostgreSQL URL.
void tamper(const std::string& location, const std::string& sql) {
  open_store_at(location)->exec(sql);
}

int64_t number(const std::string& location, const std::string& sql) {
  return query_int64(*open_store_at(location), sql);
}

std::string text(const std::string& location, const std::string& sql) {
  return query_string(*open_store_at(location), sql);
}

// How someone without the key could compute links: any function but the keyed one.
using Linker = std::function<std::string(const std::string& previous, int64_t report_id,
                                         const EventColumns& event)>;

// Recomputes every link from event `from` on with `link` and moves the head there: all that
// someone with the file can do to hide an edit.
void relink_from(const std::string& location, int64_t from, const Linker& link) {
  const std::unique_ptr<Db> store = open_store_at(location);
  Db& db = *store;
  Transaction tx(db);
  std::string previous;
  {
    Prepared q(db, "SELECT hash FROM report_events WHERE id < ? ORDER BY id DESC LIMIT 1");
    q.bind(1, from);
    if (q.executeStep()) previous = q.getColumn(0).getString();
  }
  std::vector<std::tuple<int64_t, int64_t, EventColumns>> events;
  {
    Prepared q(db,
               "SELECT report_id, id, at, actor_role, actor_id, actor_name, action, "
               "from_status, to_status, note, public, agency_id, state "
               "FROM report_events WHERE id >= ? ORDER BY id");
    q.bind(1, from);
    while (q.executeStep()) {
      EventColumns columns;
      for (int i = 0; i < 12; ++i) {
        if (!q.getColumn(1 + i).isNull()) columns[size_t(i)] = q.getColumn(1 + i).getString();
      }
      events.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), columns);
    }
  }
  int64_t last = 0;
  for (const auto& [report, id, columns] : events) {
    previous = link(previous, report, columns);
    Prepared u(db, "UPDATE report_events SET hash = ? WHERE id = ?");
    u.bind(1, previous);
    u.bind(2, id);
    u.exec();
    last = id;
  }
  Prepared head(db, "UPDATE audit_head SET event_id = ?, link = ?");
  head.bind(1, last);
  head.bind(2, previous);
  head.exec();
  tx.commit();
}

class Audit : public ::testing::Test {
 protected:
  Audit() {
    std::tie(id, pin) = server.submit();
    EXPECT_EQ(
        act(id,
            {{"action", "forward"}, {"agency", "DPUPR"}, {"note", "Mohon ditangani minggu ini."}}),
        200);
  }

  int act(const std::string& tracking_id, json body) {
    httplib::Client c = server.client();
    const json r = json::parse(
        c.Get(("/api/v1/staff/reports/" + tracking_id).c_str(), coordinator.headers())->body);
    if (!body.contains("version")) body["version"] = r["version"];
    auto res = c.Post(("/api/v1/staff/reports/" + tracking_id + "/actions").c_str(),
                      coordinator.headers(), body.dump(), "application/json");
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
    return res ? res->status : 0;
  }

  std::string report_sql(const std::string& tracking_id) {
    return "(SELECT id FROM reports WHERE tracking_id = '" + canonical(tracking_id) + "')";
  }

  // A consistent copy of the live store to tamper with: SQLite's online backup; on
  // PostgreSQL a database of its own that `aduan copy-store` fills from the live one.
  std::string copy(const std::string& name) {
    if (!on_postgresql()) {
      const fs::path to = server.dir() / name;
      backup_store(server.db_path().string(), to.string());
      return to.string();
    }
    copies.push_back(std::make_unique<TestDatabase>(server.dir()));
    const CliRun run =
        aduan(server.dir(), {"copy-store", "--from", server.location(), "--to",
                             copies.back()->location(), "--audit-key", server.key_path().string()});
    EXPECT_EQ(run.code, 0) << run.out << run.err;
    return copies.back()->location();
  }

  CliRun verify(const std::string& db, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"audit", "verify",      "--db",
                                  db,      "--audit-key", server.key_path().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return aduan(server.dir(), args);
  }

  CliRun head(const std::string& db) {
    return aduan(server.dir(),
                 {"audit", "head", "--db", db, "--audit-key", server.key_path().string()});
  }

  TestServer server;
  StaffSession coordinator = server.login("koordinator");
  std::string id, pin;
  std::vector<std::unique_ptr<TestDatabase>> copies;  // on PostgreSQL, dropped after the test
};

TEST_F(Audit, IntactAfterARealLifecycle) {
  const StaffSession dpupr = server.login("admin.dpupr");
  const StaffSession officer = server.login("petugas.dpupr");
  auto staff = [&](const StaffSession& s, const std::string& tracking_id, json body) {
    httplib::Client c = server.client();
    const json r =
        json::parse(c.Get(("/api/v1/staff/reports/" + tracking_id).c_str(), s.headers())->body);
    body["version"] = r["version"];
    auto res = c.Post(("/api/v1/staff/reports/" + tracking_id + "/actions").c_str(), s.headers(),
                      body.dump(), "application/json");
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
  };
  auto citizen = [&](const std::string& tracking_id, const std::string& p, json body) {
    body["pin"] = p;
    httplib::Client c = server.client();
    auto res = c.Post(("/api/v1/reports/" + tracking_id + "/actions").c_str(), body.dump(),
                      "application/json");
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
  };
  // A second report whose flags change on the way: made confidential and anonymous by the
  // coordinator as it is forwarded, assigned, answered, resolved, confirmed and rated.
  const auto [other, other_pin] = server.submit();
  staff(coordinator, other,
        {{"action", "forward"}, {"agency", "DPUPR"}, {"confidential", true}, {"anonymous", true}});
  staff(dpupr, other, {{"action", "assign"}, {"officer", "petugas.dpupr"}});
  staff(officer, other, {{"action", "respond"}, {"note", "Tim akan meninjau lokasi besok."}});
  staff(officer, other, {{"action", "update"}, {"note", "Material dipesan."}, {"public", false}});
  staff(dpupr, other, {{"action", "resolve"}, {"note", "Lubang sudah ditambal."}});
  citizen(other, other_pin, {{"action", "confirm"}});
  citizen(other, other_pin, {{"action", "rate"}, {"rating", 5}, {"note", "Cepat."}});
  EXPECT_EQ(number(server.location(),
                   "SELECT confidential + anonymous FROM reports WHERE id = " + report_sql(other)),
            2);

  const CliRun run = verify(server.location());
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("every link intact"), std::string::npos) << run.out;
  // The same in process, with its counts: every event of every report, one chain.
  const auto db = server.open_db();
  const AuditResult r = verify_chain(*db, Secrets::load(server.key_path().string()));
  EXPECT_FALSE(r.broken) << *r.broken;
  EXPECT_EQ(r.events, server.count_rows("report_events"));
  EXPECT_EQ(r.reports, server.count_rows("reports"));
  EXPECT_EQ(r.head.event_id, number(server.location(), "SELECT max(id) FROM report_events"));
}

TEST_F(Audit, AnEditedEventRelinkedWithoutTheKeyIsNamed) {
  const std::string event_sql = "SELECT id FROM report_events WHERE report_id = " + report_sql(id) +
                                " AND action = 'comment'";
  const int64_t event = number(server.location(), event_sql);
  const std::string edit =
      "UPDATE report_events SET note = 'Sudah selesai.' WHERE id = " + std::to_string(event);
  // Relinked with an unkeyed digest (the chain before the key was one) ...
  const fs::path unkeyed = copy("unkeyed.db");
  tamper(unkeyed, edit);
  relink_from(unkeyed, event, [](const std::string& previous, int64_t report, const auto& e) {
    std::string text = previous + "|" + std::to_string(report);
    for (const auto& value : e) text += "|" + value.value_or("\\x00null");
    return digest_hex(text);
  });
  CliRun run = verify(unkeyed);
  EXPECT_EQ(run.code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("report " + id + ", event " + std::to_string(event)), std::string::npos)
      << run.out;
  // ... and with the real formula under a key of the attacker's own.
  const fs::path wrong_key = copy("wrong_key.db");
  tamper(wrong_key, edit);
  const Secrets other = Secrets::from_key(std::string(Secrets::kKeyBytes, 'x'));
  relink_from(wrong_key, event, [&](const std::string& previous, int64_t report, const auto& e) {
    return chain_link(other, previous, report, e);
  });
  run = verify(wrong_key);
  EXPECT_EQ(run.code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("report " + id + ", event " + std::to_string(event)), std::string::npos)
      << run.out;
  // The untouched store verifies.
  EXPECT_EQ(verify(server.location()).code, 0);
}

TEST_F(Audit, AnEditedOrForgedEventWithoutRelinkingIsNamed) {
  const fs::path edited = copy("edited.db");
  tamper(edited, "UPDATE report_events SET note = 'Sudah selesai.' WHERE report_id = " +
                     report_sql(id) + " AND action = 'comment'");
  CliRun run = verify(edited);
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.out.find("report " + id), std::string::npos) << run.out;

  // A forged event carrying a copy of the last link.
  const fs::path forged = copy("forged.db");
  tamper(forged,
         "INSERT INTO report_events (report_id, at, actor_role, action, from_status, to_status, "
         "note, public, state, hash) SELECT report_id, at + 60, 'coordinator', 'archive', "
         "'forwarded', 'archived', '', 1, state, hash FROM report_events ORDER BY id DESC "
         "LIMIT 1");
  run = verify(forged);
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.out.find("report " + id), std::string::npos) << run.out;
}

// The same edit made to the live store itself (the tests above tamper with a copy).
using AuditOfTheLiveStore = Audit;

TEST_F(AuditOfTheLiveStore, AnEventEditedBehindTheServersBackIsNamed) {
  ASSERT_EQ(act(id, {{"action", "comment"}, {"note", "Sudah dicek ke lapangan."}}), 200);
  CliRun run = verify(server.location());
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  tamper(server.location(), "UPDATE report_events SET note = 'Sudah selesai.' WHERE report_id = " +
                                report_sql(id) + " AND action = 'comment'");
  run = verify(server.location());
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.out.find("report " + id), std::string::npos) << run.out;
}

TEST_F(Audit, RemovedLastEventsAreCaughtAgainstAHeadKeptElsewhere) {
  const CliRun anchor = head(server.location());
  ASSERT_EQ(anchor.code, 0) << anchor.out << anchor.err;
  const std::string expected = anchor.out.substr(0, anchor.out.find('\n'));
  const int64_t last = number(server.location(), "SELECT max(id) FROM report_events");
  EXPECT_EQ(expected.substr(0, expected.find(':')), std::to_string(last));

  // The last event removed and the head moved back to the event before it.
  const fs::path shortened = copy("shortened.db");
  tamper(shortened, "DELETE FROM report_events WHERE id = " + std::to_string(last) +
                        "; UPDATE audit_head SET event_id = e.id, link = e.hash FROM "
                        "(SELECT id, hash FROM report_events ORDER BY id DESC LIMIT 1) e");
  // On its own the store cannot tell a shortened chain from one that ended there ...
  CliRun run = verify(shortened);
  EXPECT_EQ(run.code, 0) << run.out;
  // ... the head kept elsewhere can.
  run = verify(shortened, {"--expect", expected});
  EXPECT_EQ(run.code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("event " + std::to_string(last)), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("removed"), std::string::npos) << run.out;

  // Removed without moving the head: named without an anchor.
  const fs::path cut = copy("cut.db");
  tamper(cut, "DELETE FROM report_events WHERE id = " + std::to_string(last));
  run = verify(cut);
  EXPECT_EQ(run.code, 1) << run.out;
  EXPECT_NE(run.out.find("event " + std::to_string(last)), std::string::npos) << run.out;
}

TEST_F(Audit, AHeadStillVerifiesAfterMoreEventsAndAForeignOneDoesNot) {
  const CliRun anchor = head(server.location());
  ASSERT_EQ(anchor.code, 0) << anchor.err;
  const std::string expected = anchor.out.substr(0, anchor.out.find('\n'));
  CliRun run = verify(server.location(), {"--expect", expected});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("through the expected head"), std::string::npos) << run.out;

  // Yesterday's anchor still holds after today's events.
  const auto [more, more_pin] = server.submit();
  act(more, {{"action", "forward"}, {"agency", "DPUPR"}});
  run = verify(server.location(), {"--expect", expected});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  const CliRun later = head(server.location());
  EXPECT_NE(later.out, anchor.out);

  // An anchor the chain does not pass through: another link at the same event.
  std::string foreign = expected;
  foreign.back() = foreign.back() == '0' ? '1' : '0';
  run = verify(server.location(), {"--expect", foreign});
  EXPECT_EQ(run.code, 1) << run.out;
  EXPECT_NE(run.out.find("expected head"), std::string::npos) << run.out;
  EXPECT_EQ(verify(server.location(), {"--expect", "not-a-head"}).code, 2);
}

TEST_F(Audit, AReportChangedWithoutAnEventIsNamed) {
  const std::vector<std::pair<std::string, std::string>> edits = {
      {"status", "status = 'closed'"},
      {"body", "body = 'Tidak ada masalah apa pun.'"},
      {"reporter phone", "reporter_phone = '+6281111111111'"},
      {"anonymous", "anonymous = 1"},
      {"confidential", "confidential = 1"},
      {"agency", "agency_id = NULL"},
      {"assignment", "assigned_user_id = 1"},
      {"the agency's due date", "stage_due = '2030-01-01'"},
      {"the escalation date", "escalation_due = '2030-01-01'"},
      {"the stage", "stage = 'none', stage_started = NULL, stage_due = NULL"},
      {"the PIN's digest", "citizen_pin_hash = ''"},
  };
  for (const auto& [what, assignment] : edits) {
    const fs::path changed = copy("changed.db");
    tamper(changed, "UPDATE reports SET " + assignment + " WHERE id = " + report_sql(id));
    const CliRun run = verify(changed);
    EXPECT_EQ(run.code, 1) << what << ": " << run.out << run.err;
    EXPECT_NE(run.out.find("report " + id), std::string::npos) << what << ": " << run.out;
    EXPECT_NE(run.out.find("without an event"), std::string::npos) << what << ": " << run.out;
    fs::remove(changed);
  }
  // What may change without an event does not break it.
  const fs::path bookkeeping = copy("bookkeeping.db");
  tamper(bookkeeping,
         "UPDATE reports SET followers = 3, version = version + 1, notify_citizen = 0, "
         "updated_at = updated_at + 1 WHERE id = " +
             report_sql(id));
  const CliRun run = verify(bookkeeping);
  EXPECT_EQ(run.code, 0) << run.out;
}

TEST_F(Audit, AReportDeletedWithItsEventsIsNamed) {
  // A report after it, so that the deleted events are not the chain's last.
  const auto [later, later_pin] = server.submit();
  const int64_t next = number(server.location(),
                              "SELECT min(id) FROM report_events WHERE "
                              "report_id = " +
                                  report_sql(later));
  const fs::path deleted = copy("deleted.db");
  const std::string report = report_sql(id);
  tamper(deleted, foreign_keys_off() + "DELETE FROM report_events WHERE report_id = " + report +
                      "; DELETE FROM stage_records WHERE report_id = " + report +
                      "; DELETE FROM reports WHERE id = " + report);
  const CliRun run = verify(deleted);
  EXPECT_EQ(run.code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("report " + later + ", event " + std::to_string(next)), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("removed"), std::string::npos) << run.out;

  // Only the report row deleted: its events name it.
  const fs::path orphaned = copy("orphaned.db");
  tamper(orphaned, foreign_keys_off() + "DELETE FROM reports WHERE id = " + report);
  const CliRun orphans = verify(orphaned);
  EXPECT_EQ(orphans.code, 1) << orphans.out;
  EXPECT_NE(orphans.out.find("no longer in the store"), std::string::npos) << orphans.out;
}

TEST_F(Audit, VerifyRefusesAMissingStoreOrKeyAndCreatesNothing) {
  const fs::path missing = server.dir() / "missing.db";
  const fs::path missing_key = server.dir() / "missing.key";
  CliRun run = aduan(server.dir(), {"audit", "verify", "--db", missing.string()});
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("no store at " + missing.string()), std::string::npos) << run.err;
  run = aduan(server.dir(), {"audit", "head", "--db", missing.string()});
  EXPECT_EQ(run.code, 2);
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_FALSE(fs::exists(missing.string() + ".key"));
  EXPECT_FALSE(fs::exists(missing.string() + "-wal"));

  run = aduan(server.dir(), {"audit", "verify", "--db", server.db_path().string(), "--audit-key",
                             missing_key.string()});
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("the audit key " + missing_key.string() + " does not exist"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(missing_key));
  // Nor does a key of another store do.
  const fs::path other_key = server.dir() / "other.key";
  std::ofstream(other_key) << std::string(64, 'a') << "\n";
  run = aduan(server.dir(), {"audit", "verify", "--db", server.db_path().string(), "--audit-key",
                             other_key.string()});
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.out.find("not the key this store was linked with"), std::string::npos) << run.out;
}

TEST_F(Audit, PinDigestsAreKeyedAndTheRightPinStillWorks) {
  const std::string stored = text(server.location(),
                                  "SELECT citizen_pin_hash FROM reports "
                                  "WHERE id = " +
                                      report_sql(id));
  const std::string unkeyed = digest_hex("pin:" + canonical(id) + ":" + pin);
  EXPECT_NE(stored, unkeyed);
  EXPECT_EQ(stored, Secrets::load(server.key_path().string()).pin_mac(unkeyed));
  httplib::Client c = server.client();
  auto res = c.Post(("/api/v1/reports/" + id + "/access").c_str(), json{{"pin", pin}}.dump(),
                    "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  res = c.Post(("/api/v1/reports/" + id + "/access").c_str(), json{{"pin", "12345678"}}.dump(),
               "application/json");
  ASSERT_TRUE(res);
  EXPECT_NE(res->status, 200);
}

// A store as the version before the keyed chain left it: per-report unkeyed links, the
// per-report heads, PIN digests unkeyed, schema 17 (so no holiday years either, 0019, nor
// what later migrations add); and no key file yet.
void make_legacy(const fs::path& db_path) {
  tamper(db_path,
         "DROP TABLE holiday_years;"
         // The tables of the migrations after 0019 (My reports on any phone, 0020).
         "DROP TABLE contact_codes;"
         "DROP TABLE contact_reports;"
         "DROP TABLE contact_sessions;"
         // The word pairs learned from duplicate marks (0022).
         "DROP TABLE term_links;"
         // The queue's sorting indexes (0023).
         "DROP INDEX reports_status_created;"
         "DROP INDEX reports_status_updated;"
         "DROP INDEX reports_updated;"
         "DROP INDEX reports_status_followers;"
         "DROP INDEX reports_followers;"
         // The queue's search (0024).
         "DROP TABLE report_search;"
         "DROP INDEX reports_reporter_phone;"
         "DROP INDEX reports_reporter_email;"
         // The agency's queue orders (0025).
         "DROP INDEX reports_agency_queue;"
         "DROP INDEX reports_agency_created;"
         "DROP INDEX reports_agency_updated;"
         "DROP INDEX reports_agency_followers;"
         // Canned responses (0026).
         "DROP INDEX canned_responses_by_title;"
         "DROP TABLE canned_responses;"
         // Saved queue views (0027).
         "DROP TABLE saved_views;"
         // An agency's all-status orders (0028).
         "DROP INDEX reports_agency_any_created;"
         "DROP INDEX reports_agency_any_updated;"
         "DROP INDEX reports_agency_any_followers;"
         // The search's agency terms and the word lists' digest (0032).
         "DROP TABLE search_index_version;"
         // The administration in the panel (0029).
         "DROP TABLE admin_events;"
         "DROP TABLE account_activations;"
         "ALTER TABLE users DROP COLUMN last_login_at;"
         "ALTER TABLE users DROP COLUMN must_change_password;"
         // Staff attachments and an agency's settings (0030).
         "DROP INDEX agency_setting_changes_agency;"
         "DROP TABLE agency_setting_changes;"
         "ALTER TABLE agencies DROP COLUMN officers_resolve;"
         "ALTER TABLE attachments DROP COLUMN event_id;"
         "ALTER TABLE attachments DROP COLUMN owner_id;"
         "ALTER TABLE uploads DROP COLUMN owner_id;"
         // The inbox's read markers (0031).
         "DROP INDEX inbox_reads_user_event;"
         "DROP TABLE inbox_reads;"
         "DROP TABLE inbox_cursors;"
         // aduan as an Open311 client (0033).
         "DROP TABLE open311_origins;"
         "DROP INDEX external_requests_open;"
         "DROP TABLE external_requests;"
         "DROP TABLE external_service_codes;"
         "DROP TABLE external_agencies;"
         "ALTER TABLE report_events DROP COLUMN state;"
         "DROP TABLE audit_head;"
         "ALTER TABLE reports ADD COLUMN audit_head TEXT NOT NULL DEFAULT '';"
         "ALTER TABLE tally_settings ADD COLUMN events_chained INTEGER NOT NULL DEFAULT 1;"
         "UPDATE report_events SET hash = 'unkeyed';"
         "UPDATE reports SET audit_head = 'unkeyed';"
         "PRAGMA user_version = 17;");
}

TEST_F(Audit, AStoreFromBeforeTheKeyIsLinkedOnceAndItsPinsStillWork) {
  const fs::path legacy = copy("legacy.db");
  make_legacy(legacy);
  const std::string unkeyed = digest_hex("pin:" + canonical(id) + ":" + pin);
  tamper(legacy,
         "UPDATE reports SET citizen_pin_hash = '" + unkeyed + "' WHERE id = " + report_sql(id));
  const fs::path key = server.dir() / "legacy.key";

  std::string first_links;
  {
    AduanProcess serving(ADUAN_BIN, legacy, server.dir() / "legacy.out",
                         {"--audit-key", key.string()});
    httplib::Client c = serving.client();
    // The PIN from before the key still opens the report, and a wrong one does not.
    auto res = c.Post(("/api/v1/reports/" + id + "/access").c_str(), json{{"pin", pin}}.dump(),
                      "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    res = c.Post(("/api/v1/reports/" + id + "/access").c_str(), json{{"pin", "12345678"}}.dump(),
                 "application/json");
    ASSERT_TRUE(res);
    EXPECT_NE(res->status, 200);
    serving.terminate();
  }
  // The queue's search index (0024) was filled at that start for the reports already there.
  EXPECT_EQ(text(legacy, "SELECT count(*) FROM report_search"),
            text(legacy, "SELECT count(*) FROM reports"));
  EXPECT_EQ(text(legacy,
                 "SELECT count(*) FROM report_search WHERE report_search MATCH "
                 "'\"lubang\"' AND rowid = " +
                     report_sql(id)),
            "1");
  // The key was created, private to its owner.
  struct stat st {};
  ASSERT_EQ(::stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const std::string stored =
      text(legacy, "SELECT citizen_pin_hash FROM reports WHERE id = " + report_sql(id));
  EXPECT_NE(stored, unkeyed);
  EXPECT_EQ(stored, Secrets::load(key.string()).pin_mac(unkeyed));
  first_links = text(legacy, "SELECT group_concat(hash, ',') FROM report_events");
  EXPECT_EQ(first_links.find("unkeyed"), std::string::npos);
  CliRun run = aduan(server.dir(),
                     {"audit", "verify", "--db", legacy.string(), "--audit-key", key.string()});
  EXPECT_EQ(run.code, 0) << run.out << run.err;

  // Once: a second start changes no link, and the PIN is not wrapped again.
  run = aduan(server.dir(), {"migrate", "--db", legacy.string(), "--audit-key", key.string()});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(text(legacy, "SELECT group_concat(hash, ',') FROM report_events"), first_links);
  EXPECT_EQ(text(legacy, "SELECT citizen_pin_hash FROM reports WHERE id = " + report_sql(id)),
            stored);
}

// The term indexes are built again, at the first start, by a binary whose word lists differ
// from the ones they were built with: an entry made by other word lists is gone, every report
// is in the search again with its agency's term, and the matcher's postings are back.
TEST_F(Audit, TermIndexesAreBuiltAgainWhenTheWordListsChanged) {
  const fs::path store = copy("words.db");
  const std::string reports = text(store, "SELECT count(*) FROM reports");
  const std::string postings = text(store, "SELECT count(*) FROM report_terms");
  ASSERT_NE(postings, "0");
  // The matcher's rarity: each term's count of reports, made once at the end of the rebuild
  // from the postings, whatever the counts held before.
  const std::string counts_sql =
      "SELECT group_concat(term || ':' || n, ',') FROM "
      "(SELECT term, n FROM term_counts WHERE n <> 0 ORDER BY term)";
  const std::string recount_sql =
      "SELECT group_concat(term || ':' || n, ',') FROM "
      "(SELECT term, count(*) AS n FROM report_terms GROUP BY term ORDER BY term)";
  tamper(store,
         "UPDATE term_counts SET n = n + 7 WHERE term = '';"
         "INSERT INTO term_counts (term, n) VALUES ('katalama', 3);"
         "UPDATE search_index_version SET matcher = 'other word lists';"
         "INSERT INTO report_search(rowid, terms) VALUES(" +
             report_sql(id) + " + 1000000, 'katalama');");
  {
    AduanProcess serving(ADUAN_BIN, store, server.dir() / "words.out",
                         {"--audit-key", server.key_path().string()});
    serving.terminate();
  }
  EXPECT_NE(text(store, "SELECT matcher FROM search_index_version"), "other word lists");
  EXPECT_EQ(text(store,
                 "SELECT count(*) FROM report_search WHERE report_search MATCH "
                 "'\"katalama\"'"),
            "0");
  EXPECT_EQ(text(store, "SELECT count(*) FROM report_search"), reports);
  EXPECT_EQ(text(store, "SELECT count(*) FROM report_terms"), postings);
  EXPECT_NE(text(store, recount_sql), "");
  EXPECT_EQ(text(store, counts_sql), text(store, recount_sql));
  EXPECT_EQ(text(store, "SELECT count(*) FROM term_counts WHERE term = 'katalama'"), "0");
  EXPECT_EQ(text(store, "SELECT terms_indexed FROM tally_settings"), "1");
  // The counters' triggers, off while the postings went in, are live again.
  EXPECT_EQ(text(store, "SELECT live FROM tally_settings"), "1");
  // The same binary again changes nothing.
  tamper(store, "INSERT INTO report_search(rowid, terms) VALUES(" + report_sql(id) +
                    " + 1000000, 'katalama');");
  {
    AduanProcess serving(ADUAN_BIN, store, server.dir() / "words2.out",
                         {"--audit-key", server.key_path().string()});
    serving.terminate();
  }
  EXPECT_EQ(text(store,
                 "SELECT count(*) FROM report_search WHERE report_search MATCH "
                 "'\"katalama\"'"),
            "1");
}

// A start that stopped after the search's index was made again and before the matcher's
// leaves the matcher's postings of the old word lists, marked as not indexed: the next start
// makes them again from nothing, and an old posting is not among them.
TEST_F(Audit, TheMatchersPostingsAreMadeAgainFromNothingAfterAnInterruptedStart) {
  const fs::path store = copy("half.db");
  const std::string postings = text(store, "SELECT count(*) FROM report_terms");
  ASSERT_NE(postings, "0");
  tamper(store,
         "UPDATE tally_settings SET terms_indexed = 0;"
         "INSERT INTO report_terms (term, report_id) VALUES ('katalama', " +
             report_sql(id) + ");");
  {
    AduanProcess serving(ADUAN_BIN, store, server.dir() / "half.out",
                         {"--audit-key", server.key_path().string()});
    serving.terminate();
  }
  EXPECT_EQ(text(store, "SELECT count(*) FROM report_terms WHERE term = 'katalama'"), "0");
  EXPECT_EQ(text(store, "SELECT count(*) FROM term_counts WHERE term = 'katalama' AND n <> 0"),
            "0");
  EXPECT_EQ(text(store, "SELECT count(*) FROM report_terms"), postings);
  EXPECT_EQ(text(store, "SELECT terms_indexed FROM tally_settings"), "1");
}

TEST_F(Audit, ALostKeyIsReplacedOnlyOnPurposeAndThePinsBeforeStopWorking) {
  const fs::path store = copy("lost.db");
  const fs::path key = server.dir() / "new.key";
  // Never over an existing key.
  CliRun run = aduan(server.dir(), {"audit", "new-key", "--db", store.string(), "--audit-key",
                                    server.key_path().string()});
  EXPECT_EQ(run.code, 2) << run.out << run.err;
  run = aduan(server.dir(),
              {"audit", "new-key", "--db", store.string(), "--audit-key", key.string()});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(fs::exists(key));
  run =
      aduan(server.dir(), {"audit", "verify", "--db", store.string(), "--audit-key", key.string()});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("linked again"), std::string::npos) << run.out;
  EXPECT_EQ(number(store, "SELECT count(*) FROM reports WHERE citizen_pin_hash != ''"), 0);
  // The old key no longer fits the store.
  EXPECT_EQ(verify(store).code, 1);
}

class AuditKey : public ::testing::Test {
 protected:
  AuditKey() { fs::create_directories(dir); }
  ~AuditKey() override { fs::remove_all(dir); }
  CliRun migrate(const fs::path& key) {
    return aduan(dir, {"migrate", "--db", (dir / "a.db").string(), "--audit-key", key.string()});
  }
  fs::path dir = fs::temp_directory_path() / ("aduan-key-" + random_hex(6));
};

TEST_F(AuditKey, CreatedBesideTheStoreByDefaultAndKept) {
  CliRun run = aduan(dir, {"migrate", "--db", (dir / "a.db").string()});
  ASSERT_EQ(run.code, 0) << run.err;
  const fs::path key = dir / "a.db.key";
  const std::string first = slurp(key);
  EXPECT_EQ(first.size(), 65u);  // 64 hexadecimal digits and a line end
  struct stat st {};
  ASSERT_EQ(::stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  run = aduan(dir, {"migrate", "--db", (dir / "a.db").string()});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(slurp(key), first);
  // No temporary file left beside it.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 5);  // a.db, its key, and the three files of the CLI's input and output
}

TEST_F(AuditKey, AMalformedUnreadableMissingOrForeignKeyIsRefused) {
  const fs::path key = dir / "k";
  std::ofstream(key) << "not a key\n";
  CliRun run = migrate(key);
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.err.find("malformed"), std::string::npos) << run.err;
  EXPECT_EQ(slurp(key), "not a key\n");  // never replaced

  fs::remove(key);
  ASSERT_EQ(migrate(key).code, 0);  // created with the store's first start
  if (::geteuid() != 0) {           // root reads any file
    fs::permissions(key, fs::perms::none);
    run = migrate(key);
    EXPECT_NE(run.code, 0);
    EXPECT_NE(run.err.find("cannot read the audit key"), std::string::npos) << run.err;
    fs::permissions(key, fs::perms::owner_read | fs::perms::owner_write);
  }
  // The store was linked with this key: without it, it does not start, and no new key is made.
  const std::string kept = slurp(key);
  fs::rename(key, dir / "kept");
  run = migrate(key);
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.err.find("restore that key from its backup"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(key));
  // Nor with another key.
  std::ofstream(key) << std::string(64, 'b') << "\n";
  run = migrate(key);
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.err.find("is not the key"), std::string::npos) << run.err;
  fs::rename(dir / "kept", key);
  EXPECT_EQ(migrate(key).code, 0);
}

}  // namespace
}  // namespace aduan::testing

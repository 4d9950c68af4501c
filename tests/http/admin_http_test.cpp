// The system admin's administration: staff accounts created with an activation link or a
// temporary password, the link used once and only before it expires, the temporary
// password changed before anything else, disabled accounts out at once, the last admin
// kept, agencies without cycles, a category's routing used by the forward form, and every
// change in an append-only log.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;
using Fields = std::vector<std::pair<std::string, std::string>>;

class AdminHttp : public ::testing::Test {
 protected:
  std::pair<int, json> call(const StaffSession& who, const std::string& method,
                            const std::string& path, const json& body = json::object()) {
    httplib::Client c = server.client();
    const httplib::Headers h = who.headers();
    const char* p = path.c_str();
    httplib::Result res = method == "GET"    ? c.Get(p, h)
                          : method == "POST" ? c.Post(p, h, body.dump(), "application/json")
                                             : c.Put(p, h, body.dump(), "application/json");
    if (!res) return {0, nullptr};
    return {res->status, res->body.empty() ? json() : json::parse(res->body)};
  }
  // Logs in with any password: the status, the body and the session it opened.
  std::tuple<int, json, StaffSession> login(const std::string& user, const std::string& password) {
    httplib::Client c = server.client();
    auto res = c.Post("/api/v1/session", json{{"username", user}, {"password", password}}.dump(),
                      "application/json");
    StaffSession s;
    if (!res) return {0, nullptr, s};
    const json body = json::parse(res->body);
    if (res->status == 200) {
      const std::string set_cookie = res->get_header_value("Set-Cookie");
      s.cookie = set_cookie.substr(0, set_cookie.find(';'));
      s.csrf = body["csrf_token"];
    }
    return {res->status, body, s};
  }
  int activate(const std::string& token, const std::string& password, json* body = nullptr) {
    httplib::Client c = server.client();
    auto res = c.Post("/api/v1/session/activation",
                      json{{"token", token}, {"password", password}}.dump(), "application/json");
    if (body) *body = json::parse(res->body);
    return res->status;
  }
  static Fields fields(const json& body) {
    Fields out;
    for (const json& e : body["errors"]) out.emplace_back(e["field"], e["code"]);
    return out;
  }
  json account(const std::string& username) {
    for (const json& a : call(admin, "GET", "/api/v1/admin/accounts").second) {
      if (a["username"] == username) return a;
    }
    return nullptr;
  }
  json create(const json& body, int expected = 201) {
    auto [status, out] = call(admin, "POST", "/api/v1/admin/accounts", body);
    EXPECT_EQ(status, expected) << out;
    return out;
  }

  TestServer server;
  StaffSession admin = server.login("sysadmin");
};

const json kOfficer = {{"username", "budi.pupr"},
                       {"display_name", "Budi Santoso"},
                       {"role", "agency_officer"},
                       {"agency", "DPUPR"},
                       {"email", "budi@example.go.id"}};

TEST_F(AdminHttp, AnActivationLinkIsUsedOnceBeforeItExpires) {
  const json out = create(kOfficer);
  EXPECT_EQ(out["account"]["role"], "agency_officer");
  EXPECT_EQ(out["account"]["agency"]["code"], "DPUPR");
  EXPECT_EQ(out["account"]["activation_pending"], true);
  EXPECT_FALSE(out.contains("temporary_password"));
  const std::string token = out["activation"]["token"];
  EXPECT_EQ(out["activation"]["path"], "/staff/activate.html?token=" + token);
  // Only the digest is kept.
  const auto db = server.open_db();
  EXPECT_EQ(query_int64(
                *db, "SELECT count(*) FROM account_activations WHERE token_hash = '" + token + "'"),
            0);
  // Not before the password is chosen.
  EXPECT_EQ(std::get<0>(login("budi.pupr", "!activation")), 401);
  json body;
  EXPECT_EQ(activate(token, "short", &body), 422);
  EXPECT_EQ(fields(body), (Fields{{"password", "too_short"}}));
  EXPECT_EQ(activate(token, "jembatan-rusak-2026"), 200);  // the refused try left it unused
  EXPECT_EQ(activate(token, "another-password-1"), 410);   // once
  auto [status, who, session] = login("budi.pupr", "jembatan-rusak-2026");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(who["password_change_required"], false);
  EXPECT_EQ(call(session, "GET", "/api/v1/staff/reports").first, 200);
  EXPECT_NE(account("budi.pupr")["last_login_at"], "");
  EXPECT_EQ(account("budi.pupr")["activation_pending"], false);

  // A reset's link expires after 72 hours.
  auto [reset_status, reset] =
      call(admin, "POST",
           "/api/v1/admin/accounts/" + std::to_string(int64_t(out["account"]["id"])) + "/reset",
           json{{"credential", "activation_link"}});
  ASSERT_EQ(reset_status, 200) << reset;
  EXPECT_EQ(call(session, "GET", "/api/v1/staff/reports").first, 401);  // sessions ended
  EXPECT_EQ(std::get<0>(login("budi.pupr", "jembatan-rusak-2026")), 401);
  server.clock().advance(72 * 3600);
  EXPECT_EQ(activate(reset["activation"]["token"], "jembatan-rusak-2027"), 410);
  EXPECT_EQ(activate(std::string(64, 'a'), "jembatan-rusak-2027"), 410);
}

TEST_F(AdminHttp, ATemporaryPasswordMustBeChangedBeforeAnythingElse) {
  json body = kOfficer;
  body["credential"] = "temporary_password";
  const json out = create(body);
  EXPECT_FALSE(out.contains("activation"));
  const std::string temporary = out["temporary_password"];
  EXPECT_EQ(temporary.size(), 14u);
  auto [status, who, session] = login("budi.pupr", temporary);
  ASSERT_EQ(status, 200);
  EXPECT_EQ(who["password_change_required"], true);
  // Nothing but the session itself and the change.
  EXPECT_EQ(call(session, "GET", "/api/v1/session").first, 200);
  auto [refused, error] = call(session, "GET", "/api/v1/staff/reports");
  EXPECT_EQ(refused, 403);
  EXPECT_EQ(error["error"]["code"], "password_change_required");
  // The current password proves it; the new one follows the rules.
  auto [wrong, wrong_body] =
      call(session, "POST", "/api/v1/session/password",
           json{{"current_password", "nope"}, {"password", "pupr-baru-2026"}});
  EXPECT_EQ(wrong, 403);
  EXPECT_EQ(wrong_body["error"]["code"], "wrong_password");
  auto [weak, weak_body] = call(session, "POST", "/api/v1/session/password",
                                json{{"current_password", temporary}, {"password", "budi.pupr"}});
  EXPECT_EQ(weak, 422);
  EXPECT_EQ(fields(weak_body), (Fields{{"password", "too_short"}}));
  EXPECT_EQ(call(session, "POST", "/api/v1/session/password",
                 json{{"current_password", temporary}, {"password", "pupr-baru-2026"}})
                .first,
            204);
  EXPECT_EQ(call(session, "GET", "/api/v1/staff/reports").first, 200);
  EXPECT_EQ(std::get<0>(login("budi.pupr", temporary)), 401);
  EXPECT_EQ(std::get<1>(login("budi.pupr", "pupr-baru-2026"))["password_change_required"], false);
}

TEST_F(AdminHttp, RolesAndAgenciesAreCheckedFieldByField) {
  json out = create(json{{"username", "x"}, {"display_name", ""}, {"role", "citizen"}}, 422);
  EXPECT_EQ(
      fields(out),
      (Fields{{"username", "too_short"}, {"display_name", "required"}, {"role", "unknown_role"}}));
  out = create(json{{"username", "ani"}, {"display_name", "Ani"}, {"role", "agency_admin"}}, 422);
  EXPECT_EQ(fields(out), (Fields{{"agency", "required"}}));
  out = create(json{{"username", "ani"},
                    {"display_name", "Ani"},
                    {"role", "coordinator"},
                    {"agency", "DPUPR"}},
               422);
  EXPECT_EQ(fields(out), (Fields{{"agency", "not_allowed"}}));
  out = create(json{{"username", "ani"},
                    {"display_name", "Ani"},
                    {"role", "agency_admin"},
                    {"agency", "NOPE"},
                    {"email", "not-mail"}},
               422);
  EXPECT_EQ(fields(out), (Fields{{"agency", "unknown_agency"}, {"email", "invalid_email"}}));
  out = create(json{{"username", "Koordinator"}, {"display_name", "Ani"}, {"role", "supervisor"}},
               422);
  EXPECT_EQ(fields(out), (Fields{{"username", "duplicate"}}));
  out = create(json{{"username", 5}, {"display_name", "Ani"}, {"role", "supervisor"}}, 422);
  EXPECT_EQ(fields(out), (Fields{{"username", "wrong_type"}}));
  out = create(json{{"username", "ani"},
                    {"display_name", "Ani"},
                    {"role", "supervisor"},
                    {"credential", "carrier pigeon"}},
               422);
  EXPECT_EQ(fields(out), (Fields{{"credential", "invalid_format"}}));
  // Nothing was written by the refusals.
  EXPECT_EQ(account("ani"), nullptr);
  EXPECT_EQ(server.count_rows("admin_events"), 0);
}

TEST_F(AdminHttp, ADisabledAccountIsOutAtOnceAndTheLastAdminStays) {
  const StaffSession officer = server.login("petugas.dpupr");
  ASSERT_EQ(call(officer, "GET", "/api/v1/staff/reports").first, 200);
  const std::string id = std::to_string(int64_t(account("petugas.dpupr")["id"]));
  auto [status, body] = call(admin, "POST", "/api/v1/admin/accounts/" + id + "/disable");
  EXPECT_EQ(status, 200) << body;
  EXPECT_EQ(body["disabled"], true);
  EXPECT_EQ(call(officer, "GET", "/api/v1/staff/reports").first, 401);
  EXPECT_EQ(std::get<0>(login("petugas.dpupr", server.password("petugas.dpupr"))), 401);
  // It stays, with its history.
  EXPECT_NE(account("petugas.dpupr"), nullptr);
  EXPECT_EQ(call(admin, "POST", "/api/v1/admin/accounts/" + id + "/enable").first, 200);
  EXPECT_EQ(std::get<0>(login("petugas.dpupr", server.password("petugas.dpupr"))), 200);

  const std::string self = std::to_string(int64_t(account("sysadmin")["id"]));
  auto [own, own_body] = call(admin, "POST", "/api/v1/admin/accounts/" + self + "/disable");
  EXPECT_EQ(own, 409);
  EXPECT_EQ(own_body["error"]["code"], "cannot_disable_self");
  // A second admin may not disable the first while it is the last one active.
  json second = create(json{{"username", "admin2"},
                            {"display_name", "Admin Dua"},
                            {"role", "system_admin"},
                            {"credential", "temporary_password"}});
  auto [st, who, s2] = login("admin2", second["temporary_password"]);
  ASSERT_EQ(st, 200);
  ASSERT_EQ(
      call(s2, "POST", "/api/v1/session/password",
           json{{"current_password", second["temporary_password"]}, {"password", "admin-dua-2026"}})
          .first,
      204);
  EXPECT_EQ(call(s2, "POST", "/api/v1/admin/accounts/" + self + "/disable").first, 200);
  const std::string second_id = std::to_string(int64_t(second["account"]["id"]));
  // Now admin2 is the last active one: the first is logged out, and admin2 cannot disable
  // itself (the core's guard also refuses the last admin: shared/accounts.h).
  auto [last, last_body] = call(s2, "POST", "/api/v1/admin/accounts/" + second_id + "/disable");
  EXPECT_EQ(last, 409);
  EXPECT_EQ(last_body["error"]["code"], "cannot_disable_self");
  EXPECT_EQ(call(admin, "GET", "/api/v1/admin/accounts").first, 401);
  EXPECT_EQ(call(s2, "POST", "/api/v1/admin/accounts/999999/disable").first, 404);
}

TEST_F(AdminHttp, AgenciesFormATreeWithoutCycles) {
  EXPECT_EQ(call(admin, "POST", "/api/v1/admin/agencies",
                 json{{"code", "uptd-jalan"}, {"name", "UPTD Jalan"}, {"parent", "DPUPR"}})
                .first,
            201);
  auto [dup, dup_body] =
      call(admin, "POST", "/api/v1/admin/agencies", json{{"code", "UPTD-JALAN"}, {"name", "X"}});
  EXPECT_EQ(dup, 422);
  EXPECT_EQ(fields(dup_body), (Fields{{"name", "too_short"}, {"code", "duplicate"}}));
  // DPUPR under its own unit: refused.
  auto [cycle, cycle_body] =
      call(admin, "PUT", "/api/v1/admin/agencies/DPUPR", json{{"parent", "UPTD-JALAN"}});
  EXPECT_EQ(cycle, 422);
  EXPECT_EQ(fields(cycle_body), (Fields{{"parent", "cycle"}}));
  auto [self, self_body] =
      call(admin, "PUT", "/api/v1/admin/agencies/DPUPR", json{{"parent", "DPUPR"}});
  EXPECT_EQ(fields(self_body), (Fields{{"parent", "cycle"}}));
  EXPECT_EQ(call(admin, "PUT", "/api/v1/admin/agencies/NOPE", json{{"name", "Nope"}}).first, 404);
  // Renamed: the public catalogue shows the new name at once (the catalogue version moved).
  EXPECT_EQ(call(admin, "PUT", "/api/v1/admin/agencies/UPTD-JALAN",
                 json{{"name", "UPTD Jalan dan Jembatan"}})
                .first,
            200);
  httplib::Client c = server.client();
  const json agencies = json::parse(c.Get("/api/v1/agencies")->body);
  bool renamed = false;
  for (const json& a : agencies)
    renamed |= a["code"] == "UPTD-JALAN" && a["name"] == "UPTD Jalan dan Jembatan";
  EXPECT_TRUE(renamed) << agencies;
  // The unit's reports are the parent's admin's too (agency_subtree).
  const json listed = call(admin, "GET", "/api/v1/admin/agencies").second;
  bool under = false;
  for (const json& a : listed) under |= a["code"] == "UPTD-JALAN" && a["parent"] == "DPUPR";
  EXPECT_TRUE(under);
}

TEST_F(AdminHttp, ACategoryRoutesTheForwardSuggestion) {
  auto [status, body] =
      call(admin, "PUT", "/api/v1/admin/categories/sampah", json{{"agency", "DPUPR"}});
  EXPECT_EQ(status, 200) << body;
  // The forward form takes the category's agency from the catalogue.
  httplib::Client c = server.client();
  bool routed = false;
  for (const json& cat : json::parse(c.Get("/api/v1/categories")->body)) {
    routed |= cat["code"] == "sampah" && cat["agency"] == "DPUPR";
  }
  EXPECT_TRUE(routed);
  EXPECT_EQ(call(admin, "POST", "/api/v1/admin/categories",
                 json{{"code", "Drainase"}, {"name", "Drainase dan Saluran"}, {"agency", "DPUPR"}})
                .first,
            201);
  auto [bad, bad_body] = call(admin, "POST", "/api/v1/admin/categories",
                              json{{"code", "drainase"}, {"name", "Drainase"}, {"agency", "NOPE"}});
  EXPECT_EQ(bad, 422);
  EXPECT_EQ(fields(bad_body), (Fields{{"agency", "unknown_agency"}, {"code", "duplicate"}}));
  // A new report in it can be filed.
  server.submit(json{{"category", "drainase"}});
}

TEST_F(AdminHttp, EveryChangeIsLoggedAndTheLogCannotBeRewritten) {
  json body = kOfficer;
  body["credential"] = "temporary_password";
  const json out = create(body);
  const std::string id = std::to_string(int64_t(out["account"]["id"]));
  call(admin, "POST", "/api/v1/admin/accounts/" + id + "/disable");
  call(admin, "PUT", "/api/v1/admin/agencies/PDAM", json{{"name", "Perumda Air Minum"}});
  auto [status, events] = call(admin, "GET", "/api/v1/admin/admin-events");
  ASSERT_EQ(status, 200);
  ASSERT_EQ(events.size(), 3u) << events;
  EXPECT_EQ(events[0]["action"], "agency_renamed");
  EXPECT_EQ(events[0]["before"]["name"], "Perumda Air Minum Intan Banjar");
  EXPECT_EQ(events[0]["after"]["name"], "Perumda Air Minum");
  EXPECT_EQ(events[1]["action"], "account_disabled");
  EXPECT_EQ(events[2]["action"], "account_created");
  EXPECT_EQ(events[2]["actor"], "sysadmin");
  EXPECT_EQ(events[2]["target"], "budi.pupr");
  EXPECT_EQ(events[2]["after"]["agency"], "DPUPR");
  // Never a password.
  EXPECT_EQ(events.dump().find(std::string(out["temporary_password"])), std::string::npos);
  auto [one, of_account] =
      call(admin, "GET", "/api/v1/admin/admin-events?kind=account&target=budi.pupr");
  EXPECT_EQ(of_account.size(), 2u);
  EXPECT_EQ(call(admin, "GET", "/api/v1/admin/admin-events?kind=report").first, 400);

  const auto db = server.open_db();
  EXPECT_THROW(db->exec("UPDATE admin_events SET actor = 'someone'"), std::exception);
  EXPECT_THROW(db->exec("DELETE FROM admin_events"), std::exception);
  EXPECT_EQ(server.count_rows("admin_events"), 3);
}

TEST_F(AdminHttp, AnAccountsNameRoleAndAgencyChangeOnlyWhenNothingIsLeftHanging) {
  // The demo's officer of the roads agency, logged in, with a report assigned.
  const StaffSession officer = server.login("petugas.dpupr");
  const StaffSession coordinator = server.login("koordinator");
  const StaffSession dpupr = server.login("admin.dpupr");
  const std::string id = server.submit().first;
  auto version = [&](const StaffSession& who) {
    return call(who, "GET", "/api/v1/staff/reports/" + id).second["version"];
  };
  ASSERT_EQ(call(coordinator, "POST", "/api/v1/staff/reports/" + id + "/actions",
                 {{"action", "forward"}, {"agency", "DPUPR"}, {"version", version(coordinator)}})
                .first,
            200);
  ASSERT_EQ(call(dpupr, "POST", "/api/v1/staff/reports/" + id + "/actions",
                 {{"action", "assign"}, {"officer", "petugas.dpupr"}, {"version", version(dpupr)}})
                .first,
            200);
  const json before = account("petugas.dpupr");
  const std::string path = "/api/v1/admin/accounts/" + std::to_string(before["id"].get<int64_t>());

  // A name and an e-mail: the sessions go on.
  auto [renamed, after] = call(
      admin, "PUT", path, {{"display_name", "Agus Pratama, S.T."}, {"email", "agus@pu.go.id"}});
  ASSERT_EQ(renamed, 200) << after;
  EXPECT_EQ(after["display_name"], "Agus Pratama, S.T.");
  EXPECT_EQ(after["email"], "agus@pu.go.id");
  EXPECT_EQ(after["role"], "agency_officer");
  EXPECT_EQ(call(officer, "GET", "/api/v1/staff/reports").first, 200);

  // Another agency while a report is still assigned: refused, nothing written.
  auto [moved, refused] = call(admin, "PUT", path, {{"agency", "PDAM"}});
  EXPECT_EQ(moved, 409);
  EXPECT_EQ(refused["error"]["code"], "account_has_open_reports");
  EXPECT_EQ(account("petugas.dpupr")["agency"]["code"], "DPUPR");

  // Bad values: every field's code, nothing written.
  auto [bad, problems] = call(admin, "PUT", path, {{"role", "kepala"}, {"display_name", ""}});
  EXPECT_EQ(bad, 422);
  EXPECT_EQ(fields(problems), (Fields{{"display_name", "required"}, {"role", "unknown_role"}}));

  // Reassigned to the admin, the move goes through and the officer's session ends.
  ASSERT_EQ(call(dpupr, "POST", "/api/v1/staff/reports/" + id + "/actions",
                 {{"action", "assign"}, {"officer", "admin.dpupr"}, {"version", version(dpupr)}})
                .first,
            200);
  auto [moved_now, there] = call(admin, "PUT", path, {{"agency", "PDAM"}});
  ASSERT_EQ(moved_now, 200) << there;
  EXPECT_EQ(there["agency"]["code"], "PDAM");
  EXPECT_EQ(call(officer, "GET", "/api/v1/staff/reports").first, 401);

  // An agency role cannot lose its agency; a coordinator cannot have one.
  auto [no_agency, why] = call(admin, "PUT", path, {{"agency", ""}});
  EXPECT_EQ(no_agency, 422);
  EXPECT_EQ(fields(why), (Fields{{"agency", "required"}}));
  auto [promoted, coordinator_now] =
      call(admin, "PUT", path, {{"role", "coordinator"}, {"agency", ""}});
  ASSERT_EQ(promoted, 200) << coordinator_now;
  EXPECT_TRUE(coordinator_now["agency"].is_null());

  // The last system admin keeps the role, and no admin takes their own away.
  const std::string self =
      "/api/v1/admin/accounts/" + std::to_string(account("sysadmin")["id"].get<int64_t>());
  auto [demoted, kept] = call(admin, "PUT", self, {{"role", "supervisor"}});
  EXPECT_EQ(demoted, 409);
  EXPECT_EQ(account("sysadmin")["role"], "system_admin");

  // Each change is one line of the log, with the values before and after.
  auto [listed, log] = call(admin, "GET", "/api/v1/admin/admin-events?kind=account");
  ASSERT_EQ(listed, 200);
  int changes = 0;
  for (const json& e : log.is_array() ? log : log["events"]) {
    if (e["action"] != "account_changed" || e["target"] != "petugas.dpupr") continue;
    ++changes;
    if (e["after"]["agency"] == "PDAM") {
      EXPECT_EQ(e["before"]["agency"], "DPUPR");
    }
  }
  EXPECT_EQ(changes, 3);
}

}  // namespace
}  // namespace aduan::testing

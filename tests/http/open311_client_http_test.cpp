// aduan as an Open311 client, end to end with two real servers: this one (a TestServer) has
// its roads agency DPUPR marked as working in another system, and that system is a second
// aduan process with its own store, reached over HTTP on loopback with an Open311 key made
// there. A report forwarded here is posted there through the outbox, handled there by its
// own staff, and its answer and resolution come back into this report's timeline, where the
// reporter reads them; then the other system goes down for a while and comes back.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/test_paths.h"
#include "support/test_peers.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

// A second aduan: `aduan demo` fills its store (accounts printed with their passwords), and
// `aduan serve` runs it, with no background poller or deadline job of its own.
class RemoteAduan {
 public:
  explicit RemoteAduan(const std::filesystem::path& dir) : dir_(dir) {
    const std::string demo = std::string(ADUAN_BIN) + " demo --db " + db().string() + " > " +
                             (dir_ / "remote-demo.out").string();
    EXPECT_EQ(std::system(demo.c_str()), 0);
    std::ifstream out(dir_ / "remote-demo.out");
    // "account: <username> password: <password>"
    for (std::string word, name; out >> word;) {
      if (word == "account:") out >> name;
      if (word == "password:") out >> passwords_[name];
    }
    start(0);
  }

  void start(int port) {
    process_ = std::make_unique<AduanProcess>(
        ADUAN_BIN, db(), dir_ / "remote.out",
        std::vector<std::string>{"--open311-poll", "0", "--job-interval", "0"}, port);
  }
  void stop() {
    process_->terminate();
    process_.reset();
  }
  int port() const { return port_ ? port_ : process_->port(); }
  std::filesystem::path db() const { return dir_ / "remote.db"; }

  // A staff session there: cookie and CSRF token.
  StaffSession login(const std::string& username) {
    httplib::Client c = process_->client();
    const auto res = c.Post("/api/v1/session",
                            json{{"username", username}, {"password", passwords_[username]}}.dump(),
                            "application/json");
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
    StaffSession s;
    for (const auto& [name, value] : res->headers) {
      if (name == "Set-Cookie" && value.rfind("aduan_session=", 0) == 0) {
        s.cookie = value.substr(0, value.find(';'));
      }
    }
    s.csrf = json::parse(res->body)["csrf_token"];
    return s;
  }

  json get(const std::string& path, const httplib::Headers& headers = {}) {
    const auto res = process_->client().Get(path.c_str(), headers);
    EXPECT_TRUE(res);
    last_status = res ? res->status : 0;
    return res ? json::parse(res->body, nullptr, false) : json();
  }
  int post(const std::string& path, const json& body, const StaffSession& s) {
    const auto res =
        process_->client().Post(path.c_str(), s.headers(), body.dump(), "application/json");
    EXPECT_TRUE(res);
    last_body = res ? res->body : "";
    return res ? res->status : 0;
  }
  // A staff action there, on the version it has now.
  int act(const StaffSession& s, const std::string& id, json body) {
    body["version"] = get("/api/v1/staff/reports/" + id, s.headers())["version"];
    return post("/api/v1/staff/reports/" + id + "/actions", body, s);
  }

  int last_status = 0;
  std::string last_body;

 private:
  std::filesystem::path dir_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<AduanProcess> process_;
  int port_ = 0;
};

class Open311Client : public ::testing::Test {
 protected:
  void SetUp() override {
    remote = std::make_unique<RemoteAduan>(server.dir());
    remote_port = remote->port();
    // The other system's administrator gives this one an Open311 key.
    const StaffSession their_admin = remote->login("sysadmin");
    ASSERT_EQ(remote->post("/api/v1/admin/api-keys",
                           json{{"name", "aduan kabupaten"}, {"scopes", {"open311"}}}, their_admin),
              201);
    remote_key = json::parse(remote->last_body)["key"];
  }

  json put_external(const json& body) {
    auto res = server.client().Put("/api/v1/admin/agencies/DPUPR/external", sysadmin.headers(),
                                   body.dump(), "application/json");
    EXPECT_TRUE(res);
    last_status = res->status;
    return json::parse(res->body, nullptr, false);
  }
  json external_agencies() {
    auto res = server.client().Get("/api/v1/admin/external-agencies", sysadmin.headers());
    EXPECT_EQ(res->status, 200);
    return json::parse(res->body);
  }
  void mark_external() {
    const json view = put_external(
        {{"endpoint", "http://127.0.0.1:" + std::to_string(remote_port) + "/open311/v2/"},
         {"api_key", remote_key},
         {"service_codes", {{"jalan-jembatan", "jalan-jembatan"}}},
         {"share_identity", true},
         {"keeps_private", true}});
    ASSERT_EQ(last_status, 200) << view;
  }
  int staff_act(const StaffSession& s, const std::string& id, json body) {
    httplib::Client c = server.client();
    const auto report = c.Get(("/api/v1/staff/reports/" + id).c_str(), s.headers());
    body["version"] = json::parse(report->body)["version"];
    const auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), s.headers(),
                            body.dump(), "application/json");
    return res ? res->status : 0;
  }
  json citizen_view(const std::string& id, const std::string& pin) {
    const auto res = server.client().Post(("/api/v1/reports/" + id + "/access").c_str(),
                                          json{{"pin", pin}}.dump(), "application/json");
    EXPECT_EQ(res->status, 200);
    return json::parse(res->body);
  }
  // The remote's store (always a SQLite file), and this server's (on its engine).
  std::string sql(const std::filesystem::path& db, const std::string& query) {
    SqliteDb d(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(d, query);
    return q.executeStep() ? q.getColumn(0).getString() : "";
  }
  std::string local(const std::string& query) { return query_string(*server.open_db(), query); }
  std::string remote_id_of(const std::string& id) {
    return local(
        "SELECT service_request_id FROM external_requests JOIN reports ON reports.id = "
        "report_id WHERE tracking_id = '" +
        parse_tracking_id(id).canonical + "'");
  }

  TestServer server;
  StaffSession sysadmin = server.login("sysadmin");
  StaffSession coordinator = server.login("koordinator");
  std::unique_ptr<RemoteAduan> remote;
  int remote_port = 0;
  std::string remote_key;
  int last_status = 0;
};

TEST_F(Open311Client, AReportForwardedToAnExternalAgencyIsHandledThereAndItsAnswerComesBack) {
  mark_external();
  // The key is kept sealed: a copy of the store does not give it away.
  const std::string sealed = local("SELECT sealed_key FROM external_agencies");
  EXPECT_FALSE(sealed.empty());
  EXPECT_EQ(sealed.find(remote_key), std::string::npos);
  const json listed = external_agencies();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["endpoint"],
            "http://127.0.0.1:" + std::to_string(remote_port) + "/open311/v2");
  EXPECT_EQ(listed[0]["api_key_set"], true);
  EXPECT_EQ(listed[0].dump().find(remote_key), std::string::npos);

  // A confidential report (the default of the citizen's form here is public; this one is not).
  auto [id, pin] = server.submit({{"confidential", true}});
  ASSERT_EQ(staff_act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}), 200);
  // Acknowledged at once: the post waits in the outbox.
  EXPECT_EQ(local("SELECT count(*) FROM notifications WHERE channel = 'open311' "
                  "AND status = 'pending'"),
            "1");
  const SendRound sent = server.app().sender().run_once();
  EXPECT_EQ(sent.sent, 1);
  const std::string remote_id = remote_id_of(id);
  ASSERT_FALSE(remote_id.empty());
  // The staff see where it is: its number there.
  json staff_view = json::parse(
      server.client().Get(("/api/v1/staff/reports/" + id).c_str(), coordinator.headers())->body);
  EXPECT_EQ(staff_view["external"]["service_request_id"], remote_id);
  EXPECT_EQ(staff_view["external"]["followed"], true);

  // There: an Open311 report, private (not on the public feed), without the reporter's contact
  // (confidential here), with this system's tracking ID in its text.
  remote->get("/open311/v2/requests/" + remote_id + ".json");
  EXPECT_EQ(remote->last_status, 404);
  json seen = remote->get("/open311/v2/requests/" + remote_id + ".json?api_key=" + remote_key);
  ASSERT_EQ(remote->last_status, 200) << seen;
  EXPECT_EQ(seen[0]["status"], "open");
  EXPECT_NE(seen[0]["description"].get<std::string>().find(id), std::string::npos);
  const StaffSession their_coordinator = remote->login("koordinator");
  const StaffSession their_dpupr = remote->login("admin.dpupr");
  const json there = remote->get("/api/v1/staff/reports/" + remote_id, their_coordinator.headers());
  EXPECT_EQ(there["channel"], "open311");
  EXPECT_EQ(there.dump().find("siti@contoh.id"), std::string::npos);
  EXPECT_EQ(there.dump().find("3456"), std::string::npos);
  EXPECT_EQ(there["confidential"], true);

  // Nothing new there yet: a poll writes nothing.
  EXPECT_EQ(server.app().poller().run_once().actions, 0);

  // Their coordinator forwards it to their roads agency, which answers.
  ASSERT_EQ(remote->act(their_coordinator, remote_id, {{"action", "forward"}, {"agency", "DPUPR"}}),
            200)
      << remote->last_body;
  ASSERT_EQ(remote->act(their_dpupr, remote_id,
                        {{"action", "respond"}, {"note", "Tim kami memeriksa lokasi besok pagi."}}),
            200)
      << remote->last_body;
  PollRound round = server.app().poller().run_once();
  EXPECT_EQ(round.requests, 1);
  EXPECT_EQ(round.actions, 1);
  EXPECT_EQ(round.failed, 0);
  json mine = citizen_view(id, pin);
  EXPECT_EQ(mine["status"], "in_progress");
  EXPECT_NE(mine.dump().find("Tim kami memeriksa lokasi besok pagi."), std::string::npos);
  // Polled again with nothing new: nothing written twice.
  EXPECT_EQ(server.app().poller().run_once().actions, 0);

  // They resolve it: closed in Open311, resolved here with their note, the reporter told.
  ASSERT_EQ(remote->act(their_dpupr, remote_id,
                        {{"action", "resolve"},
                         {"note", "Lubang sudah ditambal dengan aspal pada hari Selasa."}}),
            200)
      << remote->last_body;
  round = server.app().poller().run_once();
  EXPECT_EQ(round.actions, 1);
  mine = citizen_view(id, pin);
  EXPECT_EQ(mine["status"], "resolved");
  EXPECT_NE(mine.dump().find("Lubang sudah ditambal dengan aspal pada hari Selasa."),
            std::string::npos);
  // The reporter may still confirm or reopen here: the workflow is this system's.
  EXPECT_EQ(local("SELECT open FROM external_requests"), "0");
  staff_view = json::parse(
      server.client().Get(("/api/v1/staff/reports/" + id).c_str(), coordinator.headers())->body);
  EXPECT_EQ(staff_view["external"]["remote_status"], "closed");
  EXPECT_EQ(staff_view["external"]["followed"], false);
  EXPECT_EQ(external_agencies()[0]["open_requests"], 0);
  EXPECT_EQ(external_agencies()[0]["poll_error"], "");
}

TEST_F(Open311Client, ClosedThereWithoutAWordGoesBackToTheCoordinatorAndAReopeningIsPostedAgain) {
  mark_external();
  // Archived there as not their remit: closed, no note. Not a resolution for the reporter,
  // but the report back on this coordinator's desk.
  auto [archived, archived_pin] = server.submit();
  ASSERT_EQ(staff_act(coordinator, archived, {{"action", "forward"}, {"agency", "DPUPR"}}), 200);
  // Resolved there, then reopened here by the reporter: posted there again, as a new request.
  auto [reopened, reopened_pin] = server.submit();
  ASSERT_EQ(staff_act(coordinator, reopened, {{"action", "forward"}, {"agency", "DPUPR"}}), 200);
  ASSERT_EQ(server.app().sender().run_once().sent, 2);
  const StaffSession their_coordinator = remote->login("koordinator");
  const StaffSession their_dpupr = remote->login("admin.dpupr");
  ASSERT_EQ(remote->act(their_coordinator, remote_id_of(archived),
                        {{"action", "archive"}, {"archive_reason", "not_public_service"}}),
            200)
      << remote->last_body;
  const std::string first_post = remote_id_of(reopened);
  ASSERT_EQ(
      remote->act(their_coordinator, first_post, {{"action", "forward"}, {"agency", "DPUPR"}}),
      200);
  ASSERT_EQ(remote->act(their_dpupr, first_post,
                        {{"action", "respond"}, {"note", "Kami periksa lokasinya minggu ini."}}),
            200);
  ASSERT_EQ(
      remote->act(their_dpupr, first_post,
                  {{"action", "resolve"}, {"note", "Lubang sudah ditutup dengan beton cor."}}),
      200);
  const PollRound round = server.app().poller().run_once();
  EXPECT_EQ(round.failed, 0);
  json staff_view =
      json::parse(server.client()
                      .Get(("/api/v1/staff/reports/" + archived).c_str(), coordinator.headers())
                      ->body);
  EXPECT_EQ(staff_view["status"], "submitted");
  EXPECT_EQ(staff_view["returned"], true);
  EXPECT_EQ(staff_view.count("external"), 0u);  // no longer with that agency
  EXPECT_EQ(citizen_view(reopened, reopened_pin)["status"], "resolved");

  auto res =
      server.client().Post(("/api/v1/reports/" + reopened + "/actions").c_str(),
                           json{{"pin", reopened_pin},
                                {"action", "reopen"},
                                {"note", "Lubangnya muncul lagi setelah hujan deras semalam."}}
                               .dump(),
                           "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(server.app().sender().run_once().sent, 1);
  const std::string second_post = remote_id_of(reopened);
  ASSERT_FALSE(second_post.empty());
  EXPECT_NE(second_post, first_post);
  EXPECT_EQ(sql(remote->db(), "SELECT count(*) FROM reports WHERE channel = 'open311'"), "3");
}

TEST_F(Open311Client, TheRemoteBeingDownDelaysThePostAndThePollsAndNothingIsLost) {
  mark_external();
  auto [id, pin] = server.submit();
  remote->stop();
  ASSERT_EQ(staff_act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}), 200);
  SendRound sent = server.app().sender().run_once();
  EXPECT_EQ(sent.retried, 1);
  // The operator sees why on the notifications page (pending, with its last error).
  auto res = server.client().Get("/api/v1/admin/notifications?status=pending", sysadmin.headers());
  ASSERT_EQ(res->status, 200);
  const json pending = json::parse(res->body);
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0]["channel"], "open311");
  EXPECT_NE(pending[0]["last_error"].get<std::string>().find("unreachable"), std::string::npos);
  // Nothing to poll yet, and the remote is down: no harm.
  server.app().poller().run_once();

  // Back, on the same address: the next attempt (after its backoff) posts it, once.
  remote->start(remote_port);
  server.clock().advance(3600);
  sent = server.app().sender().run_once();
  EXPECT_EQ(sent.sent, 1);
  const std::string remote_id = remote_id_of(id);
  ASSERT_FALSE(remote_id.empty());
  EXPECT_EQ(sql(remote->db(), "SELECT count(*) FROM reports WHERE channel = 'open311'"), "1");

  // Down again while it is handled there: polls fail, visibly, and change nothing here.
  const StaffSession their_coordinator = remote->login("koordinator");
  const StaffSession their_dpupr = remote->login("admin.dpupr");
  ASSERT_EQ(remote->act(their_coordinator, remote_id, {{"action", "forward"}, {"agency", "DPUPR"}}),
            200);
  ASSERT_EQ(
      remote->act(their_dpupr, remote_id,
                  {{"action", "resolve"}, {"note", "Sudah diperbaiki sebelum sempat dijawab."}}),
      409)  // the workflow there wants an answer first
      << remote->last_body;
  ASSERT_EQ(remote->act(their_dpupr, remote_id,
                        {{"action", "respond"}, {"note", "Sudah kami jadwalkan perbaikannya."}}),
            200);
  ASSERT_EQ(remote->act(their_dpupr, remote_id,
                        {{"action", "resolve"}, {"note", "Jalan sudah diperbaiki seluruhnya."}}),
            200);
  remote->stop();
  PollRound round = server.app().poller().run_once();
  EXPECT_EQ(round.failed, 1);
  EXPECT_EQ(round.actions, 0);
  EXPECT_NE(external_agencies()[0]["poll_error"].get<std::string>().find("unreachable"),
            std::string::npos);
  EXPECT_EQ(citizen_view(id, pin)["status"], "forwarded");

  // Back: the answer and the resolution arrive together, in order.
  remote->start(remote_port);
  round = server.app().poller().run_once();
  EXPECT_EQ(round.failed, 0);
  EXPECT_EQ(round.actions, 2);
  const json mine = citizen_view(id, pin);
  EXPECT_EQ(mine["status"], "resolved");
  EXPECT_NE(mine.dump().find("Jalan sudah diperbaiki seluruhnya."), std::string::npos);
  EXPECT_EQ(external_agencies()[0]["poll_error"], "");
}

TEST_F(Open311Client,
       TheReportersContactGoesOnlyWhenAllowedAndTheReportIsNeitherAnonymousNorConfidential) {
  // Not allowed by the agency's setting: no contact there, even for a public report.
  json settings = {{"endpoint", "http://127.0.0.1:" + std::to_string(remote_port) + "/open311/v2"},
                   {"api_key", remote_key},
                   {"default_service_code", "jalan-jembatan"}};
  put_external(settings);
  ASSERT_EQ(last_status, 200);
  auto [first, first_pin] = server.submit();
  ASSERT_EQ(staff_act(coordinator, first, {{"action", "forward"}, {"agency", "DPUPR"}}), 200);
  // The setting is read when the post goes (so turning sharing off holds back what waits).
  EXPECT_EQ(server.app().sender().run_once().sent, 1);
  // Allowed: a public, named report goes with its contact; an anonymous one without.
  settings["share_identity"] = true;
  settings.erase("api_key");  // kept
  put_external(settings);
  ASSERT_EQ(last_status, 200);
  auto [named, named_pin] = server.submit();
  auto [hidden, hidden_pin] = server.submit({{"anonymous", true}});
  for (const std::string& id : {named, hidden}) {
    ASSERT_EQ(staff_act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}), 200);
  }
  EXPECT_EQ(server.app().sender().run_once().sent, 2);
  const auto email_there = [&](const std::string& id) {
    return sql(remote->db(), "SELECT count(*) FROM reports WHERE tracking_id = '" +
                                 parse_tracking_id(remote_id_of(id)).canonical +
                                 "' AND reporter_email != ''");
  };
  EXPECT_EQ(email_there(first), "0");
  EXPECT_EQ(email_there(named), "1");
  EXPECT_EQ(email_there(hidden), "0");
  // A system not marked as keeping reports private gets no confidential report: the post
  // fails for good, with the reason on the failed-messages page.
  auto [secret, secret_pin] = server.submit({{"confidential", true}});
  ASSERT_EQ(staff_act(coordinator, secret, {{"action", "forward"}, {"agency", "DPUPR"}}), 200);
  EXPECT_EQ(server.app().sender().run_once().failed, 1);
  auto res = server.client().Get("/api/v1/admin/notifications?status=failed", sysadmin.headers());
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("confidential report not sent"), std::string::npos) << res->body;
  EXPECT_EQ(remote_id_of(secret), "");
  // A public report here is public there too (its reporter chose so); the anonymous one was
  // filed public as well, the confidential one never went.
  const auto confidential_there = [&](const std::string& id) {
    return sql(remote->db(), "SELECT confidential FROM reports WHERE tracking_id = '" +
                                 parse_tracking_id(remote_id_of(id)).canonical + "'");
  };
  EXPECT_EQ(confidential_there(named), "0");
  EXPECT_EQ(confidential_there(hidden), "0");
}

TEST_F(Open311Client, SettingsAreCheckedAndLogged) {
  put_external({{"endpoint", "ftp://example.org/open311"}, {"service_codes", {{"nope", "x y"}}}});
  EXPECT_EQ(last_status, 422);
  json fields = put_external({{"endpoint", "http://user:pw@example.org/v2"},
                              {"api_key", "k"},
                              {"service_codes", {{"nope", "x"}, {"air-bersih", "x y"}}}});
  EXPECT_EQ(last_status, 422);
  std::set<std::string> got;
  for (const json& f : fields["errors"])
    got.insert(f["field"].get<std::string>() + " " + f["code"].get<std::string>());
  EXPECT_TRUE(got.count("endpoint invalid_format")) << fields;
  EXPECT_TRUE(got.count("service_codes.nope unknown_category")) << fields;
  EXPECT_TRUE(got.count("service_codes.air-bersih invalid_format")) << fields;
  // Plain http only to this machine: the key and the reports travel encrypted.
  fields = put_external({{"endpoint", "http://lapor.example.go.id/open311/v2"}, {"api_key", "k"}});
  EXPECT_EQ(last_status, 422);
  EXPECT_EQ(fields["errors"][0]["field"], "endpoint");
  // No key on a first setting.
  fields = put_external({{"endpoint", "https://lapor.example.go.id/open311/v2"}});
  EXPECT_EQ(last_status, 422);
  EXPECT_EQ(fields["errors"][0]["field"], "api_key");
  // Unknown agency; only the system admin.
  auto res = server.client().Put(
      "/api/v1/admin/agencies/NOPE/external", sysadmin.headers(),
      json{{"endpoint", "https://x.example/v2"}, {"api_key", "k"}}.dump(), "application/json");
  EXPECT_EQ(res->status, 404);
  res = server.client().Put("/api/v1/admin/agencies/DPUPR/external", coordinator.headers(),
                            json{{"endpoint", "https://x.example/v2"}, {"api_key", "k"}}.dump(),
                            "application/json");
  EXPECT_EQ(res->status, 403);

  mark_external();
  // The stored key goes only to the server it was given for: another server needs it again.
  fields = put_external({{"endpoint", "http://localhost:9/open311/v2"}});
  EXPECT_EQ(last_status, 422);
  EXPECT_EQ(fields["errors"][0]["field"], "api_key");
  put_external({{"endpoint", "http://127.0.0.1:" + std::to_string(remote_port) + "/v2-other"},
                {"keeps_private", true}});
  EXPECT_EQ(last_status, 200);  // same server, another path: the key stays
  res = server.client().Get("/api/v1/admin/admin-events?kind=agency&target=DPUPR",
                            sysadmin.headers());
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("agency_external_set"), std::string::npos);
  EXPECT_EQ(res->body.find(remote_key), std::string::npos);
  // Ended: forwards to the agency stay here, as for any agency.
  res = server.client().Delete("/api/v1/admin/agencies/DPUPR/external", sysadmin.headers());
  EXPECT_EQ(res->status, 204);
  res = server.client().Delete("/api/v1/admin/agencies/DPUPR/external", sysadmin.headers());
  EXPECT_EQ(res->status, 404);
  auto [id, pin] = server.submit();
  ASSERT_EQ(staff_act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}), 200);
  EXPECT_EQ(server.count_rows("external_requests"), 0);
}

TEST_F(Open311Client, APostRepeatedWithItsIdempotencyKeyFilesOneReportThere) {
  httplib::Client c("127.0.0.1", remote_port);
  const std::string form =
      "api_key=" + remote_key +
      "&service_code=jalan-jembatan&address_string=Jl.%20Veteran%2012"
      "&description=Lubang%20besar%20di%20tengah%20jalan%20sejak%20seminggu%20lalu";
  const httplib::Headers key{{"Idempotency-Key", "open311-retry-0001"}};
  auto first = c.Post("/open311/v2/requests.json", key, form, "application/x-www-form-urlencoded");
  auto again = c.Post("/open311/v2/requests.json", key, form, "application/x-www-form-urlencoded");
  ASSERT_TRUE(first && again);
  ASSERT_EQ(first->status, 201) << first->body;
  EXPECT_EQ(again->status, 201);
  EXPECT_EQ(json::parse(first->body)[0]["service_request_id"],
            json::parse(again->body)[0]["service_request_id"]);
  EXPECT_EQ(sql(remote->db(), "SELECT count(*) FROM reports WHERE channel = 'open311'"), "1");
  // The same key with another request is refused, as an Open311 error list.
  auto other = c.Post("/open311/v2/requests.json", key, form + "%20lagi",
                      "application/x-www-form-urlencoded");
  EXPECT_EQ(other->status, 400);
  EXPECT_EQ(json::parse(other->body)[0]["code"], 400);
}

}  // namespace
}  // namespace aduan::testing

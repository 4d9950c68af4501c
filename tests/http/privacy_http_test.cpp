// What a stranger, a follower and each staff role see of a report, over HTTP: nothing before
// the coordinator verified it, never the citizen's own words, notes only where the agency
// published them, and privacy that staff can tighten but only the reporter can loosen.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "base/secrets.h"
#include "notify/notification_sender.h"
#include "store/audit_chain.h"
#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/test_peers.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

struct Answer {
  int status = 0;
  json body;
  std::string text;
};

// Words only the reporter wrote in a reply, and a note the agency meant for the reporter.
constexpr const char* kReplyText = "Nomor pelanggan saya 4455667788, rumah di Gang Mawar 5.";
constexpr const char* kPrivateNote = "Kami akan menelepon Ibu di nomor yang Ibu tulis.";
constexpr const char* kPublishedNote = "Penambalan dijadwalkan Kamis ini oleh UPT Jalan.";

const std::filesystem::path& suite_dir() {
  static const std::filesystem::path dir = [] {
    const auto d =
        std::filesystem::temp_directory_path() / ("aduan-privacy-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

NotifyConfig mail_config(int smtp_port) {
  NotifyConfig c = default_notify_config();
  c.public_url = "https://lapor.example";
  c.smtp = SmtpSettings{.url = "smtp://127.0.0.1:" + std::to_string(smtp_port),
                        .from = "aduan@pemda.example",
                        .timeout_seconds = 2};
  return c;
}

class Privacy : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sink_ = new SmtpSink(suite_dir()); }
  static void TearDownTestSuite() {
    delete sink_;
    std::filesystem::remove_all(suite_dir());
  }

  Answer get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client c = server.client();
    auto res = c.Get(path.c_str(), headers);
    Answer a{res ? res->status : 0, json(), res ? res->body : ""};
    if (res && !res->body.empty()) a.body = json::parse(res->body, nullptr, false);
    return a;
  }
  Answer post(const std::string& path, const json& body, const httplib::Headers& headers = {}) {
    httplib::Client c = server.client();
    auto res = c.Post(path.c_str(), headers, body.dump(), "application/json");
    Answer a{res ? res->status : 0, json(), res ? res->body : ""};
    if (res && !res->body.empty()) a.body = json::parse(res->body, nullptr, false);
    return a;
  }
  Answer act(const StaffSession& s, const std::string& id, json body) {
    if (!body.contains("version")) {
      body["version"] = get("/api/v1/staff/reports/" + id, s.headers()).body["version"];
    }
    return post("/api/v1/staff/reports/" + id + "/actions", body, s.headers());
  }
  Answer citizen(const std::string& id, const std::string& pin, json body) {
    body["pin"] = pin;
    if (!body.contains("version")) {
      body["version"] = post("/api/v1/reports/" + id + "/access", {{"pin", pin}}).body["version"];
    }
    return post("/api/v1/reports/" + id + "/actions", body);
  }
  Answer track(const std::string& id) { return get("/api/v1/reports/" + id); }

  // A public report with exact coordinates, forwarded to the roads agency, a reply from the
  // reporter, a response meant for the reporter and a published update.
  std::pair<std::string, std::string> worked_on(json overrides = json::object()) {
    json fields{{"location",
                 {{"text", "Depan rumah saya, Jl. Melati 12"},
                  {"lat", -3.441234},
                  {"lon", 114.836789},
                  {"region_code", "63.03"}}}};
    for (const auto& [k, v] : overrides.items()) fields[k] = v;
    auto [id, pin] = server.submit(fields);
    EXPECT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
    EXPECT_EQ(citizen(id, pin, {{"action", "reply"}, {"note", kReplyText}}).status, 200);
    EXPECT_EQ(act(dpupr, id, {{"action", "respond"}, {"note", kPrivateNote}}).status, 200);
    EXPECT_EQ(
        act(dpupr, id, {{"action", "update"}, {"note", kPublishedNote}, {"publish", true}}).status,
        200);
    return {id, pin};
  }

  AuditResult verify() {
    const auto db = server.open_db();
    return verify_chain(*db, Secrets::load(server.key_path().string()));
  }

  static SmtpSink* sink_;
  TestServer server{{}, mail_config(sink_->port())};
  StaffSession coordinator = server.login("koordinator");
  StaffSession dpupr = server.login("admin.dpupr");
};

SmtpSink* Privacy::sink_ = nullptr;

TEST_F(Privacy, BeforeVerificationAStrangerSeesOnlyTheStatus) {
  const auto [id, pin] = server.submit({{"title", "Pungutan liar di loket KTP kecamatan"}});
  const Answer tracked = track(id);
  ASSERT_EQ(tracked.status, 200);
  // That it exists and its status, nothing the citizen wrote or chose.
  std::set<std::string> keys;
  for (const auto& [k, v] : tracked.body.items()) keys.insert(k);
  EXPECT_EQ(keys, (std::set<std::string>{"tracking_id", "status", "status_group", "published"}));
  EXPECT_EQ(tracked.body["published"], false);
  EXPECT_EQ(tracked.text.find("Pungutan"), std::string::npos);

  // Not on the list, not found by its words, not on Open311, not offered as similar.
  const Answer list = get("/api/v1/public/reports?q=Pungutan");
  EXPECT_EQ(list.body["total"], 0) << list.text;
  EXPECT_EQ(get("/api/v1/public/reports").text.find(id), std::string::npos);
  EXPECT_EQ(get("/open311/v2/requests.json").text.find(id), std::string::npos);
  EXPECT_EQ(get("/open311/v2/requests/" + id + ".json").status, 404);
  const Answer offered = post("/api/v1/reports/similar",
                              {{"title", "Pungutan liar di loket KTP kecamatan"},
                               {"body", "Petugas loket KTP kecamatan meminta uang tambahan."},
                               {"category", "jalan-jembatan"}});
  EXPECT_EQ(offered.text.find(id), std::string::npos) << offered.text;
  // Nor can anyone follow it yet.
  EXPECT_EQ(post("/api/v1/reports/" + id + "/follow", json::object()).status, 404);

  // The reporter, with the PIN, sees all of it.
  const Answer own = post("/api/v1/reports/" + id + "/access", {{"pin", pin}});
  EXPECT_EQ(own.body["title"], "Pungutan liar di loket KTP kecamatan");

  // Verified: now it is public.
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  EXPECT_EQ(track(id).body["title"], "Pungutan liar di loket KTP kecamatan");
  EXPECT_EQ(get("/api/v1/public/reports?q=Pungutan").body["total"], 1);
}

TEST_F(Privacy, AStrangerNeverReadsTheCitizensWordsOrUnpublishedNotes) {
  const auto [id, pin] = worked_on();
  const Answer tracked = track(id);
  ASSERT_EQ(tracked.status, 200);
  EXPECT_EQ(tracked.body["published"], true);
  EXPECT_EQ(tracked.body["title"], "Jalan berlubang di depan pasar");
  // Not how or whether the reporter hides: a walk-in's channel and time point to a person,
  // and the anonymous flag tells the official that someone hides from them.
  EXPECT_FALSE(tracked.body.contains("channel"));
  EXPECT_FALSE(tracked.body.contains("anonymous"));
  // The place as written may be the reporter's house; the position is rounded (~100 m).
  EXPECT_FALSE(tracked.body["location"].contains("text")) << tracked.text;
  EXPECT_DOUBLE_EQ(tracked.body["location"]["lat"].get<double>(), -3.441);
  EXPECT_DOUBLE_EQ(tracked.body["location"]["lon"].get<double>(), 114.837);
  EXPECT_EQ(tracked.text.find("Melati"), std::string::npos);
  EXPECT_EQ(tracked.text.find("4455667788"), std::string::npos);
  EXPECT_EQ(tracked.text.find("menelepon"), std::string::npos);
  // The timeline shows every action and status, and the one note the agency published.
  std::vector<std::string> actions, notes;
  for (const json& e : tracked.body["timeline"]) {
    actions.push_back(e["action"]);
    if (e.contains("note")) notes.push_back(e["note"]);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"submit", "forward", "reply", "respond", "update"}));
  EXPECT_EQ(notes, std::vector<std::string>{kPublishedNote});

  // The same on the public list and Open311.
  const Answer list = get("/api/v1/public/reports");
  EXPECT_EQ(list.text.find("Melati"), std::string::npos);
  EXPECT_EQ(list.text.find("4455667788"), std::string::npos);
  const Answer open311 = get("/open311/v2/requests/" + id + ".json");
  ASSERT_EQ(open311.status, 200);
  EXPECT_EQ(open311.body[0]["status_notes"], kPublishedNote);
  EXPECT_EQ(open311.body[0]["address"], "");
  EXPECT_DOUBLE_EQ(open311.body[0]["lat"].get<double>(), -3.441);

  // The reporter reads their reply and both notes; the staff see which one is published.
  const Answer own = post("/api/v1/reports/" + id + "/access", {{"pin", pin}});
  EXPECT_NE(own.text.find("4455667788"), std::string::npos);
  EXPECT_NE(own.text.find("menelepon"), std::string::npos);
  EXPECT_EQ(own.body["location"]["text"], "Depan rumah saya, Jl. Melati 12");
  const Answer staff = get("/api/v1/staff/reports/" + id, dpupr.headers());
  int published = 0;
  for (const json& e : staff.body["timeline"]) published += e["published"].get<bool>();
  EXPECT_EQ(published, 1);
}

TEST_F(Privacy, AConfidentialReportShowsNoNoteAtAllWithoutThePin) {
  const auto [id, pin] = worked_on({{"confidential", true}});
  const Answer tracked = track(id);
  ASSERT_EQ(tracked.status, 200);
  EXPECT_FALSE(tracked.body.contains("title"));
  EXPECT_FALSE(tracked.body.contains("body"));
  EXPECT_FALSE(tracked.body.contains("location"));
  EXPECT_FALSE(tracked.body["timeline"].empty());
  for (const json& e : tracked.body["timeline"]) EXPECT_FALSE(e.contains("note")) << e;
  EXPECT_EQ(get("/api/v1/public/reports").text.find(id), std::string::npos);
  const Answer own = post("/api/v1/reports/" + id + "/access", {{"pin", pin}});
  EXPECT_NE(own.text.find(kPublishedNote), std::string::npos);
  EXPECT_NE(own.text.find("4455667788"), std::string::npos);
}

TEST_F(Privacy, ArchivedSpamOrAbuseIsNeverServed) {
  for (const char* reason : {"spam", "abusive"}) {
    const auto [id, pin] = server.submit({{"title", "Kata-kata kasar tentang tetangga saya"}});
    ASSERT_EQ(act(coordinator, id, {{"action", "archive"}, {"archive_reason", reason}}).status,
              200);
    const Answer tracked = track(id);
    EXPECT_EQ(tracked.body["status"], "archived");
    EXPECT_EQ(tracked.body["published"], false);
    EXPECT_EQ(tracked.text.find("kasar"), std::string::npos) << tracked.text;
    EXPECT_EQ(get("/api/v1/public/reports?q=kasar").body["total"], 0);
  }
}

TEST_F(Privacy, StaffMayTightenButOnlyTheReporterLoosens) {
  const auto [id, pin] = server.submit({{"anonymous", true}, {"confidential", true}});
  // The coordinator cannot clear either flag while forwarding; nothing is written.
  const Answer loosened = act(
      coordinator, id,
      {{"action", "forward"}, {"agency", "DPUPR"}, {"anonymous", false}, {"confidential", false}});
  ASSERT_EQ(loosened.status, 422) << loosened.text;
  EXPECT_EQ(loosened.body["errors"][0]["code"], "needs_reporter");
  EXPECT_EQ(get("/api/v1/staff/reports/" + id, coordinator.headers()).body["status"], "submitted");
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  // Nor with the privacy action, in any role.
  EXPECT_EQ(act(coordinator, id, {{"action", "privacy"}, {"confidential", false}}).status, 422);
  EXPECT_EQ(act(dpupr, id, {{"action", "privacy"}, {"anonymous", false}}).status, 422);
  const Answer agency_view = get("/api/v1/staff/reports/" + id, dpupr.headers());
  EXPECT_FALSE(agency_view.body.contains("reporter")) << agency_view.text;
  EXPECT_EQ(track(id).body.contains("title"), false);

  // The reporter opens the content to the public, then hides it again.
  ASSERT_EQ(citizen(id, pin, {{"action", "privacy"}, {"confidential", false}}).status, 200);
  EXPECT_EQ(track(id).body["title"], "Jalan berlubang di depan pasar");
  // A wrong PIN changes nothing.
  EXPECT_NE(
      citizen(id, "00000000", {{"action", "privacy"}, {"anonymous", false}, {"version", 1}}).status,
      200);
  // Staff tighten again: allowed, recorded, and the reporter hears of it.
  ASSERT_EQ(act(dpupr, id, {{"action", "privacy"}, {"confidential", true}}).status, 200);
  EXPECT_FALSE(track(id).body.contains("title"));
  const Answer own = post("/api/v1/reports/" + id + "/access", {{"pin", pin}});
  std::vector<std::string> changes;
  for (const json& e : own.body["timeline"]) {
    if (e["action"] == "privacy") changes.push_back(e["note"]);
  }
  EXPECT_EQ(changes, (std::vector<std::string>{"confidential:off", "confidential:on"}));
  // Strangers do not see privacy changes.
  const Answer stranger = track(id);
  for (const json& e : stranger.body["timeline"]) EXPECT_NE(e["action"], "privacy");
  const auto db = server.open_db();
  EXPECT_EQ(query_int64(*db, "SELECT count(*) FROM notifications WHERE event = 'privacy_changed'"),
            1);
  const AuditResult chain = verify();
  EXPECT_FALSE(chain.broken) << *chain.broken;
}

TEST_F(Privacy, ForwardingMayHideTheReporterAndSaysSo) {
  const auto [id, pin] = server.submit();
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}, {"anonymous", true}})
                .status,
            200);
  EXPECT_FALSE(get("/api/v1/staff/reports/" + id, dpupr.headers()).body.contains("reporter"));
  const Answer staff = get("/api/v1/staff/reports/" + id, coordinator.headers());
  const json last = staff.body["timeline"].back();
  EXPECT_EQ(last["action"], "privacy");
  EXPECT_EQ(last["note"], "anonymous:on");
  EXPECT_EQ(last["public"], true);  // the reporter sees it on their timeline
}

// The code sent to `to` by the newest follow_code message.
std::string code_sent_to(const SmtpSink& sink, const std::string& to) {
  std::string code;
  for (const json& m : sink.messages()) {
    if (m["to"][0] != to || m["event"] != "follow_code") continue;
    std::smatch found;
    const std::string body = m.value("body", "");
    if (std::regex_search(body, found, std::regex("([0-9]{6})"))) code = found[1];
  }
  return code;
}

TEST_F(Privacy, AFollowersContactProvesItselfAndHearsStatusChangesOnly) {
  const auto [id, pin] = worked_on();
  const std::string follow = "/api/v1/reports/" + id + "/follow";
  const std::string mail = "tetangga." + std::to_string(::getpid()) + "@contoh.id";
  const Answer asked = post(follow, {{"email", mail}});
  ASSERT_EQ(asked.status, 202) << asked.text;
  EXPECT_EQ(asked.body["confirmation"], "code_sent");
  EXPECT_EQ(asked.body["followers"], 0);  // not counted before the code
  server.app().sender().run_once();
  const std::string code = code_sent_to(*sink_, mail);
  ASSERT_EQ(code.size(), 6u) << [&] {
    std::string all;
    for (const json& m : sink_->messages()) all += m.dump() + "\n";
    return all;
  }();
  {  // Like a PIN, the code is not kept readable once sent.
    const auto db = server.open_db();
    Prepared q(*db,
               "SELECT count(*) FROM notifications WHERE event = 'follow_code' AND "
               "(body LIKE '%' || ? || '%' OR subject LIKE '%' || ? || '%' OR "
               "length(coalesce(sealed_body, '')) > 0)");
    q.bind(1, code);
    q.bind(2, code);
    ASSERT_TRUE(q.executeStep());
    EXPECT_EQ(q.getColumn(0).getInt(), 0);
  }

  const std::string wrong = code == "000000" ? "111111" : "000000";
  const Answer refused = post(follow + "/confirm", {{"email", mail}, {"code", wrong}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body["error"]["code"], "wrong_code");
  const Answer confirmed = post(follow + "/confirm", {{"email", mail}, {"code", code}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.text;
  EXPECT_EQ(confirmed.body["followers"], 1);
  // The same contact counts once; asking again answers as for anyone (no code is sent), so
  // the answer does not tell a stranger who follows the report.
  const size_t codes = sink_->messages().size();
  const Answer again = post(follow, {{"email", mail}});
  EXPECT_EQ(again.status, 202);
  const json expected{
      {"tracking_id", asked.body["tracking_id"]}, {"followers", 1}, {"confirmation", "code_sent"}};
  EXPECT_EQ(again.body, expected);
  server.app().sender().run_once();
  EXPECT_EQ(sink_->messages().size(), codes);
  EXPECT_EQ(track(id).body["followers"], 1);

  // An update without a status change reaches the reporter only; a resolution reaches the
  // follower too, without its note.
  ASSERT_EQ(
      act(dpupr, id, {{"action", "update"}, {"note", "Material sudah dipesan."}, {"public", true}})
          .status,
      200);
  ASSERT_EQ(
      act(dpupr, id, {{"action", "resolve"}, {"note", "Sudah ditambal seluruhnya, silakan cek."}})
          .status,
      200);
  server.app().sender().run_once();
  std::vector<json> to_follower;
  for (const json& m : sink_->messages()) {
    if (m["to"][0] == mail && m["event"] != "follow_code") {
      to_follower.push_back(m);
    }
  }
  ASSERT_EQ(to_follower.size(), 1u);
  const std::string text = to_follower[0].dump();
  EXPECT_EQ(text.find("ditambal"), std::string::npos) << text;
  EXPECT_EQ(text.find("Jalan berlubang"), std::string::npos) << text;
  EXPECT_EQ(to_follower[0]["event"], "follower_update");
  EXPECT_NE(text.find("Selesai"), std::string::npos) << text;
}

TEST_F(Privacy, AnUnconfirmedContactReceivesNothing) {
  const auto [id, pin] = worked_on();
  const std::string mail = "bukan.saya." + std::to_string(::getpid()) + "@contoh.id";
  ASSERT_EQ(post("/api/v1/reports/" + id + "/follow", {{"email", mail}}).status, 202);
  ASSERT_EQ(
      act(dpupr, id, {{"action", "resolve"}, {"note", "Sudah ditambal seluruhnya, silakan cek."}})
          .status,
      200);
  server.app().sender().run_once();
  int received = 0;
  for (const json& m : sink_->messages()) {
    if (m["to"][0] == mail) ++received;
  }
  EXPECT_EQ(received, 1);  // the code, and no update
  EXPECT_EQ(track(id).body["followers"], 0);
}

}  // namespace
}  // namespace aduan::testing

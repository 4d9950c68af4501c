// Notifications end to end: the outbox written with each change, delivered over SMTP to a
// real SMTP server and over HTTP to a gateway that checks signatures; inbound messages from
// a signed gateway; faults of the SMTP server.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "notify/notify_config.h"
#include "notify/transports.h"
#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/test_paths.h"
#include "support/test_peers.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

constexpr const char* kGatewaySecret = "gateway-secret-for-tests-0123456789";
constexpr const char* kInboundSecret = "inbound-secret-for-tests-0123456789";

std::filesystem::path suite_dir() {
  static const auto dir = [] {
    auto d =
        std::filesystem::temp_directory_path() / ("aduan-notify-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

NotifyConfig config_for(int smtp_port, const std::string& gateway_url) {
  NotifyConfig c = default_notify_config();
  c.public_url = "https://lapor.example";
  c.smtp = SmtpSettings{.url = "smtp://127.0.0.1:" + std::to_string(smtp_port),
                        .from = "aduan@pemda.example",
                        .timeout_seconds = 2};
  c.gateway = GatewaySettings{.url = gateway_url, .secret = kGatewaySecret, .timeout_seconds = 5};
  c.inbound_secret = kInboundSecret;
  c.retry = RetrySettings{.base_seconds = 1, .max_seconds = 4, .max_attempts = 6};
  return c;
}

const AuthSettings kLongSessions{.idle_timeout_seconds = 30 * kDay,
                                 .absolute_timeout_seconds = 30 * kDay};

class Notifications : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sink_ = new SmtpSink(suite_dir()); }
  static void TearDownTestSuite() {
    delete sink_;
    std::filesystem::remove_all(suite_dir());
  }

  // Messages of this test's store that reached the SMTP server, by recipient.
  std::vector<json> mail_to(const std::string& recipient) {
    std::set<std::string> ours;
    const auto db = server.open_db();
    Prepared q(*db, "SELECT message_id FROM notifications");
    while (q.executeStep()) ours.insert(q.getColumn(0).getString());
    std::vector<json> out;
    for (const json& m : sink_->messages()) {
      if (ours.count(m["message_id"]) && m["to"][0] == recipient) out.push_back(m);
    }
    return out;
  }

  SendRound deliver() { return server.app().sender().run_once(); }

  std::string status_of_last(const std::string& event) {
    const auto db = server.open_db();
    Prepared q(*db, "SELECT status FROM notifications WHERE event = ? ORDER BY id DESC");
    q.bind(1, event);
    return q.executeStep() ? q.getColumn(0).getString() : "";
  }

  httplib::Result inbound(const std::string& channel, const json& body, std::string nonce = "",
                          int64_t at = kMonday10Wib, const std::string& secret = kInboundSecret) {
    if (nonce.empty()) nonce = "n-" + std::to_string(++nonce_counter_);
    const std::string text = body.dump();
    const std::string ts = std::to_string(at);
    httplib::Client c = server.client();
    return c.Post(
        ("/api/v1/inbound/" + channel).c_str(),
        {{"X-Aduan-Timestamp", ts},
         {"X-Aduan-Nonce", nonce},
         {"X-Aduan-Signature", "sha256=" + hmac_sha256_hex(secret, ts + "." + nonce + "." + text)}},
        text, "application/json");
  }

  static SmtpSink* sink_;
  int nonce_counter_ = 0;
  GatewayReceiver gateway{kGatewaySecret};
  TestServer server{kLongSessions, config_for(sink_->port(), gateway.url())};
};

SmtpSink* Notifications::sink_ = nullptr;

TEST_F(Notifications, NewReportReachesCoordinatorsAndTheCitizen) {
  deliver();  // the demo's own messages
  const auto [id, pin] = server.submit();
  const SendRound round = deliver();
  EXPECT_GE(round.sent, 2);
  const auto coordinator = mail_to("koordinator@pemda.example");
  ASSERT_FALSE(coordinator.empty());
  const json& m = coordinator.back();
  EXPECT_EQ(m["event"], "new_report");
  EXPECT_NE(m["subject"].get<std::string>().find(id), std::string::npos);
  EXPECT_NE(m["body"].get<std::string>().find("https://lapor.example/staff/report.html?id=" + id),
            std::string::npos);
  EXPECT_FALSE(m["duplicate"].get<bool>());
  // The citizen gave an email: the confirmation with the tracking ID and PIN goes there.
  const auto citizen = mail_to("siti@contoh.id");
  ASSERT_EQ(citizen.size(), 1u);
  EXPECT_NE(citizen[0]["body"].get<std::string>().find(pin), std::string::npos);
  EXPECT_EQ(status_of_last("new_report"), "sent");
}

TEST_F(Notifications, CitizenWithOnlyAPhoneGetsTheTrackingIdByWhatsApp) {
  json reporter{{"name", "Budi"}, {"phone", "0813 1111 2222"}};
  const auto [id, pin] = server.submit({{"reporter", reporter}});
  deliver();
  const auto received = gateway.received();
  ASSERT_FALSE(received.empty());
  const json& m = received.back();
  EXPECT_EQ(m["channel"], "whatsapp");
  EXPECT_EQ(m["to"], "+6281311112222");
  EXPECT_NE(m["text"].get<std::string>().find(id), std::string::npos);
  EXPECT_NE(m["text"].get<std::string>().find(pin), std::string::npos);
  EXPECT_EQ(gateway.bad_signatures(), 0);
}

TEST_F(Notifications, ForwardTellsTheAgencyAdminsAndTheHead) {
  const auto [id, pin] = server.submit();
  const StaffSession coordinator = server.login("koordinator");
  httplib::Client c = server.client();
  auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
                    json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", 1}}.dump(),
                    "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  deliver();
  for (const char* to : {"admin.dpupr@pemda.example", "kepala.dpupr@pemda.example"}) {
    const auto mail = mail_to(to);
    ASSERT_FALSE(mail.empty()) << to;
    EXPECT_EQ(mail.back()["event"], "forwarded");
  }
  EXPECT_TRUE(mail_to("admin.pdam@pemda.example").empty());
}

TEST_F(Notifications, AnAssignmentTellsTheOfficerWithTheAdminsInstructions) {
  const auto [id, pin] = server.submit();
  const StaffSession coordinator = server.login("koordinator");
  const StaffSession admin = server.login("admin.dpupr");
  httplib::Client c = server.client();
  auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
                    json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", 1}}.dump(),
                    "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  const int64_t version = json::parse(res->body)["version"];
  const std::string told = "Cek lokasi besok pagi bersama UPT jalan, bawa meteran.";
  res = c.Post(
      ("/api/v1/staff/reports/" + id + "/actions").c_str(), admin.headers(),
      json{{"action", "assign"}, {"officer", "petugas.dpupr"}, {"note", told}, {"version", version}}
          .dump(),
      "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  // The instructions are an internal entry of the timeline, beside the assignment.
  const json timeline = json::parse(res->body)["timeline"];
  bool internal = false;
  for (const json& e : timeline) {
    if (e.value("note", "") == told) internal = e["public"] == false && e["action"] == "comment";
  }
  EXPECT_TRUE(internal) << timeline;
  deliver();
  const auto mail = mail_to("petugas.dpupr@pemda.example");
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0]["event"], "assigned");
  EXPECT_NE(mail[0]["subject"].get<std::string>().find(id), std::string::npos);
  EXPECT_NE(mail[0]["body"].get<std::string>().find(told), std::string::npos);
  EXPECT_NE(mail[0]["body"].get<std::string>().find("/staff/report.html?id=" + id),
            std::string::npos);
  // The citizen hears nothing of it: the assignment and its note are the staff's.
  for (const json& m : mail_to("siti@contoh.id")) EXPECT_NE(m["event"], "assigned");
  // Nor does the citizen's view carry the instructions.
  const json tracked = json::parse(c.Post(("/api/v1/reports/" + id + "/access").c_str(),
                                          json{{"pin", pin}}.dump(), "application/json")
                                       ->body);
  EXPECT_EQ(tracked.dump().find(told), std::string::npos);
}

// The rules of a deployment's config may send any event to any audience but one: the
// assignment's message carries the admin's internal instructions, so never to the citizen.
TEST(NotifyConfigFile, AnAssignmentNeverGoesToTheCitizen) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("aduan-notify-" + std::to_string(::getpid()) + ".json"))
                               .string();
  auto load = [&](const json& rules) {
    std::ofstream(path) << json{{"rules", rules}}.dump();
    std::string error;
    const auto config = load_notify_config(path, &error);
    return std::pair{config.has_value(), error};
  };
  const auto refused = load({{"assigned", {"assigned_officer", "citizen"}}});
  EXPECT_FALSE(refused.first);
  EXPECT_NE(refused.second.find("assigned"), std::string::npos) << refused.second;
  EXPECT_TRUE(load({{"assigned", {"assigned_officer", "agency_admins"}}}).first);
  EXPECT_TRUE(load({{"citizen_update", {"citizen"}}}).first);
  std::filesystem::remove(path);
}

TEST_F(Notifications, UpdatesGoToTheCitizenUntilTheyStopThem) {
  const auto [id, pin] = server.submit();
  const StaffSession coordinator = server.login("koordinator");
  const StaffSession admin = server.login("admin.dpupr");
  httplib::Client c = server.client();
  auto act = [&](const StaffSession& s, json body) {
    body["version"] =
        json::parse(c.Get(("/api/v1/staff/reports/" + id).c_str(), s.headers())->body)["version"];
    return c
        .Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), s.headers(), body.dump(),
              "application/json")
        ->status;
  };
  ASSERT_EQ(act(coordinator, {{"action", "forward"}, {"agency", "DPUPR"}}), 200);
  ASSERT_EQ(act(admin, {{"action", "respond"}, {"note", "Tim kami akan ke lokasi besok."}}), 200);
  deliver();
  auto citizen = mail_to("siti@contoh.id");
  ASSERT_EQ(citizen.size(), 2u);  // the confirmation and the response
  EXPECT_EQ(citizen.back()["event"], "citizen_update");
  EXPECT_NE(citizen.back()["body"].get<std::string>().find("Tim kami akan ke lokasi besok."),
            std::string::npos);
  // Internal notes never reach the citizen.
  ASSERT_EQ(act(admin, {{"action", "update"}, {"note", "Anggaran belum cair."}, {"public", false}}),
            200);
  deliver();
  EXPECT_EQ(mail_to("siti@contoh.id").size(), 2u);
  // The citizen stops messages for this report.
  auto res = c.Post(("/api/v1/reports/" + id + "/notifications").c_str(),
                    json{{"pin", pin}, {"enabled", false}}.dump(), "application/json");
  ASSERT_EQ(res->status, 200);
  EXPECT_FALSE(json::parse(res->body)["notifications"].get<bool>());
  ASSERT_EQ(act(admin, {{"action", "resolve"}, {"note", "Jalan sudah ditambal seluruhnya."}}), 200);
  deliver();
  EXPECT_EQ(mail_to("siti@contoh.id").size(), 2u);
}

TEST_F(Notifications, FailedForGoodIsShownToTheSystemAdminWhoRetries) {
  deliver();                 // the demo's own messages
  gateway.answer_with(400);  // the provider rejects the request: retrying will not help
  server.submit({{"reporter", json{{"phone", "081322223333"}}}});
  const SendRound first = deliver();
  EXPECT_EQ(first.failed, 1);
  const StaffSession admin = server.login("sysadmin");
  httplib::Client c = server.client();
  const json failed = json::parse(c.Get("/api/v1/admin/notifications", admin.headers())->body);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0]["channel"], "whatsapp");
  EXPECT_NE(failed[0]["last_error"].get<std::string>().find("400"), std::string::npos);
  gateway.answer_with(200);
  const std::string retry = "/api/v1/admin/notifications/" + failed[0]["id"].dump() + "/retry";
  EXPECT_EQ(c.Post(retry.c_str(), admin.headers(), "", "application/json")->status, 200);
  EXPECT_EQ(deliver().sent, 1);
  EXPECT_EQ(gateway.received().back()["to"], "+6281322223333");
  EXPECT_EQ(c.Post(retry.c_str(), admin.headers(), "", "application/json")->status, 404);
}

// Every column of the outbox rows of `event`, and the store's files (database and WAL) whole.
std::string outbox_text(const std::filesystem::path& db_path, const std::string& event) {
  SqliteDb db(db_path.string(), SQLite::OPEN_READONLY);
  Prepared q(db, "SELECT * FROM notifications WHERE event = ?");
  q.bind(1, event);
  std::string all;
  while (q.executeStep()) {
    for (int i = 0; i < q.getColumnCount(); ++i) {
      const Column col = q.getColumn(i);
      if (col.getBytes() > 0) all.append(static_cast<const char*>(col.getBlob()), col.getBytes());
      all += '\n';
    }
  }
  return all;
}
std::string store_files(const std::filesystem::path& db_path) {
  std::string all;
  for (const std::string& file : {db_path.string(), db_path.string() + "-wal"}) {
    std::ifstream in(file, std::ios::binary);
    all.append(std::istreambuf_iterator<char>(in), {});
  }
  return all;
}

// The system admin may read no complaint: the notification list shows a citizen's contact
// masked and no subject (tracking ID, title) nor text; staff contacts show whole. The PIN is
// never in the outbox in the clear: masked in the row, sealed until sent, gone after.
TEST_F(Notifications, TheSystemAdminSeesNoCitizenDataAndThePinIsNotKept) {
  deliver();  // the demo's own messages
  gateway.answer_with(400);
  const json phone_only{{"name", "Budi"}, {"phone", "081322224321"}};
  const auto [by_phone, phone_pin] = server.submit({{"reporter", phone_only}});
  const auto [by_mail, mail_pin] = server.submit();  // siti@contoh.id
  // Waiting to be sent: the row shows the PIN masked; no column holds it in the clear.
  for (const std::string& pin : {phone_pin, mail_pin}) {
    const std::string rows = outbox_text(server.db_path(), "received");
    EXPECT_NE(rows.find("\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022"), std::string::npos);
    EXPECT_EQ(rows.find(pin), std::string::npos) << "a waiting row holds the PIN";
  }
  deliver();
  // Delivered with the PIN (opened from its seal for the transport), or failed for good.
  const auto citizen = mail_to("siti@contoh.id");
  ASSERT_EQ(citizen.size(), 1u);
  EXPECT_NE(citizen[0]["body"].get<std::string>().find(mail_pin), std::string::npos);
  EXPECT_EQ(status_of_last("received"), "sent");
  // Neither the rows nor the store's files hold either PIN afterwards.
  const std::string rows = outbox_text(server.db_path(), "received");
  const std::string files = store_files(server.db_path());
  for (const std::string& pin : {phone_pin, mail_pin}) {
    EXPECT_EQ(rows.find(pin), std::string::npos) << pin;
    EXPECT_EQ(files.find(pin), std::string::npos) << pin;
  }
  {
    const auto db = server.open_db();
    EXPECT_EQ(query_int64(*db, "SELECT count(*) FROM notifications WHERE sealed_body IS NOT NULL"),
              0);
  }

  const StaffSession admin = server.login("sysadmin");
  httplib::Client c = server.client();
  auto list = [&](const char* status) {
    auto res = c.Get((std::string("/api/v1/admin/notifications?status=") + status).c_str(),
                     admin.headers());
    EXPECT_EQ(res->status, 200);
    return res->body;
  };
  const std::string failed_text = list("failed"), sent_text = list("sent");
  const json failed = json::parse(failed_text), sent = json::parse(sent_text);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0]["event"], "received");
  EXPECT_TRUE(failed[0]["to_citizen"].get<bool>());
  EXPECT_EQ(failed[0]["recipient"], "+62\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u202221");
  EXPECT_FALSE(failed[0].contains("subject"));
  EXPECT_FALSE(failed[0].contains("body"));
  for (const std::string& text : {failed_text, sent_text}) {
    for (const std::string& secret :
         {by_phone, by_mail, phone_pin, mail_pin, std::string("Jalan berlubang"),
          std::string("22224321"), std::string("813222"), std::string("siti@"),
          std::string("contoh")}) {
      EXPECT_EQ(text.find(secret), std::string::npos) << secret << " shown to the system admin";
    }
  }
  bool staff_shown = false, citizen_masked = false;
  for (const json& m : sent) {
    EXPECT_FALSE(m.contains("subject"));
    staff_shown |= m["recipient"] == "koordinator@pemda.example" && !m["to_citizen"].get<bool>();
    citizen_masked |= m["recipient"] == "s\u2022\u2022\u2022@c\u2022\u2022\u2022\u2022.id" &&
                      m["to_citizen"].get<bool>();
  }
  EXPECT_TRUE(staff_shown) << sent_text;
  EXPECT_TRUE(citizen_masked) << sent_text;

  // Sent again by the admin, the receipt goes without the PIN: it was not kept.
  gateway.answer_with(200);
  const std::string retry = "/api/v1/admin/notifications/" + failed[0]["id"].dump() + "/retry";
  ASSERT_EQ(c.Post(retry.c_str(), admin.headers(), "", "application/json")->status, 200);
  EXPECT_EQ(deliver().sent, 1);
  const std::string resent = gateway.received().back()["text"];
  EXPECT_NE(resent.find(by_phone), std::string::npos);
  EXPECT_EQ(resent.find(phone_pin), std::string::npos);
}

TEST_F(Notifications, DeadlineAlertsOnceForAmberAndOnceForRed) {
  const auto [id, pin] = server.submit();
  const StaffSession coordinator = server.login("koordinator");
  httplib::Client c = server.client();
  ASSERT_EQ(c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
                   json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", 1}}.dump(),
                   "application/json")
                ->status,
            200);
  // First response due Monday 30 November; Friday is the last working day before it.
  server.clock().set(kMonday10Wib + 4 * kDay);
  EXPECT_GE(server.app().job().run_once().deadline_alerts, 1);
  EXPECT_EQ(server.app().job().run_once().deadline_alerts, 0);
  server.clock().set(kMonday10Wib + 8 * kDay);  // Tuesday 1 December: late
  EXPECT_GE(server.app().job().run_once().deadline_alerts, 1);
  EXPECT_EQ(server.app().job().run_once().deadline_alerts, 0);
  deliver();
  std::vector<std::string> events;
  for (const json& m : mail_to("kepala.dpupr@pemda.example")) {
    if (m["subject"].get<std::string>().find(id) != std::string::npos) events.push_back(m["event"]);
  }
  EXPECT_EQ(events, (std::vector<std::string>{"forwarded", "deadline_amber", "deadline_red"}));
  EXPECT_FALSE(mail_to("ombudsman@pemda.example").empty());
}

TEST_F(Notifications, DailyDigestOncePerDay) {
  // The demo's job run already sent Monday's. Tuesday 06:00 WIB is before the digest hour.
  EXPECT_EQ(server.app().job().run_once().digests, 0);
  server.clock().set(kMonday10Wib + kDay - 4 * 3600);
  EXPECT_EQ(server.app().job().run_once().digests, 0);
  server.clock().set(kMonday10Wib + kDay);
  EXPECT_GE(server.app().job().run_once().digests, 1);  // DPUPR holds the demo's reports
  EXPECT_EQ(server.app().job().run_once().digests, 0);
  deliver();
  int count = 0;
  for (const json& m : mail_to("admin.dpupr@pemda.example")) {
    if (m["event"] == "digest") {
      ++count;
      EXPECT_NE(m["subject"].get<std::string>().find("Dinas Pekerjaan Umum"), std::string::npos);
    }
  }
  EXPECT_EQ(count, 2);  // Monday's and Tuesday's
}

TEST_F(Notifications, InboundSmsBecomesAReportAndTheTrackingIdGoesBack) {
  const json sms{{"from", "0812 7777 8888"},
                 {"text",
                  "Lampu jalan mati di Gang Melati\nSudah seminggu lampu jalan di Gang "
                  "Melati RT 05 mati, gelap dan rawan."}};
  auto res = inbound("sms", sms);
  ASSERT_EQ(res->status, 201) << res->body;
  const std::string id = json::parse(res->body)["tracking_id"];
  httplib::Client c = server.client();
  const StaffSession coordinator = server.login("koordinator");
  auto staff_view = [&] {
    return json::parse(c.Get(("/api/v1/staff/reports/" + id).c_str(), coordinator.headers())->body);
  };
  const json tracked = staff_view();
  EXPECT_EQ(tracked["channel"], "sms");
  EXPECT_EQ(tracked["title"], "Lampu jalan mati di Gang Melati");
  deliver();
  const auto sent = gateway.received();
  ASSERT_FALSE(sent.empty());
  EXPECT_EQ(sent.back()["channel"], "sms");
  EXPECT_EQ(sent.back()["to"], "+6281277778888");
  EXPECT_NE(sent.back()["text"].get<std::string>().find(id), std::string::npos);

  // Quoting the tracking ID from the same number continues the conversation.
  res = inbound("sms", {{"from", "+6281277778888"}, {"text", id + " lampunya sekarang berkedip"}});
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(json::parse(res->body)["status"], "replied");
  EXPECT_EQ(staff_view()["timeline"].back()["action"], "reply");
  // From another number it is somebody else's new report, not a reply on this one.
  res = inbound("sms", {{"from", "081299990000"},
                        {"text", id + " saya juga mengalami hal yang sama di gang sebelah"}});
  EXPECT_EQ(res->status, 201);
}

TEST_F(Notifications, InboundRefusesForgedStaleAndReplayedRequests) {
  const json sms{{"from", "081277778888"},
                 {"text", "Jalan rusak parah di depan masjid, mohon segera diperbaiki."}};
  EXPECT_EQ(inbound("sms", sms, "", kMonday10Wib, "not-the-secret-0123456789")->status, 401);
  auto res = inbound("sms", sms, "", kMonday10Wib - 3600);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "stale_timestamp");
  EXPECT_EQ(inbound("sms", sms, "same-nonce")->status, 201);
  res = inbound("sms", sms, "same-nonce");
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "replayed_request");
}

TEST_F(Notifications, InboundMessageTooShortIsAnsweredWithWhy) {
  const int64_t reports = server.count_rows("reports");
  auto res = inbound("whatsapp", {{"from", "081244445555"}, {"text", "jalan rusak"}});
  EXPECT_EQ(res->status, 422);
  EXPECT_EQ(server.count_rows("reports"), reports);
  deliver();
  const auto sent = gateway.received();
  ASSERT_FALSE(sent.empty());
  EXPECT_EQ(sent.back()["to"], "+6281244445555");
  EXPECT_EQ(sent.back()["channel"], "whatsapp");
  // Why, in words: no field path, no code.
  const std::string text = sent.back()["text"];
  EXPECT_NE(text.find("Isi laporan terlalu pendek (minimal 30 karakter)"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("too_short"), std::string::npos) << text;
  EXPECT_EQ(text.find("body"), std::string::npos) << text;
  EXPECT_EQ(text.find('_'), std::string::npos) << text;

  // A sender whose gateway says they read English gets the answer in English.
  res = inbound("sms", {{"from", "081244446666"}, {"text", "x"}, {"language", "en"}});
  EXPECT_EQ(res->status, 422);
  deliver();
  const std::string english = gateway.received().back()["text"];
  EXPECT_EQ(gateway.received().back()["to"], "+6281244446666");
  EXPECT_NE(english.find("your message could not become a report yet"), std::string::npos)
      << english;
  EXPECT_NE(english.find("The description is too short (at least 30 characters)"),
            std::string::npos)
      << english;
  EXPECT_EQ(english.find('_'), std::string::npos) << english;
}

// `aduan jobs run` is the job of `aduan serve`, notifier included: given serve's
// configuration, one run over the same store queues the same messages (the outbox rows of
// the run, without their random message IDs).
TEST_F(Notifications, JobsRunQueuesWhatTheServeJobQueues) {
  // Months ago: one report resolved (auto-close due since), one the agency still holds
  // (escalation due since), one from a citizen with only a phone, resolved.
  server.clock().set(kMonday10Wib - 150 * kDay);
  const StaffSession coordinator = server.login("koordinator");
  const StaffSession admin = server.login("admin.dpupr");
  httplib::Client c = server.client();
  auto act = [&](const StaffSession& s, const std::string& id, json body) {
    body["version"] =
        json::parse(c.Get(("/api/v1/staff/reports/" + id).c_str(), s.headers())->body)["version"];
    auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), s.headers(),
                      body.dump(), "application/json");
    EXPECT_EQ(res->status, 200) << res->body;
  };
  auto resolve = [&](const std::string& id) {
    act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}});
    act(admin, id, {{"action", "respond"}, {"note", "Tim kami akan ke lokasi besok."}});
    act(admin, id, {{"action", "resolve"}, {"note", "Jalan sudah ditambal seluruhnya."}});
  };
  const auto [resolved, pin1] = server.submit({{"incident_date", "2026-06-01"}});
  resolve(resolved);
  const auto [held, pin2] = server.submit({{"incident_date", "2026-06-01"}});
  act(coordinator, held, {{"action", "forward"}, {"agency", "DPUPR"}});
  const auto [by_phone, pin3] = server.submit(
      {{"incident_date", "2026-06-01"}, {"reporter", json{{"phone", "0813 1111 2222"}}}});
  resolve(by_phone);

  // Now (the binary reads the system clock): a copy of the store for the command line.
  server.clock().set(std::time(nullptr));
  const std::filesystem::path copy = server.dir() / "copy.db";
  int64_t before = 0;
  {
    const auto db = server.open_db();
    db->exec("VACUUM INTO '" + copy.string() + "'");
    before = query_int64(*db, "SELECT COALESCE(MAX(id), 0) FROM notifications");
  }
  using Row = std::tuple<std::string, std::string, std::string, int64_t, std::string, int>;
  auto queued = [&](const std::filesystem::path& path) {
    SqliteDb db(path.string(), SQLite::OPEN_READONLY);
    Prepared q(db,
               "SELECT event, channel, recipient, COALESCE(report_id, 0), subject, "
               "to_citizen FROM notifications WHERE id > ?");
    q.bind(1, before);
    std::multiset<Row> out;
    while (q.executeStep()) {
      out.insert({q.getColumn(0).getString(), q.getColumn(1).getString(),
                  q.getColumn(2).getString(), q.getColumn(3).getInt64(), q.getColumn(4).getString(),
                  q.getColumn(5).getInt()});
    }
    return out;
  };

  // The job inside serve.
  const JobRun run = server.app().job().run_once();
  EXPECT_EQ(run.auto_closed, 2);
  EXPECT_GE(run.escalated, 1);
  const auto serve_rows = queued(server.db_path());
  std::set<std::string> events;
  for (const Row& r : serve_rows) events.insert(std::get<0>(r));
  EXPECT_TRUE(events.count("escalated"));
  EXPECT_TRUE(events.count("citizen_update"));  // the closures, to the citizens

  // The command line, with serve's configuration file.
  const NotifyConfig& n = server.app().notifier().config();
  const json file{{"public_url", n.public_url},
                  {"smtp", {{"url", n.smtp->url}, {"from", n.smtp->from}, {"timeout_seconds", 2}}},
                  {"gateway", {{"url", n.gateway->url}, {"secret", n.gateway->secret}}},
                  {"inbound_secret", n.inbound_secret}};
  const std::filesystem::path config = server.dir() / "notify.json";
  std::ofstream(config) << file.dump();
  const std::filesystem::path out = server.dir() / "jobs.out";
  const std::string command = std::string(ADUAN_BIN) + " jobs run --db " + copy.string() +
                              " --audit-key " + server.key_path().string() + " --notify-config " +
                              config.string() + " > " + out.string() + " 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream printed(out);
  const std::string said((std::istreambuf_iterator<char>(printed)), {});
  EXPECT_NE(said.find("auto-closed 2, escalated " + std::to_string(run.escalated)),
            std::string::npos)
      << said;
  const auto cli_rows = queued(copy);
  EXPECT_FALSE(cli_rows.empty());
  EXPECT_EQ(cli_rows, serve_rows);

  // Without the configuration the command says that it queues nothing.
  const std::string bare = std::string(ADUAN_BIN) + " jobs run --db " + copy.string() +
                           " --audit-key " + server.key_path().string() + " > " + out.string() +
                           " 2>&1";
  ASSERT_EQ(std::system(bare.c_str()), 0);
  std::ifstream warned(out);
  EXPECT_NE(std::string((std::istreambuf_iterator<char>(warned)), {}).find("--notify-config"),
            std::string::npos);
}

// The SMTP server in trouble: messages wait and arrive when it is back.
class SmtpFaults : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_ = [] {
    auto d = std::filesystem::temp_directory_path() /
             ("aduan-smtp-faults-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(d);
    return d;
  }();
  int port_ = free_port();
  GatewayReceiver gateway{kGatewaySecret};
  TestServer server{kLongSessions, config_for(port_, gateway.url())};

  void SetUp() override {
    // Only this test's messages: the demo's are taken as delivered.
    const auto db = server.open_db();
    db->exec("UPDATE notifications SET status = 'sent'");
  }

  int64_t pending() {
    const auto db = server.open_db();
    return query_int64(*db,
                       "SELECT count(*) FROM notifications WHERE status = 'pending' AND "
                       "channel = 'email'");
  }
  void later() { server.clock().advance(5); }
};

TEST_F(SmtpFaults, DownThenBack) {
  server.submit();
  const SendRound down = server.app().sender().run_once();
  EXPECT_EQ(down.sent, 0);  // every email waits
  EXPECT_EQ(down.failed, 0);
  EXPECT_GT(pending(), 0);
  SmtpSink sink(dir_, port_);
  later();
  server.app().sender().run_once();
  EXPECT_EQ(pending(), 0);
  EXPECT_FALSE(sink.messages().empty());
}

TEST_F(SmtpFaults, RefusingThenAccepting) {
  SmtpSink sink(dir_, port_, {"--refuse", "3"});
  server.submit();
  for (int i = 0; i < 4 && pending() > 0; ++i) {
    server.app().sender().run_once();
    later();
  }
  EXPECT_EQ(pending(), 0);
  // Two emails, three refusals: five tries in all, each refused one retried.
  const auto db = server.open_db();
  EXPECT_EQ(query_int64(*db,
                        "SELECT sum(attempts) FROM notifications WHERE channel = 'email' AND "
                        "status = 'sent' AND attempts > 0"),
            5);
  EXPECT_EQ(sink.messages().size(), 2u);
  for (const json& m : sink.messages()) EXPECT_FALSE(m["duplicate"].get<bool>());
}

TEST_F(SmtpFaults, SlowThenFast) {
  auto slow = std::make_unique<SmtpSink>(dir_, port_, std::vector<std::string>{"--delay", "4"});
  server.submit({{"reporter", json{{"email", "siti@contoh.id"}}}});
  const SendRound timed_out = server.app().sender().run_once();
  EXPECT_GT(timed_out.retried, 0);  // the 2-second timeout gave up on the slow server
  slow->stop();
  SmtpSink fast(dir_, port_);
  later();
  server.app().sender().run_once();
  EXPECT_EQ(pending(), 0);
  EXPECT_FALSE(fast.messages().empty());
}

}  // namespace
}  // namespace aduan::testing

// "My reports on any phone" over HTTP, with a real SMTP server and a real WhatsApp gateway
// receiving the codes: a report linked on one phone opens on another without its PIN, and
// what an attacker with only the public API, or with a copy of the database file, can do.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "notify/notification_sender.h"
#include "services/device_link_service.h"
#include "shared/tracking_id.h"
#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/test_peers.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

constexpr const char* kGatewaySecret = "gateway-secret-for-my-reports-0123456789";

struct Answer {
  int status = 0;
  json body;
  std::string text;
  std::string retry_after;
};

const std::filesystem::path& suite_dir() {
  static const std::filesystem::path dir = [] {
    const auto d =
        std::filesystem::temp_directory_path() / ("aduan-my-reports-" + std::to_string(::getpid()));
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
  return c;
}

// A contact no other test of this run uses (the SMTP server is shared by the suite).
std::string fresh_mail() {
  static std::atomic<int> n{0};
  return "warga" + std::to_string(++n) + "." + std::to_string(::getpid()) + "@contoh.id";
}

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

class MyReports : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sink_ = new SmtpSink(suite_dir()); }
  static void TearDownTestSuite() {
    delete sink_;
    std::filesystem::remove_all(suite_dir());
  }

  static Answer answer(const httplib::Result& res) {
    Answer a{res ? res->status : 0, json(), res ? res->body : "", ""};
    if (res) a.retry_after = res->get_header_value("Retry-After");
    if (res && !res->body.empty()) a.body = json::parse(res->body, nullptr, false);
    return a;
  }
  Answer get(const std::string& path, const httplib::Headers& headers = {}) {
    return answer(server.client().Get(path.c_str(), headers));
  }
  Answer post(const std::string& path, const json& body, const httplib::Headers& headers = {}) {
    return answer(server.client().Post(path.c_str(), headers, body.dump(), "application/json"));
  }
  Answer del(const std::string& path, const httplib::Headers& headers = {}) {
    return answer(server.client().Delete(path.c_str(), headers));
  }

  // The newest code that reached `to`, by e-mail or by the gateway; empty if none.
  std::string code_sent_to(const std::string& to) {
    server.app().sender().run_once();
    std::string code;
    const std::regex six("([0-9]{6})");
    std::smatch found;
    for (const json& m : sink_->messages()) {
      const std::string body = m.value("body", "");
      if (m["to"][0] == to && m["event"] == "link_code" && std::regex_search(body, found, six)) {
        code = found[1];
      }
    }
    for (const json& m : gateway.received()) {
      const std::string text = m.value("text", "");
      if (m["to"] == to && std::regex_search(text, found, six)) code = found[1];
    }
    return code;
  }

  // A phone signed in with `contact` (the code read where it was sent to `sent_to`).
  std::string sign_in(const std::string& contact, const std::string& sent_to = "") {
    const Answer asked = post("/api/v1/me/code", {{"contact", contact}});
    EXPECT_EQ(asked.status, 202) << asked.text;
    const std::string code = code_sent_to(sent_to.empty() ? contact : sent_to);
    EXPECT_EQ(code.size(), 6u) << "no code reached " << contact;
    const Answer in = post("/api/v1/me/session", {{"contact", contact}, {"code", code}});
    EXPECT_EQ(in.status, 201) << in.text;
    return in.body.value("token", "");
  }

  Answer link(const std::string& token, const std::string& id, const std::string& pin,
              json extra = json::object()) {
    extra["tracking_id"] = id;
    extra["pin"] = pin;
    return post("/api/v1/me/reports", extra, bearer(token));
  }

  std::vector<std::string> listed(const std::string& token) {
    std::vector<std::string> ids;
    const Answer list = get("/api/v1/me/reports", bearer(token));
    EXPECT_EQ(list.status, 200) << list.text;
    for (const json& r : list.body["items"]) ids.push_back(r["tracking_id"]);
    return ids;
  }

  Answer staff_act(const StaffSession& s, const std::string& id, json body) {
    body["version"] = get("/api/v1/staff/reports/" + id, s.headers()).body["version"];
    return post("/api/v1/staff/reports/" + id + "/actions", body, s.headers());
  }

  static SmtpSink* sink_;
  GatewayReceiver gateway{kGatewaySecret};
  TestServer server{{}, config_for(sink_->port(), gateway.url())};
};

SmtpSink* MyReports::sink_ = nullptr;

TEST_F(MyReports, AReportLinkedOnOnePhoneIsSeenAndAnsweredOnAnotherWithoutItsPin) {
  const auto [id, pin] = server.submit();
  const std::string mail = fresh_mail();
  const std::string phone_a = sign_in(mail);
  ASSERT_EQ(phone_a.size(), 64u);
  const Answer linked = link(phone_a, id, pin);
  ASSERT_EQ(linked.status, 200) << linked.text;
  EXPECT_EQ(linked.body["tracking_id"], id);

  // Phone B knows the e-mail (typed in other capitals) and gets a code there: no PIN.
  std::string shouted = mail;
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string phone_b = sign_in(shouted, mail);
  EXPECT_NE(phone_b, phone_a);
  EXPECT_EQ(listed(phone_b), std::vector<std::string>{id});
  const Answer opened = post("/api/v1/reports/" + id + "/access", json::object(), bearer(phone_b));
  ASSERT_EQ(opened.status, 200) << opened.text;
  EXPECT_TRUE(opened.body.contains("body"));  // the reporter's own view

  // Staff ask a question; phone B answers it.
  const StaffSession coordinator = server.login("koordinator");
  ASSERT_EQ(staff_act(coordinator, id, {{"action", "postpone"}, {"note", "Di RT berapa lampunya?"}})
                .status,
            200);
  const int64_t version =
      post("/api/v1/reports/" + id + "/access", json::object(), bearer(phone_b)).body["version"];
  const Answer answered =
      post("/api/v1/reports/" + id + "/actions",
           {{"action", "answer"}, {"note", "RT 04 RW 02."}, {"version", version}}, bearer(phone_b));
  ASSERT_EQ(answered.status, 200) << answered.text;
  EXPECT_EQ(answered.body["status"], "submitted");

  // Without the token (or with a made-up one) the same request is the stranger's.
  const Answer stranger = post("/api/v1/reports/" + id + "/access", json::object());
  EXPECT_EQ(stranger.status, 403);
  EXPECT_EQ(stranger.body["error"]["code"], "wrong_pin");
  const Answer forged =
      post("/api/v1/reports/" + id + "/access", json::object(), bearer(std::string(64, 'a')));
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(forged.body["error"]["code"], "device_signed_out");
}

TEST_F(MyReports, APhoneNumberGetsItsCodeByWhatsAppAndEverySpellingIsTheSameContact) {
  const auto [id, pin] = server.submit();
  const std::string phone_a = sign_in("0812-7777-1234", "+6281277771234");
  ASSERT_EQ(link(phone_a, id, pin).status, 200);
  const std::string phone_b = sign_in("+62 812 7777 1234", "+6281277771234");
  EXPECT_EQ(listed(phone_b), std::vector<std::string>{id});
  // Another report's PIN opens nothing on a phone it was not linked on.
  const auto [other, other_pin] = server.submit();
  const Answer not_linked =
      post("/api/v1/reports/" + other + "/access", json::object(), bearer(phone_b));
  EXPECT_EQ(not_linked.status, 403);
  EXPECT_EQ(not_linked.body["error"]["code"], "report_not_linked");
}

TEST_F(MyReports, ACodeWorksOnceForFifteenMinutesAndFiveTries) {
  const std::string mail = fresh_mail();
  ASSERT_EQ(post("/api/v1/me/code", {{"contact", mail}}).status, 202);
  const std::string code = code_sent_to(mail);
  ASSERT_EQ(code.size(), 6u);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  for (int i = 0; i < kLinkCodeAttempts; ++i) {
    const Answer refused = post("/api/v1/me/session", {{"contact", mail}, {"code", wrong}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(refused.body["error"]["code"], "wrong_code");
  }
  // Five wrong tries used the code up: the right one no longer signs in.
  EXPECT_EQ(post("/api/v1/me/session", {{"contact", mail}, {"code", code}}).status, 422);

  ASSERT_EQ(post("/api/v1/me/code", {{"contact", mail}}).status, 202);
  const std::string second = code_sent_to(mail);
  // A code sent to one contact signs in no other.
  EXPECT_EQ(post("/api/v1/me/session", {{"contact", fresh_mail()}, {"code", second}}).status, 422);
  ASSERT_EQ(post("/api/v1/me/session", {{"contact", mail}, {"code", second}}).status, 201);
  EXPECT_EQ(post("/api/v1/me/session", {{"contact", mail}, {"code", second}}).status, 422);

  ASSERT_EQ(post("/api/v1/me/code", {{"contact", mail}}).status, 202);
  const std::string third = code_sent_to(mail);
  server.clock().advance(kLinkCodeSeconds);
  const Answer late = post("/api/v1/me/session", {{"contact", mail}, {"code", third}});
  EXPECT_EQ(late.status, 422);
  EXPECT_EQ(late.body["error"]["code"], "wrong_code");
}

TEST_F(MyReports, TheAnswersTellNobodyWhetherAContactHasReports) {
  const auto [id, pin] = server.submit();
  const std::string with_reports = fresh_mail();
  ASSERT_EQ(link(sign_in(with_reports), id, pin).status, 200);
  const std::string without = fresh_mail();
  const Answer a = post("/api/v1/me/code", {{"contact", with_reports}});
  const Answer b = post("/api/v1/me/code", {{"contact", without}});
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.text, b.text);
  const Answer wrong_a = post("/api/v1/me/session", {{"contact", with_reports}, {"code", "12345"}});
  const Answer wrong_b = post("/api/v1/me/session", {{"contact", without}, {"code", "12345"}});
  EXPECT_EQ(wrong_a.status, wrong_b.status);
  EXPECT_EQ(wrong_a.text, wrong_b.text);
  // A contact without reports signs in to an empty list, as a first link needs.
  EXPECT_TRUE(listed(sign_in(without)).empty());
}

TEST_F(MyReports, CodesAreLimitedPerContactADayAndPerAddressAnHour) {
  const std::string mail = fresh_mail();
  for (int i = 0; i < kLinkCodesPerContact.max_failures; ++i) {
    ASSERT_EQ(post("/api/v1/me/code", {{"contact", mail}}).status, 202);
  }
  const Answer fourth = post("/api/v1/me/code", {{"contact", mail}});
  EXPECT_EQ(fourth.status, 429);
  EXPECT_FALSE(fourth.retry_after.empty());
  server.app().sender().run_once();
  int codes = 0;
  for (const json& m : sink_->messages()) codes += m["to"][0] == mail;
  EXPECT_EQ(codes, kLinkCodesPerContact.max_failures);  // the refused one sent nothing

  // The same address naming other contacts: 10 codes an hour in all.
  for (int i = kLinkCodesPerContact.max_failures; i < kLinkCodesPerAddress.max_failures; ++i) {
    ASSERT_EQ(post("/api/v1/me/code", {{"contact", fresh_mail()}}).status, 202);
  }
  EXPECT_EQ(post("/api/v1/me/code", {{"contact", fresh_mail()}}).status, 429);
  server.clock().advance(3600);
  EXPECT_EQ(post("/api/v1/me/code", {{"contact", fresh_mail()}}).status, 202);
  EXPECT_EQ(post("/api/v1/me/code", {{"contact", mail}}).status, 429);  // still the same day
  server.clock().advance(24 * 3600);
  EXPECT_EQ(post("/api/v1/me/code", {{"contact", mail}}).status, 202);
}

TEST_F(MyReports, WrongCodesFromOneAddressAreLimitedWhateverTheContact) {
  for (int i = 0; i < kLinkWrongCodesPerAddress.max_failures; ++i) {
    ASSERT_EQ(post("/api/v1/me/session", {{"contact", fresh_mail()}, {"code", "123456"}}).status,
              422);
  }
  const Answer limited = post("/api/v1/me/session", {{"contact", fresh_mail()}, {"code", "1"}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(limited.retry_after.empty());
}

TEST_F(MyReports, AnAnonymousReportIsLinkedOnlyWhenTheReporterSaysSo) {
  const auto [id, pin] = server.submit({{"anonymous", true}});
  const std::string token = sign_in(fresh_mail());
  const Answer refused = link(token, id, pin);
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.body["error"]["code"], "anonymous_needs_consent");
  EXPECT_TRUE(listed(token).empty());
  const Answer wrong_type = link(token, id, pin, {{"anonymous_consent", "ya"}});
  EXPECT_EQ(wrong_type.status, 422);
  const Answer consented = link(token, id, pin, {{"anonymous_consent", true}});
  ASSERT_EQ(consented.status, 200) << consented.text;
  EXPECT_EQ(consented.body["anonymous"], true);
  EXPECT_EQ(listed(token), std::vector<std::string>{id});
}

TEST_F(MyReports, LinkingNeedsTheRightPinAndASignedInPhone) {
  const auto [id, pin] = server.submit();
  const std::string token = sign_in(fresh_mail());
  const std::string wrong = pin == "00000000" ? "11111111" : "00000000";
  const Answer refused = link(token, id, wrong);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body["error"]["code"], "wrong_pin");
  EXPECT_EQ(link(token, id, "").status, 403);
  EXPECT_TRUE(listed(token).empty());
  EXPECT_EQ(link("", id, pin).status, 401);
  EXPECT_EQ(link(std::string(64, '0'), id, pin).status, 401);
  EXPECT_EQ(link(token, "NOT-AN-ID", pin).status, 400);
}

TEST_F(MyReports, UnlinkingAndSigningOutReachEveryPhoneThatShouldLoseAccess) {
  const auto [id, pin] = server.submit();
  const auto [kept, kept_pin] = server.submit();
  const std::string mail = fresh_mail();
  const std::string phone_a = sign_in(mail);
  const std::string phone_b = sign_in(mail);
  const std::string lost_phone = sign_in(mail);
  ASSERT_EQ(link(phone_a, id, pin).status, 200);
  ASSERT_EQ(link(phone_a, kept, kept_pin).status, 200);
  EXPECT_EQ(listed(phone_b), (std::vector<std::string>{kept, id}));  // the newest link first

  EXPECT_EQ(del("/api/v1/me/reports/" + id, bearer(phone_b)).status, 204);
  EXPECT_EQ(listed(phone_a), std::vector<std::string>{kept});
  EXPECT_EQ(post("/api/v1/reports/" + id + "/access", json::object(), bearer(phone_a)).status, 403);
  EXPECT_EQ(del("/api/v1/me/reports/" + id, bearer(phone_b)).status, 204);  // the same again

  // Phone A signs out: only phone A.
  EXPECT_EQ(del("/api/v1/me/session", bearer(phone_a)).status, 204);
  EXPECT_EQ(get("/api/v1/me/reports", bearer(phone_a)).status, 401);
  EXPECT_EQ(listed(phone_b), std::vector<std::string>{kept});
  // Phone B signs every phone out, the lost one too.
  EXPECT_EQ(del("/api/v1/me/sessions", bearer(phone_b)).status, 204);
  const Answer lost = get("/api/v1/me/reports", bearer(lost_phone));
  EXPECT_EQ(lost.status, 401);
  EXPECT_EQ(lost.body["error"]["code"], "device_signed_out");
  EXPECT_EQ(post("/api/v1/reports/" + kept + "/access", json::object(), bearer(lost_phone)).status,
            401);
  // The report's PIN still works as before.
  EXPECT_EQ(post("/api/v1/reports/" + kept + "/access", {{"pin", kept_pin}}).status, 200);
}

TEST_F(MyReports, APhoneStaysSignedInNinetyDays) {
  const std::string token = sign_in(fresh_mail());
  server.clock().advance(kDeviceSessionSeconds - 60);
  EXPECT_EQ(get("/api/v1/me/reports", bearer(token)).status, 200);
  server.clock().advance(60);
  EXPECT_EQ(get("/api/v1/me/reports", bearer(token)).status, 401);
  server.app().job().run_once();
  EXPECT_EQ(server.count_rows("contact_sessions"), 0);
}

TEST_F(MyReports, BadInputGetsAStableCodeNeverAFailure) {
  const Answer empty = post("/api/v1/me/code", json::object());
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(empty.body["errors"][0]["field"], "contact");
  EXPECT_EQ(empty.body["errors"][0]["code"], "contact_required");
  const Answer bad_mail = post("/api/v1/me/code", {{"contact", "budi@"}});
  EXPECT_EQ(bad_mail.body["errors"][0]["code"], "invalid_email");
  const Answer bad_phone = post("/api/v1/me/code", {{"contact", "12"}});
  EXPECT_EQ(bad_phone.body["errors"][0]["code"], "invalid_phone");
  EXPECT_EQ(post("/api/v1/me/code", json::array()).status, 400);
  EXPECT_EQ(answer(server.client().Post("/api/v1/me/session", "{", "application/json")).status,
            400);
  EXPECT_EQ(post("/api/v1/me/session", {{"contact", 5}, {"code", 5}}).status, 422);
  EXPECT_EQ(answer(server.client().Post("/api/v1/me/code", "contact=x", "text/plain")).status, 415);
  EXPECT_EQ(del("/api/v1/me/session").status, 401);
  EXPECT_EQ(get("/api/v1/me/reports", {{"Authorization", "Basic eDp5"}}).status, 401);
  EXPECT_EQ(del("/api/v1/me/reports/XX", bearer(sign_in(fresh_mail()))).status, 400);
}

TEST_F(MyReports, WithoutATransportForTheContactNoCodeIsPromised) {
  TestServer no_mail;  // neither SMTP nor a gateway
  auto res = no_mail.client().Post("/api/v1/me/code", json{{"contact", fresh_mail()}}.dump(),
                                   "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "contact_unreachable");
}

TEST_F(MyReports, StaffSeeNothingNewOfALinkedReport) {
  const auto [id, pin] = server.submit({{"anonymous", true}});
  const StaffSession coordinator = server.login("koordinator");
  const Answer before = get("/api/v1/staff/reports/" + id, coordinator.headers());
  ASSERT_EQ(before.status, 200);
  const std::string mail = fresh_mail();
  ASSERT_EQ(link(sign_in(mail), id, pin, {{"anonymous_consent", true}}).status, 200);
  const Answer after = get("/api/v1/staff/reports/" + id, coordinator.headers());
  EXPECT_EQ(after.text, before.text);  // no event, no new field, the same version
  EXPECT_EQ(after.text.find(mail), std::string::npos);
}

TEST_F(MyReports, ACopyOfTheDatabaseShowsNoContactNoCodeNoTokenAndNoLink) {
  const auto [id, pin] = server.submit({{"anonymous", true}});
  const auto [second, second_pin] = server.submit();
  const std::string mail = fresh_mail();
  const std::string token = sign_in(mail);
  ASSERT_EQ(link(token, id, pin, {{"anonymous_consent", true}}).status, 200);
  ASSERT_EQ(link(token, second, second_pin).status, 200);
  ASSERT_EQ(post("/api/v1/me/code", {{"contact", mail}}).status, 202);
  const std::string pending_code = code_sent_to(mail);

  const auto db = server.open_db();
  const auto id_of = [&db](const std::string& shown) {
    Prepared q(*db, "SELECT id FROM reports WHERE tracking_id = ?");
    q.bind(1, parse_tracking_id(shown).canonical);
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
  };
  const int64_t report_id = id_of(id);
  ASSERT_GT(report_id, 0);
  const std::string both = std::to_string(report_id) + "," + std::to_string(id_of(second));
  // Every value of the three tables, as text: no contact, code, token or report in them.
  for (const char* table : {"contact_codes", "contact_reports", "contact_sessions"}) {
    Prepared q(*db, std::string("SELECT * FROM ") + table);
    int rows = 0;
    while (q.executeStep()) {
      ++rows;
      for (int c = 0; c < q.getColumnCount(); ++c) {
        const Column col = q.getColumn(c);
        const std::string value(static_cast<const char*>(col.getBlob()), col.getBytes());
        EXPECT_EQ(value.find(mail), std::string::npos) << table;
        EXPECT_EQ(value.find(token), std::string::npos) << table;
        EXPECT_EQ(value.find(pending_code), std::string::npos) << table;
        EXPECT_NE(value, std::to_string(report_id)) << table;
        EXPECT_EQ(value.find(both), std::string::npos) << table;
      }
    }
    EXPECT_GT(rows, 0) << table;
  }
  // The sealed list's size does not count the reports.
  EXPECT_EQ(query_int64(*db, "SELECT length(sealed) FROM contact_reports"), 64 + 40);
  // The outbox keeps the code masked, and nothing once sent.
  Prepared q(*db,
             "SELECT count(*) FROM notifications WHERE event = 'link_code' AND "
             "(body LIKE '%' || ? || '%' OR length(coalesce(sealed_body, '')) > 0)");
  q.bind(1, pending_code);
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getInt(), 0);
}

}  // namespace
}  // namespace aduan::testing

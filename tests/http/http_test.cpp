// HTTP tests against the real routes and a real SQLite file on an ephemeral port.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "http/assets.h"
#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

httplib::Result post_json(httplib::Client& c, const std::string& body) {
  return c.Post("/api/v1/reports", body, "application/json");
}

class Http : public ::testing::Test {
 protected:
  TestServer server;
  httplib::Client client = server.client();
};

TEST_F(Http, SubmitThenTrack) {
  const int64_t before = server.count_rows("reports");
  auto res = post_json(client, valid_report().dump());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const json created = json::parse(res->body);
  EXPECT_EQ(created["status"], "submitted");
  const std::string id = created["tracking_id"];
  EXPECT_EQ(id.size(), 11u);
  EXPECT_EQ(res->get_header_value("Location"), "/api/v1/reports/" + id);
  // Verification: 3 working days from Monday.
  EXPECT_EQ(created["deadline"]["due"], "2026-11-26");
  EXPECT_EQ(server.count_rows("reports"), before + 1);

  // Typed the way a person would: lower case, no dashes.
  std::string typed;
  for (char ch : id) {
    if (ch != '-') typed.push_back(char(std::tolower(static_cast<unsigned char>(ch))));
  }
  res = client.Get(("/api/v1/reports/" + typed).c_str());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  // Anyone with the ID: the status, and nothing else before the report is verified.
  const json stranger = json::parse(res->body);
  EXPECT_EQ(stranger["tracking_id"], id);
  EXPECT_EQ(stranger["status"], "submitted");
  EXPECT_EQ(stranger["published"], false);
  EXPECT_FALSE(stranger.contains("title"));
  // The reporter, with the PIN: all of it.
  res = client.Post(("/api/v1/reports/" + typed + "/access").c_str(),
                    json{{"pin", created["pin"]}}.dump(), "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  const json view = json::parse(res->body);
  EXPECT_EQ(view["tracking_id"], id);
  EXPECT_EQ(view["status"], "submitted");
  EXPECT_EQ(view["title"], "Jalan berlubang di depan pasar");
  EXPECT_EQ(view["category"]["code"], "jalan-jembatan");
  EXPECT_EQ(view["agency"]["code"], "DPUPR");
  EXPECT_EQ(view["deadline"]["stage"], "verification");
  EXPECT_EQ(view["deadline"]["colour"], "green");
  EXPECT_EQ(view["deadline"]["working_days_left"], 3);
  ASSERT_EQ(view["timeline"].size(), 1u);
  EXPECT_EQ(view["timeline"][0]["action"], "submit");
  EXPECT_EQ(view["timeline"][0]["at"], "2026-11-23T10:00:00+07:00");
}

TEST_F(Http, DeadlineColourMovesWithTheClock) {
  auto res = post_json(client, valid_report().dump());
  ASSERT_EQ(res->status, 201);
  const json created = json::parse(res->body);
  const std::string id = created["tracking_id"];
  auto own = [&] {  // the reporter's view: a report waiting for verification is theirs alone
    return json::parse(client
                           .Post(("/api/v1/reports/" + id + "/access").c_str(),
                                 json{{"pin", created["pin"]}}.dump(), "application/json")
                           ->body);
  };
  server.clock().advance(3 * 86400);  // Thursday, the due day
  EXPECT_EQ(own()["deadline"]["colour"], "amber");
  server.clock().advance(86400);  // Friday: overdue
  const json view = own();
  EXPECT_EQ(view["deadline"]["colour"], "red");
  EXPECT_EQ(view["deadline"]["working_days_left"], -1);
}

TEST_F(Http, TrackingNeverShowsTheReporter) {
  json body = valid_report();
  body["anonymous"] = true;
  auto res = post_json(client, body.dump());
  ASSERT_EQ(res->status, 201);
  const json created = json::parse(res->body);
  const std::string id = created["tracking_id"];
  const std::string text = client.Get(("/api/v1/reports/" + id).c_str())->body;
  const std::string own = client
                              .Post(("/api/v1/reports/" + id + "/access").c_str(),
                                    json{{"pin", created["pin"]}}.dump(), "application/json")
                              ->body;
  for (const std::string& answer : {text, own}) {
    for (const char* secret : {"Siti", "8123", "siti@contoh.id", "6303015708900001", "reporter"}) {
      EXPECT_EQ(answer.find(secret), std::string::npos) << secret;
    }
  }
  EXPECT_TRUE(json::parse(own)["anonymous"].get<bool>());
  // Stored all the same, for the staff.
  const auto db = server.open_db();
  EXPECT_EQ(query_string(*db, "SELECT reporter_phone FROM reports ORDER BY id DESC LIMIT 1"),
            "+6281234567890");
}

TEST_F(Http, ConfidentialReportHidesItsContent) {
  json body = valid_report();
  body["confidential"] = true;
  auto res = post_json(client, body.dump());
  ASSERT_EQ(res->status, 201);
  const std::string id = json::parse(res->body)["tracking_id"];
  EXPECT_FALSE(json::parse(client.Get(("/api/v1/reports/" + id).c_str())->body).contains("title"));
  // Verified, it is still the reporter's and the staff's alone.
  const StaffSession coordinator = server.login("koordinator");
  res = client.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
                    json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", 1}}.dump(),
                    "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  const json view = json::parse(client.Get(("/api/v1/reports/" + id).c_str())->body);
  EXPECT_EQ(view["status"], "forwarded");
  EXPECT_FALSE(view.contains("title"));
  EXPECT_FALSE(view.contains("body"));
  EXPECT_FALSE(view.contains("location"));
  EXPECT_TRUE(view["confidential"].get<bool>());
}

TEST_F(Http, InvalidFieldsGive422WithEveryCodeAndStoreNothing) {
  const int64_t reports = server.count_rows("reports");
  const int64_t events = server.count_rows("report_events");
  json body = valid_report();
  body["title"] = "Rusak";
  body["incident_date"] = "2026-12-01";
  body["reporter"]["phone"] = "12345";
  body["category"] = 7;
  auto res = post_json(client, body.dump());
  ASSERT_EQ(res->status, 422);
  const json err = json::parse(res->body);
  EXPECT_EQ(err["error"]["code"], "validation_failed");
  std::map<std::string, std::string> codes;
  for (const json& e : err["errors"]) codes[e["field"]] = e["code"];
  EXPECT_EQ(codes, (std::map<std::string, std::string>{{"title", "too_short"},
                                                       {"incident_date", "in_future"},
                                                       {"reporter.phone", "invalid_phone"},
                                                       {"category", "wrong_type"}}));
  EXPECT_EQ(server.count_rows("reports"), reports);
  EXPECT_EQ(server.count_rows("report_events"), events);
}

TEST_F(Http, MalformedBodiesGive400) {
  const int64_t reports = server.count_rows("reports");
  for (const std::string body :
       {"{", "", "[1,2]", "\"text\"", "{\"title\": \"\xff\xfe\"}", "nul"}) {
    auto res = post_json(client, body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << body;
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "malformed_json");
  }
  auto res = client.Post("/api/v1/reports", valid_report().dump(), "text/plain");
  EXPECT_EQ(res->status, 415);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "unsupported_media_type");
  EXPECT_EQ(server.count_rows("reports"), reports);
}

TEST_F(Http, BodyOverOneMebibyteGives413) {
  json body = valid_report();
  body["body"] = std::string((1 << 20) + 10, 'a');
  auto res = post_json(client, body.dump());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "payload_too_large");
}

TEST_F(Http, LongBodyUnderTheLimitIsValidatedNot413) {
  json body = valid_report();
  body["body"] = std::string(6000, 'a');
  auto res = post_json(client, body.dump());
  EXPECT_EQ(res->status, 422);
  EXPECT_EQ(json::parse(res->body)["errors"][0]["code"], "too_long");
}

TEST_F(Http, TrackingErrors) {
  auto res = client.Get("/api/v1/reports/ZZZ-ZZZ-ZZZ");
  // Either a wrong check character or, by chance, a valid ID that does not exist.
  ASSERT_TRUE(res->status == 400 || res->status == 404);
  // A valid ID nobody has: 404.
  res = client.Get("/api/v1/reports/226-BQ5-24T");
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "report_not_found");
  // One character off: 400 bad_check_character, caught before any lookup.
  res = client.Get("/api/v1/reports/226-BQ5-24V");
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "bad_check_character");
  res = client.Get("/api/v1/reports/abc");
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "invalid_tracking_id");
  res = client.Get("/api/v1/nothing-here");
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "not_found");
}

TEST_F(Http, CatalogueLists) {
  auto res = client.Get("/api/v1/categories");
  ASSERT_EQ(res->status, 200);
  const json categories = json::parse(res->body);
  ASSERT_GE(categories.size(), 10u);
  for (const json& c : categories) {
    EXPECT_TRUE(c["code"].is_string());
    EXPECT_TRUE(c["name"].is_string());
  }
  res = client.Get("/api/v1/agencies");
  ASSERT_EQ(res->status, 200);
  const json agencies = json::parse(res->body);
  EXPECT_GE(agencies.size(), 12u);
  bool has_unit = false;
  for (const json& a : agencies) has_unit |= a.contains("parent");
  EXPECT_TRUE(has_unit);
}

TEST_F(Http, HealthAndSecurityHeaders) {
  auto res = client.Get("/healthz");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body)["status"], "ok");
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(Http, ServesEmbeddedPagesAndWasm) {
  auto res = client.Get("/");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  // The page policies go with what a browser reads as a document or a worker, not with
  // each script, style sheet or image of the page; nosniff goes with everything.
  for (const char* path : {"/", "/track.html", "/staff/", "/sw.js", "/favicon.svg"}) {
    auto doc = client.Get(path);
    EXPECT_NE(doc->get_header_value("Content-Security-Policy").find("script-src 'self'"),
              std::string::npos)
        << path;
    EXPECT_EQ(doc->get_header_value("X-Frame-Options"), "DENY") << path;
  }
  for (const char* path : {"/js/submit.js", "/css/app.css", "/wasm/aduan_core.wasm"}) {
    auto sub = client.Get(path);
    EXPECT_EQ(sub->status, 200) << path;
    EXPECT_FALSE(sub->has_header("Content-Security-Policy")) << path;
    EXPECT_EQ(sub->get_header_value("X-Content-Type-Options"), "nosniff") << path;
  }
  EXPECT_NE(res->body.find("<html"), std::string::npos);
  const std::string etag = res->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  res = client.Get("/", {{"If-None-Match", etag}});
  EXPECT_EQ(res->status, 304);
  res = client.Get("/wasm/aduan_core.wasm");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/wasm");
  EXPECT_EQ(res->body.substr(0, 4), std::string("\0asm", 4));
  res = client.Get("/wasm/aduan_core.mjs");
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(client.Get("/../etc/passwd")->status, 404);
}

TEST_F(Http, ConcurrentSubmissionsAllLand) {
  const int64_t before = server.count_rows("reports");
  const int64_t events_before = server.count_rows("report_events");
  std::vector<std::thread> threads;
  std::atomic<int> created{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      httplib::Client c = server.client();
      for (int i = 0; i < 10; ++i) {
        auto res = post_json(c, valid_report().dump());
        if (res && res->status == 201) ++created;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 40);
  EXPECT_EQ(server.count_rows("reports"), before + 40);
  EXPECT_EQ(server.count_rows("report_events"), events_before + 40);
}

}  // namespace
}  // namespace aduan::testing

namespace aduan {
namespace {

TEST(Assets, DiskFolderFirstThenTheEmbeddedCopy) {
  const auto dir = std::filesystem::temp_directory_path() / "aduan-assets-test";
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "index.html") << "<html>from disk</html>"; }
  const AssetSource assets(dir.string());
  EXPECT_EQ(assets.find("/")->body, "<html>from disk</html>");
  // Not on disk: the embedded file, whole.
  const auto core = assets.find("/wasm/aduan_core.mjs");
  ASSERT_TRUE(core);
  EXPECT_GT(core->body.size(), 1000u);
  EXPECT_NE(assets.find("/staff/")->body.find("login-form"), std::string::npos);
  EXPECT_FALSE(assets.find("/../etc/passwd"));
  EXPECT_FALSE(assets.find("/.git/config"));
  EXPECT_FALSE(assets.find("/nothing.html"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace aduan

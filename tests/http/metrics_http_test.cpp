// GET /metrics: who may scrape it, and that its figures follow what the server did.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/test_paths.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

class Metrics : public ::testing::Test {
 protected:
  std::string create_key(const std::string& scope) {
    httplib::Client c = server.client();
    auto res =
        c.Post("/api/v1/admin/api-keys", admin.headers(),
               json{{"name", "scraper " + scope}, {"scopes", {scope}}}.dump(), "application/json");
    EXPECT_EQ(res->status, 201) << res->body;
    return json::parse(res->body)["key"];
  }
  httplib::Result scrape(const std::string& key) {
    httplib::Client c = server.client();
    return c.Get("/metrics", {{"Authorization", "Bearer " + key}});
  }
  // The value of the sample line that starts with `series` ("name{labels}"), or -2.
  static double sample(const std::string& text, const std::string& series) {
    const size_t at = text.find("\n" + series + " ");
    if (at == std::string::npos) return -2;
    return std::stod(text.substr(at + series.size() + 2));
  }

  TestServer server;
  StaffSession admin = server.login("sysadmin");
};

TEST_F(Metrics, OnlyAMetricsKeyOrAnAdminMayScrape) {
  httplib::Client c = server.client();
  EXPECT_EQ(c.Get("/metrics")->status, 401);
  EXPECT_EQ(scrape("aduan_" + std::string(48, '0'))->status, 401);
  EXPECT_EQ(scrape(create_key("open311"))->status, 401);  // a key for another purpose
  EXPECT_EQ(c.Get("/metrics", server.login("koordinator").headers())->status, 401);
  EXPECT_EQ(c.Get("/metrics", admin.headers())->status, 200);
  auto res = scrape(create_key("metrics"));
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
}

TEST_F(Metrics, CountsRequestsByRouteAndStatusAndTheStore) {
  const std::string key = create_key("metrics");
  const double submitted_before = sample(scrape(key)->body, R"(aduan_reports{status="submitted"})");
  ASSERT_GE(submitted_before, 1);  // the demo's
  server.submit();
  server.submit();
  httplib::Client c = server.client();
  EXPECT_EQ(c.Get("/api/v1/nothing-here")->status, 404);
  // A request is counted once its answer has been written, so a scrape right after it may
  // come a moment early: wait for the count rather than assume it.
  const std::string submit = R"(route="POST /api/v1/reports",status="201")";
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text = scrape(key)->body;
    if (sample(text, "aduan_http_request_duration_seconds_count{" + submit + "}") == 2 &&
        text.find(R"(route="other",status="404")") != std::string::npos)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(sample(text, "aduan_http_request_duration_seconds_count{" + submit + "}"), 2);
  EXPECT_EQ(sample(text, "aduan_http_request_duration_seconds_bucket{" + submit + R"(,le="+Inf"})"),
            2);
  EXPECT_GT(sample(text, "aduan_http_request_duration_seconds_sum{" + submit + "}"), 0);
  // Buckets are cumulative: no bucket holds more than the next.
  EXPECT_LE(
      sample(text, "aduan_http_request_duration_seconds_bucket{" + submit + R"(,le="0.001"})"),
      sample(text, "aduan_http_request_duration_seconds_bucket{" + submit + R"(,le="2.5"})"));
  EXPECT_NE(text.find(R"(route="other",status="404")"), std::string::npos);
  EXPECT_EQ(sample(text, R"(aduan_reports{status="submitted"})"), submitted_before + 2);
  EXPECT_GE(sample(text, R"(aduan_outbox_messages{status="pending"})"), 0);
  EXPECT_EQ(sample(text, R"(aduan_outbox_messages{status="failed"})"), 0);
  // The lag is the time since the deadline job last finished a pass.
  server.app().job().run_once();
  server.clock().advance(90);
  const std::string later = scrape(key)->body;
  EXPECT_EQ(sample(later, "aduan_deadline_job_lag_seconds"), 90);
  EXPECT_EQ(sample(later, "aduan_deadline_job_backlog"), 0);
}

// Read as Prometheus reads it: the Python client's parser takes every line, each family has
// its HELP and TYPE, routes are labelled by template, known statuses are there at 0, and the
// request counter ends in _total.
TEST_F(Metrics, FollowsThePrometheusConventions) {
  const std::string key = create_key("metrics");
  const auto [id, pin] = server.submit();
  httplib::Client c = server.client();
  ASSERT_EQ(c.Get(("/api/v1/reports/" + id).c_str())->status, 200);
  ASSERT_EQ(c.Get("/open311/v2/requests.xml")->status, 200);
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text = scrape(key)->body;
    if (text.find(R"(route="GET /open311/v2/requests.{format}")") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(
      sample(
          text,
          R"(aduan_http_requests_total{route="GET /api/v1/reports/{tracking_id}",status="200"})"),
      1)
      << text;
  EXPECT_EQ(
      sample(
          text,
          R"(aduan_http_requests_total{route="GET /open311/v2/requests.{format}",status="200"})"),
      1);
  EXPECT_EQ(text.find("\\"), std::string::npos);  // no regular expression in any label
  // Every status has its series, those no report has reached at 0.
  for (const char* status : {"submitted", "postponed", "forwarded", "in_progress", "escalated",
                             "resolved", "closed", "archived"}) {
    EXPECT_GE(sample(text, std::string("aduan_reports{status=\"") + status + "\"}"), 0) << status;
  }
  EXPECT_EQ(sample(text, R"(aduan_reports{status="closed"})"), 0);

  const auto scrape_file = server.dir() / "scrape.txt";
  std::ofstream(scrape_file) << text;
  const CommandResult check = run_command(std::string("/usr/bin/python3 ") + ADUAN_CHECK_METRICS +
                                          " < " + scrape_file.string());
  const std::string& report = check.output;
  EXPECT_EQ(check.status, 0) << report;
  EXPECT_NE(report.find("aduan_http_requests counter"), std::string::npos) << report;
  EXPECT_NE(report.find("aduan_http_request_duration_seconds histogram"), std::string::npos)
      << report;
  EXPECT_NE(report.find("aduan_reports gauge"), std::string::npos) << report;
}

}  // namespace
}  // namespace aduan::testing

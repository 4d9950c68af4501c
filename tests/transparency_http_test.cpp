// The public list and statistics: what anyone may read without a tracking ID.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

class Transparency : public ::testing::Test {
 protected:
  json get(const std::string& path) {
    httplib::Client c = server.client();
    auto res = c.Get(path.c_str());
    EXPECT_EQ(res->status, 200) << path << " " << res->body;
    return json::parse(res->body);
  }
  TestServer server;
};

TEST_F(Transparency, ListShowsOnlyWhatIsPublicAndNeverTheReporter) {
  const auto [open_id, p1] = server.submit({{"title", "Trotoar rusak di Jalan Pramuka"}});
  const auto [secret_id, p2] =
      server.submit({{"title", "Pungutan liar di kantor kecamatan"}, {"confidential", true}});
  const auto [spam_id, p3] = server.submit({{"title", "Iklan obat kuat murah sekali"}});
  const StaffSession coordinator = server.login("koordinator");
  httplib::Client c = server.client();
  ASSERT_EQ(c.Post(("/api/v1/staff/reports/" + spam_id + "/actions").c_str(), coordinator.headers(),
                   json{{"action", "archive"}, {"archive_reason", "spam"}, {"version", 1}}.dump(),
                   "application/json")
                ->status,
            200);
  const json list = get("/api/v1/public/reports?per_page=100");
  std::set<std::string> ids;
  for (const json& item : list["items"]) ids.insert(item["tracking_id"]);
  EXPECT_TRUE(ids.count(open_id));
  EXPECT_FALSE(ids.count(secret_id));
  EXPECT_FALSE(ids.count(spam_id));
  const std::string text = list.dump();
  for (const char* secret : {"Siti", "+6281234567890", "siti@contoh.id", "6303015708900001",
                             "Pungutan liar", "obat kuat"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
}

TEST_F(Transparency, SearchAndFilters) {
  server.submit({{"title", "Trotoar rusak di Jalan Pramuka"}});
  server.submit({{"title", "Saluran air mampet 100% di gang"}, {"category", "air-bersih"}});
  json found = get("/api/v1/public/reports?q=trotoar%20pramuka");
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["items"][0]["title"], "Trotoar rusak di Jalan Pramuka");
  EXPECT_FALSE(found["items"][0].contains("body"));
  // A literal percent sign matches only itself.
  EXPECT_EQ(get("/api/v1/public/reports?q=100%25")["total"], 1);
  EXPECT_EQ(get("/api/v1/public/reports?q=%25")["total"], 1);
  EXPECT_GE(get("/api/v1/public/reports?category=air-bersih")["total"].get<int>(), 2);
  EXPECT_EQ(get("/api/v1/public/reports?category=tidak-ada")["total"], 0);
  // The demo forwarded two reports to the roads agency.
  EXPECT_EQ(get("/api/v1/public/reports?agency=DPUPR")["total"], 2);
  httplib::Client c = server.client();
  EXPECT_EQ(c.Get("/api/v1/public/reports?status=flying")->status, 400);
}

TEST_F(Transparency, StatisticsCountPublicReportsOfThePeriod) {
  const json before = get("/api/v1/public/stats");
  server.submit();
  server.submit({{"confidential", true}});
  const json after = get("/api/v1/public/stats");
  EXPECT_EQ(after["total"].get<int>(), before["total"].get<int>() + 1);
  EXPECT_EQ(after["by_status"]["submitted"].get<int>(),
            before["by_status"]["submitted"].get<int>() + 1);
  EXPECT_EQ(after["by_channel"]["web"].get<int>(), after["total"].get<int>());
  // The demo's stale report was created months ago: outside this week.
  const json week = get("/api/v1/public/stats?from=2026-11-23&to=2026-11-29");
  EXPECT_EQ(week["total"].get<int>(), after["total"].get<int>() - 1);
  httplib::Client c = server.client();
  EXPECT_EQ(c.Get("/api/v1/public/stats?from=2026-12-01&to=2026-11-01")->status, 400);
  EXPECT_EQ(c.Get("/api/v1/public/stats?from=kemarin")->status, 400);
}

}  // namespace
}  // namespace aduan::testing

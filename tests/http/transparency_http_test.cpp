// The public list and statistics: what anyone may read without a tracking ID.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "shared/tracking_id.h"
#include "store/report_repository.h"
#include "store/sqlite_db.h"
#include "support/test_server.h"

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
  // Filed and verified (forwarded to `agency`): only such reports are published.
  std::string verified(json fields, const std::string& agency = "DPUPR") {
    const std::string id = server.submit(std::move(fields)).first;
    httplib::Client c = server.client();
    auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
                      json{{"action", "forward"}, {"agency", agency}, {"version", 1}}.dump(),
                      "application/json");
    EXPECT_EQ(res->status, 200) << res->body;
    return id;
  }
  TestServer server;
  StaffSession coordinator = server.login("koordinator");
};

TEST_F(Transparency, ListShowsOnlyWhatIsPublicAndNeverTheReporter) {
  const std::string open_id = verified({{"title", "Trotoar rusak di Jalan Pramuka"}});
  const std::string secret_id =
      verified({{"title", "Pungutan liar di kantor kecamatan"}, {"confidential", true}});
  const auto [waiting_id, p2] = server.submit({{"title", "Parkir liar di depan puskesmas"}});
  const auto [spam_id, p3] = server.submit({{"title", "Iklan obat kuat murah sekali"}});
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
  EXPECT_FALSE(ids.count(waiting_id));  // not verified yet
  const std::string text = list.dump();
  for (const char* secret : {"Siti", "+6281234567890", "siti@contoh.id", "6303015708900001",
                             "Pungutan liar", "obat kuat", "Parkir liar", "Jl. A. Yani km 39"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
}

TEST_F(Transparency, SearchAndFilters) {
  verified({{"title", "Trotoar rusak di Jalan Pramuka"}});
  verified({{"title", "Saluran air mampet 100% di gang"}, {"category", "air-bersih"}}, "PDAM");
  json found = get("/api/v1/public/reports?q=trotoar%20pramuka");
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["items"][0]["title"], "Trotoar rusak di Jalan Pramuka");
  EXPECT_FALSE(found["items"][0].contains("body"));
  // A literal percent sign matches only itself.
  EXPECT_EQ(get("/api/v1/public/reports?q=100%25")["total"], 1);
  EXPECT_EQ(get("/api/v1/public/reports?q=%25")["total"], 1);
  // The demo's water report waits for verification: only this one is published.
  EXPECT_EQ(get("/api/v1/public/reports?category=air-bersih")["total"], 1);
  EXPECT_EQ(get("/api/v1/public/reports?category=tidak-ada")["total"], 0);
  // The demo forwarded two reports to the roads agency, and so did this test.
  EXPECT_EQ(get("/api/v1/public/reports?agency=DPUPR")["total"], 3);
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

namespace aduan::testing {
namespace {

TEST(Export, StaffCsvIsStreamedScopedAndSafeForSpreadsheets) {
  TestServer server;
  const auto [id, pin] =
      server.submit({{"title", "=HYPERLINK(\"http://x\",\"klik\") jalan, \"rusak\""}});
  const StaffSession coordinator = server.login("koordinator");
  httplib::Client c = server.client();
  auto res = c.Get("/api/v1/staff/export/reports.csv", coordinator.headers());
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  const std::string& csv = res->body;
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3),
            "tracking_id,created_at,classification,status,category,agency,title,location,"
            "incident_date,channel,stage,due,colour,anonymous,confidential,rating");
  // Quoted, quotes doubled, and the formula defused with an apostrophe.
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\") jalan, \"\"rusak\"\"\""),
            std::string::npos);
  EXPECT_NE(csv.find(id), std::string::npos);
  EXPECT_EQ(csv.find("Siti"), std::string::npos);  // no reporter data in exports
  size_t rows = 0;
  for (size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++rows;
  EXPECT_EQ(rows, 1 + 5u);  // header, the demo's four reports and this one
  // An agency admin exports only their agency's reports.
  const StaffSession pdam = server.login("admin.pdam");
  const std::string theirs = c.Get("/api/v1/staff/export/reports.csv", pdam.headers())->body;
  EXPECT_EQ(theirs.find(id), std::string::npos);
}

TEST(Export, ManyRowsArriveWhole) {
  TestServer server;
  // 1200 reports through the same storage code, in one transaction.
  server.app().store().write([&](Db& db) {
    Transaction tx(db);
    for (int i = 0; i < 1200; ++i) {
      ReportRecord r;
      r.tracking_id = make_tracking_id(1000000 + i);
      r.classification = "complaint";
      r.title = "Laporan nomor " + std::to_string(i);
      r.body = "Isi laporan yang cukup panjang untuk lolos validasi.";
      r.incident_date = "2026-11-20";
      r.location.text = "Martapura";
      r.category_id = 1;
      r.channel = "web";
      r.created_at = r.updated_at = kMonday10Wib;
      ASSERT_TRUE(ReportRepository::insert(db, &r));
    }
    tx.commit();
  });
  const StaffSession coordinator = server.login("koordinator");
  httplib::Client c = server.client();
  const std::string csv = c.Get("/api/v1/staff/export/reports.csv", coordinator.headers())->body;
  size_t rows = 0;
  for (size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++rows;
  EXPECT_EQ(rows, 1 + 4 + 1200u);
  EXPECT_NE(csv.find("Laporan nomor 1199"), std::string::npos);
}

TEST(Export, PublicStatisticsAsCsv) {
  TestServer server;
  httplib::Client c = server.client();
  auto res = c.Get("/api/v1/public/stats.csv");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(res->body.find("by_status,submitted,,2\r\n"), std::string::npos);
  EXPECT_NE(res->body.find("by_agency,DPUPR,Dinas Pekerjaan Umum dan Penataan Ruang,2\r\n"),
            std::string::npos);
  EXPECT_EQ(c.Get("/api/v1/public/stats.csv?from=x")->status, 400);
}

}  // namespace
}  // namespace aduan::testing

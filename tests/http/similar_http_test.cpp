// Repeated reports: a citizen writing a complaint is offered the open reports with the same
// substance and can follow one; the coordinator sees likely duplicates with a score and
// marks one, whose reporter then hears of the original; the monitoring counts them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "shared/similarity.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

// Email configured (nothing sends in these tests; the outbox shows who would hear).
NotifyConfig with_email() {
  NotifyConfig c = default_notify_config();
  c.smtp = SmtpSettings{.url = "smtp://127.0.0.1:9", .from = "aduan@pemda.example"};
  return c;
}

class Similar : public ::testing::Test {
 protected:
  json post(const std::string& path, const json& body, int status = 200) {
    httplib::Client c = server.client();
    auto res = c.Post(path.c_str(), body.dump(), "application/json");
    EXPECT_EQ(res->status, status) << path << " " << res->body;
    return json::parse(res->body);
  }
  json staff_get(const std::string& path) {
    httplib::Client c = server.client();
    auto res = c.Get(path.c_str(), coordinator.headers());
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }
  // A staff action on the report at its current version.
  void act(const std::string& id, json action) {
    action["version"] = staff_get("/api/v1/staff/reports/" + id)["version"];
    httplib::Client c = server.client();
    auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
                      action.dump(), "application/json");
    EXPECT_EQ(res->status, 200) << res->body;
  }
  // Filed and verified (forwarded): only published reports are offered to citizens.
  std::string file(const std::string& title, const std::string& body,
                   const std::string& category = "jalan-jembatan") {
    const std::string id =
        server.submit(json{{"title", title}, {"body", body}, {"category", category}}).first;
    act(id, {{"action", "forward"}, {"agency", "DPUPR"}});
    return id;
  }

  TestServer server{AuthSettings{}, with_email()};
  StaffSession coordinator = server.login("koordinator");
};

// The villages of the report's regency are places in any case: the same fault in two villages
// of the demo regency (Kabupaten Banjar, 63.03) is two reports, in one village it is one.
TEST_F(Similar, TheVillagesOfTheRegencyKeepTwoPlacesApart) {
  const std::string tanipah =
      file("Jembatan kayu lapuk di tanipah",
           "jembatan kayu penghubung di tanipah sudah lapuk dan papannya banyak yang patah, "
           "anak sekolah takut lewat");
  auto offered = [&](const std::string& title, const std::string& body, const char* region) {
    json query = {{"title", title}, {"body", body}, {"category", "jalan-jembatan"}};
    if (region) query["region"] = region;
    const json answer = post("/api/v1/reports/similar", query);
    for (const json& item : answer["items"]) {
      if (item["tracking_id"] == tanipah) return true;
    }
    return false;
  };
  const std::string other_title = "jembatan kayu lapuk di pemurus";
  const std::string other_body =
      "jembatan kayu penghubung di pemurus sudah lapuk, papannya patah, anak sekolah takut "
      "melintas";
  EXPECT_FALSE(offered(other_title, other_body, "63.03.01"));
  EXPECT_FALSE(offered(other_title, other_body, "63.03"));
  // Without the regency "pemurus" is an ordinary lower-case word and the two look alike.
  EXPECT_TRUE(offered(other_title, other_body, nullptr));
  EXPECT_TRUE(offered(other_title, other_body, "99.99"));  // an unknown code adds no villages
  EXPECT_TRUE(offered("jembatan kayu di TANIPAH lapuk",
                      "jembatan penghubung di tanipah lapuk, papannya patah, anak sekolah takut",
                      "63.03.01"));
}

// The server reads reports with the thesaurus: a verb with a capital ("Dikejutkan") is no
// place, so a chat report of the same flood in an alley of the same village is at the one
// place the formal report names, and is marked as a likely duplicate (without the thesaurus,
// "kejut" would be a second place that the chat report does not name).
TEST_F(Similar, AVerbWithItsCapitalIsNoPlace) {
  const std::string flood = file("Banjir di Sukamaju",
                                 "Banjir di Sukamaju sejak tengah malam. Warga Dikejutkan air "
                                 "yang masuk ke rumah, perabot terendam.");
  const json answer = post("/api/v1/reports/similar",
                           {{"title", "banjir lagi"},
                            {"body", "semalem banjir di gg melati sukamaju, rumah kerendem"},
                            {"category", "jalan-jembatan"}});
  double score = 0;
  for (const json& item : answer["items"]) {
    if (item["tracking_id"] == flood) score = item["score"].get<double>();
  }
  EXPECT_GE(score, kSameSubstance);
}

TEST_F(Similar, CitizenIsOfferedTheSameProblemAndFollowsIt) {
  const std::string roads = file("Jalan berlubang besar di Jl. Merdeka depan SD Negeri 3",
                                 "Lubangnya makin lebar dan sudah dua minggu tidak diperbaiki, "
                                 "motor sering jatuh di sana.");
  file("Lampu penerangan jalan mati di Jl. Merdeka",
       "Sudah seminggu lampu jalan di depan SD Negeri 3 padam, gelap sekali di malam hari.");
  file("Jalan berlubang di Jl. Diponegoro dekat pasar",
       "Ada lubang besar di jalan Diponegoro yang membahayakan pengendara motor.");
  const std::string confidential =
      server
          .submit(json{{"title", "Jalan berlubang di Jl. Merdeka dekat SD Negeri 3"},
                       {"body", "Lubang besar di jalan Merdeka depan sekolah belum ditambal."},
                       {"category", "jalan-jembatan"},
                       {"confidential", true}})
          .first;

  const json offered = post("/api/v1/reports/similar",
                            {{"title", "Lubang di jalan Merdeka dekat SDN 3"},
                             {"body", "Lubang di jalan makin lebar, mohon segera ditambal."},
                             {"category", "jalan-jembatan"}});
  ASSERT_FALSE(offered["items"].empty()) << offered.dump();
  EXPECT_EQ(offered["items"][0]["tracking_id"], roads);  // the same place and problem first
  for (const json& item : offered["items"]) {
    EXPECT_NE(item["tracking_id"], confidential);  // never offered
    EXPECT_FALSE(item.contains("reporter"));
    EXPECT_LE(item["score"].get<double>(), 1.0);
  }
  // Another category, or nothing chosen yet: nothing to offer.
  EXPECT_TRUE(post("/api/v1/reports/similar", {{"title", "Lubang di jalan Merdeka"},
                                               {"body", "Lubang besar."},
                                               {"category", "sampah"}})["items"]
                  .empty());
  EXPECT_TRUE(
      post("/api/v1/reports/similar", {{"title", "Lubang di jalan Merdeka"}})["items"].empty());

  // A contact counts once it proved itself (Privacy.AFollowersContactProves...); a phone
  // cannot be reached where no gateway is configured.
  const json followed =
      post("/api/v1/reports/" + roads + "/follow", {{"email", "a@contoh.id"}}, 202);
  EXPECT_EQ(followed["followers"], 0);
  post("/api/v1/reports/" + roads + "/follow", {{"phone", "0812 3456 7890"}}, 422);
  EXPECT_EQ(post("/api/v1/reports/" + roads + "/follow", json::object())["followers"], 1);
  EXPECT_EQ(post("/api/v1/reports/" + roads + "/follow", json::object())["followers"], 2);
  EXPECT_EQ(
      post("/api/v1/reports/" + roads + "/follow", {{"phone", "12"}}, 422)["errors"][0]["field"],
      "phone");
  post("/api/v1/reports/" + confidential + "/follow", json::object(), 404);
  // The count is on the public tracking page.
  httplib::Client c = server.client();
  EXPECT_EQ(json::parse(c.Get(("/api/v1/reports/" + roads).c_str())->body)["followers"], 2);
}

// Each server keeps the newest postings of the terms it followed (store/postings_cache.h) and
// still offers what a full read would: a report filed since the list was kept, one made
// public by its reporter, whose postings come under its old id, older than the newest the
// list holds, and none taken out of the search.
TEST_F(Similar, KeptPostingsFollowEveryChangeAtOnce) {
  const std::string title = "Jembatan kayu lapuk di Sungai Tabuk";
  const std::string body = "Jembatan kayu penghubung dua desa sudah lapuk, papannya patah.";
  auto offered = [&] {
    std::set<std::string> ids;
    const json answer = post("/api/v1/reports/similar",
                             {{"title", title}, {"body", body}, {"category", "jalan-jembatan"}});
    for (const json& item : answer["items"]) ids.insert(item["tracking_id"].get<std::string>());
    return ids;
  };
  const auto [hidden, pin] = server.submit(json{{"title", title},
                                                {"body", body + " Mohon segera diperbaiki."},
                                                {"category", "jalan-jembatan"},
                                                {"confidential", true}});
  act(hidden, {{"action", "forward"}, {"agency", "DPUPR"}});
  const std::string second = file(title, body + " Anak sekolah takut lewat.");
  EXPECT_EQ(offered(), std::set<std::string>{second});

  const json access = post("/api/v1/reports/" + hidden + "/access", {{"pin", pin}});
  post("/api/v1/reports/" + hidden + "/actions", {{"action", "privacy"},
                                                  {"confidential", false},
                                                  {"pin", pin},
                                                  {"version", access["version"]}});
  EXPECT_EQ(offered(), (std::set<std::string>{hidden, second}));
  const std::string third = file(title, body + " Sudah dua minggu begini.");
  EXPECT_EQ(offered(), (std::set<std::string>{hidden, second, third}));
  act(second, {{"action", "privacy"}, {"confidential", true}});
  EXPECT_EQ(offered(), (std::set<std::string>{hidden, third}));
}

TEST_F(Similar, CoordinatorMarksADuplicateAndItsReporterHearsOfTheOriginal) {
  // Not yet verified: the staff see likely duplicates among every report.
  const std::string original =
      server
          .submit(json{{"title", "Saluran drainase tersumbat di Jl. Ahmad Yani"},
                       {"body",
                        "Got di jalan Ahmad Yani mampet sehingga air "
                        "meluap ke jalan setiap hujan deras."},
                       {"category", "jalan-jembatan"}})
          .first;
  const std::string again = server
                                .submit(json{{"title", "Got mampet di jalan Ahmad Yani"},
                                             {"body",
                                              "Saluran air di jalan Ahmad Yani tersumbat sampah, "
                                              "banjir setiap hujan."},
                                             {"category", "jalan-jembatan"},
                                             {"reporter", {{"email", "warga@contoh.id"}}}})
                                .first;
  const json similar = staff_get("/api/v1/staff/reports/" + again + "/similar");
  ASSERT_FALSE(similar["items"].empty());
  EXPECT_EQ(similar["items"][0]["tracking_id"], original);
  EXPECT_TRUE(similar["items"][0]["likely_duplicate"].get<bool>());
  EXPECT_GE(similar["items"][0]["score"].get<double>(), kSameSubstance);

  httplib::Client c = server.client();
  const json r = staff_get("/api/v1/staff/reports/" + again);
  auto bad = c.Post(("/api/v1/staff/reports/" + again + "/actions").c_str(), coordinator.headers(),
                    json{{"action", "archive"},
                         {"archive_reason", "duplicate"},
                         {"duplicate_of", again},
                         {"version", r["version"]}}
                        .dump(),
                    "application/json");
  EXPECT_EQ(bad->status, 422);  // not a duplicate of itself
  auto res = c.Post(("/api/v1/staff/reports/" + again + "/actions").c_str(), coordinator.headers(),
                    json{{"action", "archive"},
                         {"archive_reason", "duplicate"},
                         {"duplicate_of", original},
                         {"version", r["version"]}}
                        .dump(),
                    "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(staff_get("/api/v1/staff/reports/" + original)["followers"], 1);
  // No longer offered to anyone: it is archived.
  const json offered = staff_get("/api/v1/staff/reports/" + original + "/similar");
  for (const json& item : offered["items"]) {
    EXPECT_NE(item["tracking_id"], again);
  }
  // The original's next public update (the agency's response) goes to the duplicate's
  // reporter too.
  const int64_t before = server.count_rows("notifications WHERE recipient = 'warga@contoh.id'");
  json o = staff_get("/api/v1/staff/reports/" + original);
  res = c.Post(("/api/v1/staff/reports/" + original + "/actions").c_str(), coordinator.headers(),
               json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", o["version"]}}.dump(),
               "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  const StaffSession dpupr = server.login("admin.dpupr");
  o = json::parse(c.Get(("/api/v1/staff/reports/" + original).c_str(), dpupr.headers())->body);
  res = c.Post(("/api/v1/staff/reports/" + original + "/actions").c_str(), dpupr.headers(),
               json{{"action", "respond"},
                    {"note", "Tim kami akan membersihkan saluran minggu ini."},
                    {"version", o["version"]}}
                   .dump(),
               "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_GT(server.count_rows("notifications WHERE recipient = 'warga@contoh.id'"), before);
}

}  // namespace
}  // namespace aduan::testing

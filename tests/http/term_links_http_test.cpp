// Learning from staff marks: when the coordinator archives a report as a duplicate of
// another, the words that differ between the two link, and a later report written the way
// the duplicate was finds the original. Reviewers read the learned pairs and reject wrong
// ones; a rejected pair is neither used nor learned again; confidential reports teach
// nothing; the table stays within its bound.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "shared/similarity.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/term_links.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

class TermLinksHttp : public ::testing::Test {
 protected:
  json staff(const std::string& method, const std::string& path, const json& body = nullptr,
             int status = 200, const StaffSession* who = nullptr) {
    httplib::Client c = server.client();
    const httplib::Headers h = (who ? *who : coordinator).headers();
    auto res = method == "GET" ? c.Get(path.c_str(), h)
                               : c.Post(path.c_str(), h, body.dump(), "application/json");
    EXPECT_EQ(res->status, status) << method << " " << path << " " << res->body;
    return json::parse(res->body);
  }
  // Forwarded (published) unless it is to be marked a duplicate, which the coordinator does
  // before forwarding.
  std::string file(const std::string& title, const std::string& body, bool forward = true,
                   bool confidential = false) {
    const std::string id = server
                               .submit(json{{"title", title},
                                            {"body", body},
                                            {"category", "air-bersih"},
                                            {"confidential", confidential}})
                               .first;
    if (!forward) return id;
    const json r = staff("GET", "/api/v1/staff/reports/" + id);
    staff("POST", "/api/v1/staff/reports/" + id + "/actions",
          {{"action", "forward"}, {"agency", "PDAM"}, {"version", r["version"]}});
    return id;
  }
  void mark_duplicate(const std::string& id, const std::string& original) {
    const json r = staff("GET", "/api/v1/staff/reports/" + id);
    staff("POST", "/api/v1/staff/reports/" + id + "/actions",
          {{"action", "archive"},
           {"archive_reason", "duplicate"},
           {"duplicate_of", original},
           {"version", r["version"]}});
  }
  // The score of `id` among what a citizen writing `title`/`body` is offered; 0 when absent.
  double offered(const std::string& id, const std::string& title, const std::string& body) {
    httplib::Client c = server.client();
    auto res = c.Post("/api/v1/reports/similar",
                      json{{"title", title}, {"body", body}, {"category", "air-bersih"}}.dump(),
                      "application/json");
    EXPECT_EQ(res->status, 200) << res->body;
    const json answer = json::parse(res->body);
    for (const json& item : answer["items"]) {
      if (item["tracking_id"] == id) return item["score"].get<double>();
    }
    return 0;
  }
  json pairs() { return staff("GET", "/api/v1/admin/term-links?per_page=200"); }
  bool holds(const json& list, const std::string& a, const std::string& b) {
    for (const json& p : list["items"]) {
      if (p["term"] == a && p["linked"] == b) return true;
    }
    return false;
  }

  TestServer server;
  StaffSession coordinator = server.login("koordinator");
};

// The words of a water outage as an office writes them and as a neighbour types them.
const char* kFormalTitle = "Distribusi air PDAM terhenti di Perumahan Griya Asri";
const char* kFormalBody =
    "Pasokan air bersih dari PDAM terhenti total sejak tiga hari, warga kesulitan air.";
const char* kChatTitle = "ledeng mampet griya asri";
const char* kChatBody = "kran ledeng kering kerontang udah 3 hari di griya asri, tolong dong";

TEST_F(TermLinksHttp, ADuplicateMarkLinksTheWordsThatDifferAndALaterReportFindsTheOriginal) {
  const std::string original = file(kFormalTitle, kFormalBody);
  const std::string again = file(kChatTitle, kChatBody, false);
  const std::string other =
      file("Air PDAM keruh di Jalan Kenanga",
           "Air yang keluar dari keran berwarna coklat dan berbau sejak kemarin.");
  // Written like the duplicate, before anyone marked it: the original is not offered.
  const char* later_title = "ledeng kering di griya asri";
  const char* later_body = "kran ledeng kering lagi dari pagi, tolong diperiksa";
  const double before = offered(original, later_title, later_body);
  EXPECT_LT(before, 0.3);

  mark_duplicate(again, original);
  const json learned = pairs();
  ASSERT_GT(learned["total"].get<int>(), 0) << learned.dump();
  EXPECT_LE(learned["items"].size(), kMaxLinkTerms * kMaxLinkTerms);
  // "Pasokan" of the office's words and "kran" of the neighbour's ("keran": terms are stems
  // with their spellings unified).
  EXPECT_TRUE(holds(learned, "keran", "pasok")) << learned.dump();
  for (const json& p : learned["items"]) {
    EXPECT_EQ(p["marks"], 1);
    EXPECT_LT(p["term"].get<std::string>(), p["linked"].get<std::string>());
    // Places are never linked: "griya asri" is in both, and no other place is named.
    EXPECT_NE(p["term"], "griya");
    EXPECT_NE(p["linked"], "asri");
  }
  const double after = offered(original, later_title, later_body);
  EXPECT_GT(after, before);
  EXPECT_GE(after, 0.3) << "the original is offered once staff taught the words";
  // What was not linked still scores as before.
  EXPECT_EQ(offered(other, later_title, later_body), 0);

  // A reviewer rejects every learned pair: the original is no longer offered, and another
  // mark of the same kind teaches none of them again.
  for (const json& p : learned["items"]) {
    const json r = staff("POST", "/api/v1/admin/term-links/review",
                         {{"term", p["linked"]}, {"linked", p["term"]}, {"rejected", true}});
    EXPECT_TRUE(r["rejected"].get<bool>());
    EXPECT_EQ(r["strength"], 0);
  }
  EXPECT_EQ(offered(original, later_title, later_body), before);
  const std::string third =
      file("ledeng kering griya asri", "kran ledeng kering kerontang dari kemarin, tolong", false);
  mark_duplicate(third, original);
  const json relearned = pairs();
  for (const json& p : relearned["items"]) {
    if (p["rejected"].get<bool>()) {
      EXPECT_EQ(p["marks"], 1) << p.dump();
    }
  }
  // Taken back, the pair counts again.
  const json first = learned["items"][0];
  const json back =
      staff("POST", "/api/v1/admin/term-links/review",
            {{"term", first["term"]}, {"linked", first["linked"]}, {"rejected", false}});
  EXPECT_FALSE(back["rejected"].get<bool>());
  EXPECT_GT(back["strength"].get<double>(), 0);
}

TEST_F(TermLinksHttp, ConfidentialReportsTeachNothing) {
  const std::string original = file(kFormalTitle, kFormalBody);
  const std::string secret = file(kChatTitle, kChatBody, false, true);
  mark_duplicate(secret, original);
  EXPECT_EQ(pairs()["total"], 0);
  EXPECT_EQ(server.count_rows("term_links"), 0);
}

TEST_F(TermLinksHttp, OnlyReviewersReadAndReviewAndBadInputIsRefused) {
  StaffSession agency = server.login("admin.pdam");
  staff("GET", "/api/v1/admin/term-links", nullptr, 403, &agency);
  staff("POST", "/api/v1/admin/term-links/review",
        {{"term", "a"}, {"linked", "b"}, {"rejected", true}}, 403, &agency);
  StaffSession sysadmin = server.login("sysadmin");
  EXPECT_EQ(staff("GET", "/api/v1/admin/term-links", nullptr, 200, &sysadmin)["capacity"],
            kMaxTermLinks);
  httplib::Client c = server.client();
  EXPECT_EQ(c.Get("/api/v1/admin/term-links")->status, 401);

  const json missing = staff("POST", "/api/v1/admin/term-links/review", json::object(), 422);
  EXPECT_EQ(missing["errors"].size(), 3u) << missing.dump();
  staff("POST", "/api/v1/admin/term-links/review",
        {{"term", std::string(101, 'a')}, {"linked", "b"}, {"rejected", true}}, 422);
  const json typed = staff("POST", "/api/v1/admin/term-links/review",
                           {{"term", "a"}, {"linked", "b"}, {"rejected", "yes"}}, 422);
  EXPECT_EQ(typed["errors"].size(), 1u) << typed.dump();  // wrong type, not also missing
  EXPECT_EQ(
      staff("POST", "/api/v1/admin/term-links/review",
            {{"term", "pompa"}, {"linked", "sedot"}, {"rejected", true}}, 404)["error"]["code"],
      "term_link_not_found");
  auto raw =
      c.Post("/api/v1/admin/term-links/review", coordinator.headers(), "{", "application/json");
  EXPECT_EQ(raw->status, 400);
  EXPECT_EQ(server.count_rows("term_links"), 0);
}

TEST(TermLinks, TheTableKeepsItsBoundAndDropsTheLeastTaughtFirst) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("aduan-term-links-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    Store store(path.string(), 1);
    store.write([](Db& db) {
      Transaction tx(db);
      std::vector<std::pair<std::string, std::string>> twice{{"aaa", "bbb"}};
      TermLinks::teach(db, twice, 1);
      TermLinks::teach(db, twice, 2);
      TermLinks::teach(db, {{"ccc", "ddd"}}, 3);
      TermLinks::review(db, "ccc", "ddd", true, 4);  // rejected pairs are kept
      std::vector<std::pair<std::string, std::string>> many;
      for (int64_t i = 0; i < kMaxTermLinks; ++i) many.emplace_back("x" + std::to_string(i), "y");
      TermLinks::teach(db, many, 10);
      EXPECT_EQ(TermLinks::count(db), kMaxTermLinks);
      const LinkTable kept = TermLinks::load(db, {"aaa", "ccc", "y"});
      EXPECT_GT(kept.strength("bbb", "aaa"), 0);  // taught twice: kept
      EXPECT_EQ(kept.strength("ccc", "ddd"), 0);  // rejected: kept, never used
      EXPECT_TRUE(TermLinks::review(db, "ddd", "ccc", false, 11).has_value());
      tx.commit();
    });
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}

}  // namespace
}  // namespace aduan::testing

// The queue's tools over HTTP: saved views belong to the one who saved them, and a bulk
// action acts on each report as a single action would, each with its own version.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

struct Answer {
  int status = 0;
  json body;
};

class QueueTools : public ::testing::Test {
 protected:
  Answer send(const char* method, const StaffSession& s, const std::string& path,
              const json& body = nullptr) {
    httplib::Client c = server.client();
    httplib::Result res = std::string(method) == "GET" ? c.Get(path, s.headers())
                          : std::string(method) == "DELETE"
                              ? c.Delete(path, s.headers())
                              : c.Post(path, s.headers(), body.dump(), "application/json");
    return {res ? res->status : 0, res && !res->body.empty() ? json::parse(res->body) : json()};
  }

  json report(const StaffSession& s, const std::string& id) {
    const Answer a = send("GET", s, "/api/v1/staff/reports/" + id);
    EXPECT_EQ(a.status, 200) << a.body;
    return a.body;
  }

  Answer save(const StaffSession& s, const std::string& name, const std::string& query) {
    return send("POST", s, "/api/v1/staff/views", {{"name", name}, {"query", query}});
  }

  TestServer server;
  StaffSession coordinator = server.login("koordinator");
  StaffSession dpupr = server.login("admin.dpupr");
  StaffSession pdam = server.login("admin.pdam");
};

TEST_F(QueueTools, SavedViewsBelongToTheirOwnerAndHoldOnlyTheQueuesParameters) {
  const Answer first = save(dpupr, "Jalan lewat batas", "status=forwarded&overdue=1&sort=oldest");
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_EQ(save(dpupr, "Banyak pengikut", "sort=followers").status, 200);
  // The same name again replaces its query: one view, not two.
  const Answer again = save(dpupr, "Jalan lewat batas", "status=in_progress&overdue=1");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body["id"], first.body["id"]);

  const Answer mine = send("GET", dpupr, "/api/v1/staff/views");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.body.size(), 2u) << mine.body;
  EXPECT_EQ(mine.body[0]["name"], "Banyak pengikut");  // by name
  EXPECT_EQ(mine.body[1]["query"], "status=in_progress&overdue=1");

  // Another admin sees none of them and cannot delete them.
  EXPECT_EQ(send("GET", pdam, "/api/v1/staff/views").body, json::array());
  const std::string path = "/api/v1/staff/views/" + std::to_string(first.body["id"].get<int>());
  const Answer theirs = send("DELETE", pdam, path);
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(theirs.body["error"]["code"], "view_not_found");
  EXPECT_EQ(send("DELETE", dpupr, path).status, 204);
  EXPECT_EQ(send("GET", dpupr, "/api/v1/staff/views").body.size(), 1u);
  const Answer words = save(dpupr, "Lampu", "q=pju%20padam");  // words are fine
  ASSERT_EQ(words.status, 200) << words.body;
  ASSERT_EQ(
      send("DELETE", dpupr, "/api/v1/staff/views/" + std::to_string(words.body["id"].get<int>()))
          .status,
      204);

  // A query with another parameter, a page, a repeated key or raw punctuation is refused.
  for (const std::string bad :
       {"page=2", "status=forwarded&status=closed", "status=<b>", "secret=1", "status", "",
        // a reporter's contact typed as a search: kept without end, a list of them
        "q=0812%203456%207890", "q=siti%40contoh.id&sort=oldest"}) {
    const Answer a = save(dpupr, "x", bad);
    EXPECT_EQ(a.status, 422) << bad;
    EXPECT_EQ(a.body["errors"][0]["field"], "query") << bad;
  }
  EXPECT_EQ(save(dpupr, "   ", "sort=oldest").body["errors"][0]["code"], "blank");
  EXPECT_EQ(save(dpupr, std::string(61, 'a'), "sort=oldest").body["errors"][0]["code"], "too_long");
  EXPECT_EQ(server.count_rows("saved_views"), 1);
}

TEST_F(QueueTools, AUserKeepsAtMostTwentyViews) {
  for (int i = 1; i < 20; ++i) {
    ASSERT_EQ(save(coordinator, "Tampilan " + std::to_string(i), "sort=oldest").status, 200);
  }
  ASSERT_EQ(save(coordinator, "Tampilan 20", "sort=newest").status, 200);
  const Answer over = save(coordinator, "Tampilan 21", "sort=newest");
  EXPECT_EQ(over.status, 422);
  EXPECT_EQ(over.body["errors"][0]["code"], "too_many");
  // Replacing one of the twenty is still allowed.
  EXPECT_EQ(save(coordinator, "Tampilan 20", "sort=updated").status, 200);
  EXPECT_EQ(server.count_rows("saved_views"), 20);
}

TEST_F(QueueTools, ABulkForwardActsOnEachReportWithItsOwnVersion) {
  const std::string a = server.submit().first;
  const std::string b = server.submit().first;
  const std::string c = server.submit().first;
  const json seen_b = report(coordinator, b);
  // Meanwhile someone else postpones b: the version the page showed is stale.
  ASSERT_EQ(send("POST", coordinator, "/api/v1/staff/reports/" + b + "/actions",
                 {{"action", "postpone"},
                  {"note", "Mohon sebutkan nama jalannya."},
                  {"version", seen_b["version"]}})
                .status,
            200);
  json body{{"action", "forward"}, {"agency", "DPUPR"}, {"tier", "normative"}};
  body["reports"] = json::array();
  for (const std::string& id : {a, b, c}) {
    body["reports"].push_back(
        {{"tracking_id", id},
         {"version", id == b ? seen_b["version"] : report(coordinator, id)["version"]}});
  }
  body["reports"].push_back({{"tracking_id", "K7M-2QX-9PA"}, {"version", 1}});
  const Answer done = send("POST", coordinator, "/api/v1/staff/bulk-actions", body);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.body["done"], 2);
  EXPECT_EQ(done.body["refused"], 2);
  const json& results = done.body["results"];
  ASSERT_EQ(results.size(), 4u);
  EXPECT_TRUE(results[0]["ok"]);
  EXPECT_EQ(results[0]["status"], "forwarded");
  EXPECT_FALSE(results[1]["ok"]);
  EXPECT_EQ(results[1]["error"]["code"], "stale_version");
  EXPECT_TRUE(results[2]["ok"]);
  EXPECT_EQ(results[3]["error"]["code"], "report_not_found");

  // Each forwarded report is in the agency's hands with its own forward event; b is not.
  for (const std::string& id : {a, c}) {
    const json r = report(coordinator, id);
    EXPECT_EQ(r["status"], "forwarded");
    EXPECT_EQ(r["agency"]["code"], "DPUPR");
    EXPECT_EQ(r["version"], results[id == a ? 0 : 2]["version"]);
    int forwards = 0;
    for (const json& e : r["timeline"]) forwards += e["action"] == "forward";
    EXPECT_EQ(forwards, 1) << r["timeline"];
  }
  EXPECT_EQ(report(coordinator, b)["status"], "postponed");
}

TEST_F(QueueTools, ABulkAssignReachesOnlyTheAgencysOwnReports) {
  const std::string ours = server.submit().first;
  const std::string theirs = server.submit().first;
  auto forward = [&](const std::string& id, const char* agency) {
    ASSERT_EQ(send("POST", coordinator, "/api/v1/staff/reports/" + id + "/actions",
                   {{"action", "forward"},
                    {"agency", agency},
                    {"version", report(coordinator, id)["version"]}})
                  .status,
              200);
  };
  forward(ours, "DPUPR");
  forward(theirs, "PDAM");
  json body{{"action", "assign"}, {"officer", "petugas.dpupr"}};
  body["reports"] = {{{"tracking_id", ours}, {"version", report(dpupr, ours)["version"]}},
                     {{"tracking_id", theirs}, {"version", 3}}};
  const Answer done = send("POST", dpupr, "/api/v1/staff/bulk-actions", body);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_TRUE(done.body["results"][0]["ok"]);
  EXPECT_EQ(done.body["results"][1]["error"]["code"], "report_not_found");
  EXPECT_EQ(report(dpupr, ours)["assigned_to"], "Agus Pratama");

  // The queue row names who works on it.
  const Answer queue = send("GET", dpupr, "/api/v1/staff/reports?status=forwarded");
  ASSERT_EQ(queue.status, 200);
  bool named = false;
  for (const json& item : queue.body["items"]) {
    if (item["tracking_id"] == ours)
      named = item["assigned_to"] == "Agus Pratama";
    else
      EXPECT_TRUE(item["assigned_to"].is_null()) << item;
  }
  EXPECT_TRUE(named) << queue.body;
}

TEST_F(QueueTools, ABulkActionIsOneOfThreeAndNamesItsReports) {
  const std::string id = server.submit().first;
  json one{{"tracking_id", id}, {"version", 1}};
  const Answer respond = send("POST", coordinator, "/api/v1/staff/bulk-actions",
                              {{"action", "respond"}, {"note", "x"}, {"reports", {one}}});
  EXPECT_EQ(respond.status, 400);
  EXPECT_EQ(respond.body["error"]["code"], "not_a_bulk_action");

  const Answer none =
      send("POST", coordinator, "/api/v1/staff/bulk-actions", {{"action", "archive"}});
  EXPECT_EQ(none.status, 422);
  EXPECT_EQ(none.body["errors"][0]["field"], "reports");

  json many = json::array();
  for (int i = 0; i < 101; ++i) many.push_back(one);
  const Answer over = send("POST", coordinator, "/api/v1/staff/bulk-actions",
                           {{"action", "archive"}, {"archive_reason", "spam"}, {"reports", many}});
  EXPECT_EQ(over.status, 422);
  EXPECT_EQ(over.body["errors"][0]["code"], "too_many");

  const Answer typed = send("POST", coordinator, "/api/v1/staff/bulk-actions",
                            {{"action", "archive"},
                             {"archive_reason", "spam"},
                             {"reports", {{{"tracking_id", id}, {"version", "1"}}}}});
  EXPECT_EQ(typed.status, 422);
  EXPECT_EQ(typed.body["errors"][0]["field"], "reports.0.version");
  EXPECT_EQ(typed.body["errors"][0]["code"], "wrong_type");
  for (const json& version : {json(1.5), json(1e300)}) {
    const Answer odd = send("POST", coordinator, "/api/v1/staff/bulk-actions",
                            {{"action", "archive"},
                             {"archive_reason", "spam"},
                             {"reports", {{{"tracking_id", id}, {"version", version}}}}});
    EXPECT_EQ(odd.status, 422) << version;
    EXPECT_EQ(odd.body["errors"][0]["code"], "wrong_type") << version;
  }

  // An archive without its reason is refused for each report, as a single archive is.
  const Answer bare = send("POST", coordinator, "/api/v1/staff/bulk-actions",
                           {{"action", "archive"}, {"reports", {one}}});
  ASSERT_EQ(bare.status, 200) << bare.body;
  EXPECT_EQ(bare.body["results"][0]["error"]["code"], "validation_failed");
  EXPECT_EQ(bare.body["results"][0]["errors"][0]["field"], "archive_reason");
  EXPECT_EQ(report(coordinator, id)["status"], "submitted");
}

}  // namespace
}  // namespace aduan::testing

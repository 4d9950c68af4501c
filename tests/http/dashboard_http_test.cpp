// The staff dashboard: counts, how long stages take and whether they end on time, agencies
// ranked, overdue reports, satisfaction and trends, each scoped to the viewer's role.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "store/tallies.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

const AuthSettings kLongSessions{.idle_timeout_seconds = 60 * kDay,
                                 .absolute_timeout_seconds = 60 * kDay};

class Dashboard : public ::testing::Test {
 protected:
  json get(const StaffSession& s, const std::string& path, int status = 200) {
    httplib::Client c = server.client();
    auto res = c.Get(path.c_str(), s.headers());
    EXPECT_EQ(res->status, status) << res->body;
    return json::parse(res->body);
  }
  void act(const StaffSession& s, const std::string& id, json body) {
    httplib::Client c = server.client();
    body["version"] =
        json::parse(c.Get(("/api/v1/staff/reports/" + id).c_str(), s.headers())->body)["version"];
    auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), s.headers(),
                      body.dump(), "application/json");
    ASSERT_EQ(res->status, 200) << res->body;
  }
  static json stage(const json& d, const std::string& name) {
    for (const json& s : d["stages"]) {
      if (s["stage"] == name) return s;
    }
    return json();
  }

  // Every counter that is not zero, as text, read through a separate connection, in order
  // (an engine gives a table's rows in an order of its own).
  std::vector<std::string> counters() {
    const auto db = server.open_db();
    std::vector<std::string> out;
    for (const char* table : {"report_tallies", "stage_tallies", "due_tallies"}) {
      Prepared q(*db, std::string("SELECT * FROM ") + table + " WHERE n != 0");
      while (q.executeStep()) {
        std::string row = table;
        for (int i = 0; i < q.getColumnCount(); ++i) row += "|" + q.getColumn(i).getString();
        out.push_back(row);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  TestServer server{kLongSessions};
  StaffSession coordinator = server.login("koordinator");
  StaffSession dpupr = server.login("admin.dpupr");
};

TEST_F(Dashboard, StagesOnTimeAndLateAgenciesRankedSatisfactionTrend) {
  const auto [id, pin] = server.submit();
  act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}});  // same day: on time
  server.clock().advance(2 * kDay);                                    // Wednesday
  act(dpupr, id, {{"action", "respond"}, {"note", "Kami jadwalkan perbaikan."}});  // on time
  server.clock().advance(14 * kDay);  // two weeks later: the normative 5 days are long gone
  act(dpupr, id, {{"action", "resolve"}, {"note", "Sudah ditambal oleh tim jalan kabupaten."}});
  httplib::Client c = server.client();
  ASSERT_EQ(c.Post(("/api/v1/reports/" + id + "/actions").c_str(),
                   json{{"pin", pin}, {"action", "confirm"}}.dump(), "application/json")
                ->status,
            200);
  ASSERT_EQ(c.Post(("/api/v1/reports/" + id + "/actions").c_str(),
                   json{{"pin", pin}, {"action", "rate"}, {"rating", 4}}.dump(), "application/json")
                ->status,
            200);

  const json d = get(coordinator, "/api/v1/staff/dashboard?from=2026-11-01&to=2026-12-31");
  EXPECT_EQ(d["total"], 4);  // this one and the demo's three of this week
  EXPECT_EQ(d["by_status"]["closed"], 1);
  const json resolution = stage(d, "resolution");
  EXPECT_EQ(resolution["ended"], 1);
  EXPECT_EQ(resolution["on_time"], 0);
  EXPECT_EQ(resolution["median_working_days"], 10);
  // This report's first response was on time; the demo's stale report ended its first
  // response stage months late, when it was escalated.
  const json first = stage(d, "first_response");
  EXPECT_EQ(first["ended"], 2);
  EXPECT_EQ(first["on_time"], 1);
  EXPECT_GE(stage(d, "verification")["ended"].get<int>(), 2);  // this and the demo's forward
  EXPECT_EQ(d["satisfaction"]["count"], 1);
  EXPECT_DOUBLE_EQ(d["satisfaction"]["average"].get<double>(), 4.0);
  EXPECT_EQ(d["satisfaction"]["spread"]["4"], 1);
  ASSERT_FALSE(d["agencies"].empty());
  bool roads = false;
  for (const json& a : d["agencies"]) {
    if (a["code"] != "DPUPR") continue;
    roads = true;
    // This report's first response (on time) and resolution (late), the demo's escalation.
    EXPECT_EQ(a["stages_ended"], 3);
    EXPECT_EQ(a["stages_on_time"], 1);
    EXPECT_EQ(a["colour"], "red");
  }
  EXPECT_TRUE(roads);
  bool week = false;
  for (const json& w : d["trend"]["weeks"]) week |= w["period"] == "2026-11-23";
  EXPECT_TRUE(week);
  EXPECT_EQ(d["trend"]["months"].back()["period"], "2026-12");
  EXPECT_EQ(d["trend"]["months"].back()["closed"], 1);
  // The demo's verification stages are long overdue by now.
  EXPECT_GT(d["overdue"]["total"].get<int>(), 0);
}

// The triggers keep the counters as a recount from scratch would find them, whatever moved:
// statuses, agencies, ratings, confidentiality, archiving as spam, stages and due dates.
TEST_F(Dashboard, CountersKeptAsTheyGoMatchARecount) {
  const auto [a, pin] = server.submit();
  const auto [b, pin_b] = server.submit(json{{"confidential", true}});
  const auto [c, pin_c] = server.submit();
  act(coordinator, a, {{"action", "forward"}, {"agency", "DPUPR"}});
  act(coordinator, b, {{"action", "forward"}, {"agency", "DPUPR"}});
  act(coordinator, c, {{"action", "archive"}, {"archive_reason", "spam"}});
  server.clock().advance(3 * kDay);
  act(dpupr, a, {{"action", "respond"}, {"note", "Kami jadwalkan perbaikan."}});
  act(dpupr, b, {{"action", "return"}, {"note", "Bukan kewenangan dinas pekerjaan umum."}});
  act(dpupr, a, {{"action", "resolve"}, {"note", "Sudah ditambal oleh tim jalan kabupaten."}});
  httplib::Client client = server.client();
  // Confirmed and rated in one step.
  ASSERT_EQ(
      client
          .Post(("/api/v1/reports/" + a + "/actions").c_str(),
                json{{"pin", pin}, {"action", "confirm"}, {"rating", 2}}.dump(), "application/json")
          ->status,
      200);
  const std::vector<std::string> kept = counters();
  ASSERT_FALSE(kept.empty());
  {
    const auto db = server.open_db();
    tallies::rebuild(*db);
  }
  EXPECT_EQ(kept, counters());
  // And the dashboard reads them: the spam report is counted for staff, not for the public.
  const json d = get(coordinator, "/api/v1/staff/dashboard?from=2020-01-01&to=2026-12-31");
  EXPECT_EQ(d["by_status"]["archived"], 1);
  EXPECT_EQ(d["satisfaction"]["spread"]["2"], 1);
  const json pub =
      json::parse(client.Get("/api/v1/public/stats?from=2020-01-01&to=2026-12-31")->body);
  EXPECT_FALSE(pub["by_status"].contains("archived"));
  EXPECT_EQ(pub["total"].get<int>(), d["total"].get<int>() - 2);  // spam and confidential
}

// The default view (the last 30 days) counts the reports filed in it, and beside that what
// is open and overdue today however long ago it was filed: the demo's report forwarded five
// months ago and escalated by the deadline job has no clock any more, and is still overdue.
TEST_F(Dashboard, EscalatedReportHeldForMonthsIsOverdueInTheDefaultView) {
  const json d = get(coordinator, "/api/v1/staff/dashboard");
  EXPECT_EQ(d["scope"]["to"], "2026-11-23");
  EXPECT_EQ(d["scope"]["from"], "2026-10-25");
  EXPECT_EQ(d["scope"]["today"], "2026-11-23");
  EXPECT_EQ(d["scope"]["agency"], "");
  EXPECT_EQ(d["scope"]["own_agency_only"], false);
  EXPECT_EQ(d["total"], 3);  // filed in the period: the demo's three of this week
  EXPECT_EQ(d["figures"]["total"]["period"], "range");
  EXPECT_EQ(d["figures"]["total"]["counts"], "filed");
  EXPECT_EQ(d["figures"]["overdue"]["period"], "today");
  EXPECT_EQ(d["figures"]["open"]["period"], "today");
  EXPECT_EQ(d["figures"]["trend"]["counts"], "filed_and_closed");
  EXPECT_EQ(d["open"], 4);  // the three and the escalated one, none closed
  EXPECT_EQ(d["overdue"]["escalated"], 1);
  EXPECT_EQ(d["overdue"]["total"].get<int>(),
            d["overdue"]["past_due"].get<int>() + d["overdue"]["escalated"].get<int>());
  ASSERT_EQ(d["overdue"]["escalated_items"].size(), 1u);
  const json held = d["overdue"]["escalated_items"][0];
  EXPECT_EQ(held["status"], "escalated");
  EXPECT_EQ(held["filed"], "2026-06-26");  // 150 days before
  EXPECT_EQ(held["escalated"], "2026-11-23");
  EXPECT_TRUE(held["due"].is_null());
  bool roads = false;
  for (const json& a : d["agencies"]) {
    if (a["code"] != "DPUPR") continue;
    roads = true;
    EXPECT_EQ(a["escalated"], 1);
    EXPECT_GE(a["overdue"].get<int>(), 1);
    EXPECT_EQ(a["open"], 2);  // the pothole (forwarded) and the escalated one
  }
  EXPECT_TRUE(roads);
  // The compliance figure says what it is.
  EXPECT_EQ(d["compliance"]["stages"], json::array({"first_response", "resolution"}));
  EXPECT_DOUBLE_EQ(d["compliance"]["green_from"].get<double>(), 0.9);
  EXPECT_DOUBLE_EQ(d["compliance"]["amber_from"].get<double>(), 0.7);

  // A period in which no stage ended: the roads agency has no share, so no colour (it was
  // green, ranked first, for never having answered), and still its overdue reports today.
  const json january = get(coordinator, "/api/v1/staff/dashboard?from=2026-01-01&to=2026-01-31");
  EXPECT_EQ(january["total"], 0);
  EXPECT_EQ(january["overdue"]["escalated"], 1);
  ASSERT_FALSE(january["agencies"].empty());
  for (const json& a : january["agencies"]) {
    EXPECT_EQ(a["stages_ended"], 0);
    EXPECT_EQ(a["colour"], "none");
  }

  // The roads agency sees its own escalated report in its default view too.
  const json mine = get(dpupr, "/api/v1/staff/dashboard");
  EXPECT_EQ(mine["scope"]["own_agency_only"], true);
  EXPECT_EQ(mine["overdue"]["escalated"], 1);
  EXPECT_GE(mine["overdue"]["total"].get<int>(), 1);
  EXPECT_EQ(mine["overdue"]["escalated_items"].size(), 1u);
  // An officer, who may open only the reports assigned to them, gets the same counts and no
  // list naming the agency's reports.
  const json officer = get(server.login("petugas.dpupr"), "/api/v1/staff/dashboard");
  EXPECT_EQ(officer["overdue"]["escalated"], 1);
  EXPECT_EQ(officer["overdue"]["total"], mine["overdue"]["total"]);
  EXPECT_EQ(officer["overdue"]["items"], json::array());
  EXPECT_EQ(officer["overdue"]["escalated_items"], json::array());
  EXPECT_EQ(officer["repeated"]["clusters"], json::array());
  // A category the escalated report is not in leaves it out.
  const json water = get(coordinator, "/api/v1/staff/dashboard?category=air-bersih");
  EXPECT_EQ(water["scope"]["category"], "air-bersih");
  EXPECT_EQ(water["overdue"]["escalated"], 0);
}

// The trend is a series of both intake and completion: every week of the period, also an
// empty one, each with the days it covers, and the closed reports counted by the day closed.
TEST_F(Dashboard, TrendHasEveryWeekWithIntakeAndCompletion) {
  const auto [id, pin] = server.submit();
  act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}});
  act(dpupr, id, {{"action", "respond"}, {"note", "Kami jadwalkan perbaikan."}});
  server.clock().advance(15 * kDay);  // two weeks later, a Tuesday
  act(dpupr, id, {{"action", "resolve"}, {"note", "Sudah ditambal oleh tim jalan kabupaten."}});
  httplib::Client c = server.client();
  ASSERT_EQ(c.Post(("/api/v1/reports/" + id + "/actions").c_str(),
                   json{{"pin", pin}, {"action", "confirm"}}.dump(), "application/json")
                ->status,
            200);
  const json d = get(coordinator, "/api/v1/staff/dashboard?from=2026-11-18&to=2026-12-09");
  const json weeks = d["trend"]["weeks"];
  ASSERT_EQ(weeks.size(), 4u);  // 16, 23 and 30 November, 7 December
  EXPECT_EQ(weeks[0]["period"], "2026-11-16");
  EXPECT_EQ(weeks[0]["from"], "2026-11-18");  // cut by the period
  EXPECT_EQ(weeks[0]["to"], "2026-11-22");
  EXPECT_EQ(weeks[1]["period"], "2026-11-23");
  EXPECT_EQ(weeks[1]["submitted"], 4);  // this one and the demo's three
  EXPECT_EQ(weeks[1]["closed"], 0);
  EXPECT_EQ(weeks[2]["submitted"], 0);  // an empty week is in the series
  EXPECT_EQ(weeks[2]["closed"], 0);
  EXPECT_EQ(weeks[3]["period"], "2026-12-07");
  EXPECT_EQ(weeks[3]["to"], "2026-12-09");
  EXPECT_EQ(weeks[3]["closed"], 1);
  const json months = d["trend"]["months"];
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0]["from"], "2026-11-18");
  EXPECT_EQ(months[0]["to"], "2026-11-30");
  EXPECT_EQ(months[1]["closed"], 1);
}

TEST_F(Dashboard, AgencyRolesSeeTheirOwnAgencyOnly) {
  const StaffSession pdam = server.login("admin.pdam");
  const json mine = get(pdam, "/api/v1/staff/dashboard?from=2026-01-01&to=2026-12-31");
  EXPECT_EQ(mine["total"], 0);  // nothing was forwarded to PDAM
  const json asked =
      get(pdam, "/api/v1/staff/dashboard?from=2026-01-01&to=2026-12-31&agency=DPUPR");
  EXPECT_EQ(asked["total"], 0);  // asking for another agency does not widen the view
  const json roads = get(dpupr, "/api/v1/staff/dashboard?from=2026-01-01&to=2026-12-31");
  EXPECT_EQ(roads["total"], 2);  // the demo's two reports forwarded to DPUPR
  get(coordinator, "/api/v1/staff/dashboard?from=2026-12-01&to=2026-11-01", 400);
}

}  // namespace
}  // namespace aduan::testing

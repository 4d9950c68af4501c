// Deadlines that fall in a year whose holidays no admin has confirmed: the server counts the
// shipped provisional holidays and says the deadline may still move, until a system admin
// confirms the year (the API, the holiday page, `aduan holidays confirm`) or imports its list.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/test_paths.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using json = nlohmann::json;

json get(TestServer& server, const StaffSession& s, const std::string& path) {
  httplib::Client c = server.client();
  auto res = c.Get(path.c_str(), s.headers());
  EXPECT_TRUE(res);
  EXPECT_EQ(res->status, 200) << path << " " << res->body;
  return json::parse(res->body);
}

json forward(TestServer& server, const StaffSession& s, const std::string& id) {
  const json before = get(server, s, "/api/v1/staff/reports/" + id);
  httplib::Client c = server.client();
  auto res = c.Post(
      ("/api/v1/staff/reports/" + id + "/actions").c_str(), s.headers(),
      json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", before["version"]}}.dump(),
      "application/json");
  EXPECT_EQ(res->status, 200) << res->body;
  return get(server, s, "/api/v1/staff/reports/" + id);
}

TEST(ProvisionalHolidays, ADeadlineIn2027IsMarkedUntilTheYearIsConfirmed) {
  TestServer server;  // the demo: 2026 confirmed, 2027-2030 shipped and provisional
  const StaffSession coordinator = server.login("koordinator");
  const auto [id, pin] = server.submit();

  // Verification is due in November 2026, a confirmed year: nothing to warn about.
  json r = get(server, coordinator, "/api/v1/staff/reports/" + id);
  EXPECT_EQ(r["deadline_provisional"], false);
  EXPECT_EQ(r["unconfirmed_holiday_years"], json::array());

  // Forwarded on Monday 23 November 2026: sixty working days skip Friday 1 January and
  // Tuesday 5 January 2027 (Isra Mikraj), so the supervisor takes over after Friday
  // 19 February, not Wednesday 17 as with 2026's holidays alone.
  r = forward(server, coordinator, id);
  EXPECT_EQ(r["escalation_due"], "2027-02-19");
  EXPECT_EQ(r["deadline_provisional"], true);
  EXPECT_EQ(r["unconfirmed_holiday_years"], json::array({2027}));

  // The queue says it too, from the same rule.
  const json queue = get(server, coordinator, "/api/v1/staff/reports?status=forwarded");
  bool seen = false;
  for (const json& item : queue["items"]) {
    if (item["tracking_id"] != r["tracking_id"]) continue;
    seen = true;
    EXPECT_EQ(item["deadline_provisional"], true);
    EXPECT_EQ(item["unconfirmed_holiday_years"], json::array({2027}));
  }
  EXPECT_TRUE(seen);

  // Every staff member can see which years are provisional; the holidays say so too.
  json years = get(server, coordinator, "/api/v1/admin/holiday-years");
  ASSERT_EQ(years.size(), 5u) << years;
  EXPECT_EQ(years[0]["year"], 2026);
  EXPECT_EQ(years[0]["confirmed"], true);
  EXPECT_EQ(years[1]["year"], 2027);
  EXPECT_EQ(years[1]["confirmed"], false);
  const json holidays = get(server, coordinator, "/api/v1/admin/holidays");
  for (const json& h : holidays) {
    EXPECT_EQ(h["provisional"], h["date"].get<std::string>().substr(0, 4) != "2026") << h;
  }

  // Only the system admin confirms; a year with no holiday cannot be.
  httplib::Client c = server.client();
  EXPECT_EQ(
      c.Post("/api/v1/admin/holiday-years/2027/confirm", coordinator.headers(), "", "")->status,
      403);
  const StaffSession admin = server.login("sysadmin");
  auto res = c.Post("/api/v1/admin/holiday-years/2031/confirm", admin.headers(), "", "");
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "holiday_year_empty");
  res = c.Post("/api/v1/admin/holiday-years/2027/confirm", admin.headers(), "", "");
  ASSERT_EQ(res->status, 200) << res->body;
  years = json::parse(res->body);
  EXPECT_EQ(years[1]["confirmed"], true);
  EXPECT_EQ(years[1]["confirmed_by"], "sysadmin");
  EXPECT_TRUE(years[1]["confirmed_at"].is_string());

  // Confirming clears the mark; the date stays what the holidays make it.
  r = get(server, coordinator, "/api/v1/staff/reports/" + id);
  EXPECT_EQ(r["escalation_due"], "2027-02-19");
  EXPECT_EQ(r["deadline_provisional"], false);
  EXPECT_EQ(r["unconfirmed_holiday_years"], json::array());
}

TEST(ProvisionalHolidays, AnAdminsImportOfAYearConfirmsIt) {
  TestServer server;
  const StaffSession admin = server.login("sysadmin");
  httplib::Client c = server.client();
  auto res = c.Post("/api/v1/admin/holidays/import", admin.headers(),
                    "date,name,kind\n2028-01-01,Tahun Baru 2028 Masehi,national\n"
                    "2028-01-03,Cuti bersama Tahun Baru,cuti_bersama\n",
                    "text/csv");
  ASSERT_EQ(res->status, 200) << res->body;
  for (const json& h : json::parse(res->body)) {
    if (h["date"].get<std::string>().starts_with("2028")) {
      EXPECT_EQ(h["provisional"], false) << h;
    }
    if (h["date"].get<std::string>().starts_with("2029")) {
      EXPECT_EQ(h["provisional"], true) << h;
    }
  }
  const json years = get(server, admin, "/api/v1/admin/holiday-years");
  for (const json& y : years) {
    if (y["year"] == 2028) {
      EXPECT_EQ(y["confirmed"], true);
    }
    if (y["year"] == 2028) {
      EXPECT_EQ(y["confirmed_by"], "sysadmin");
    }
    if (y["year"] == 2029) {
      EXPECT_EQ(y["confirmed"], false);
    }
  }
  // Adding one holiday by hand is not a year's list: 2029 stays provisional.
  res = c.Post("/api/v1/admin/holidays", admin.headers(),
               json{{"date", "2029-04-10"}, {"name", "Hari Jadi"}, {"kind", "local"}}.dump(),
               "application/json");
  ASSERT_EQ(res->status, 201);
  for (const json& y : get(server, admin, "/api/v1/admin/holiday-years")) {
    if (y["year"] == 2029) {
      EXPECT_EQ(y["confirmed"], false);
    }
  }
}

// "status:output", as the assertions below read it.
std::string run(const std::string& command) {
  const CommandResult r = run_command(command);
  return std::to_string(r.status) + ":" + r.output;
}

TEST(ProvisionalHolidays, TheCommandLineListsAndConfirmsYears) {
  TestServer server;
  const std::string db = (server.dir() / "cli.db").string();
  const std::string bin = std::string(ADUAN_BIN) + " ";
  std::string out = run(bin + "holidays years --db '" + db + "'");
  EXPECT_TRUE(out.starts_with("0:")) << out;
  EXPECT_NE(out.find("2027  16 holidays  PROVISIONAL"), std::string::npos) << out;
  out = run(bin + "holidays confirm 2027 --db '" + db + "'");
  EXPECT_TRUE(out.starts_with("0:")) << out;
  EXPECT_NE(out.find("2027  16 holidays  confirmed by aduan holidays confirm"), std::string::npos)
      << out;
  out = run(bin + "holidays confirm 2040 --db '" + db + "'");
  EXPECT_TRUE(out.starts_with("2:")) << out;
  out = run(bin + "holidays import --national 2026 --db '" + db + "'");
  EXPECT_NE(out.find("confirmed 2026"), std::string::npos) << out;
}

}  // namespace
}  // namespace aduan::testing

// What the tracking answers say a report waits for from its reporter (citizen_step): the
// action, the last day for it from the working-day calendar, and what follows otherwise;
// confirming and rating in one request; the agency and region a reader may see.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace aduan::testing {
namespace {

using json = nlohmann::json;

class Tracking : public ::testing::Test {
 protected:
  // A staff action on the version the staff member sees.
  void staff(const StaffSession& s, const std::string& id, json body) {
    httplib::Client c = server.client();
    auto got = c.Get(("/api/v1/staff/reports/" + id).c_str(), s.headers());
    ASSERT_TRUE(got);
    body["version"] = json::parse(got->body)["version"];
    auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), s.headers(),
                      body.dump(), "application/json");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
  }

  json track(const std::string& id) {
    auto res = server.client().Get(("/api/v1/reports/" + id).c_str());
    EXPECT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }

  // POST .../access (act empty) or .../actions with the PIN; the status and the answer.
  std::pair<int, json> citizen(const std::string& id, const std::string& pin, json act = {}) {
    json body = act.is_null() ? json::object() : act;
    body["pin"] = pin;
    const std::string path = "/api/v1/reports/" + id + (act.is_null() ? "/access" : "/actions");
    auto res = server.client().Post(path.c_str(), body.dump(), "application/json");
    EXPECT_TRUE(res);
    return {res->status, json::parse(res->body)};
  }

  // A report resolved by the roads agency today.
  std::pair<std::string, std::string> resolved(json overrides = json::object()) {
    auto [id, pin] = server.submit(overrides);
    staff(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}});
    staff(dpupr, id, {{"action", "respond"}, {"note", "Kami jadwalkan perbaikan."}});
    staff(dpupr, id, {{"action", "resolve"}, {"note", "Sudah ditambal oleh tim jalan kabupaten."}});
    return {id, pin};
  }

  // Staff sessions outlive the weeks the tests move the clock forward.
  TestServer server{
      AuthSettings{.idle_timeout_seconds = 60 * kDay, .absolute_timeout_seconds = 60 * kDay}};
  StaffSession coordinator = server.login("koordinator");
  StaffSession dpupr = server.login("admin.dpupr");
};

TEST_F(Tracking, ResolvedReportClosesByItselfAfterTenWorkingDaysPastHolidays) {
  // Resolved on Friday 18 December 2026: ten working days skip the weekends, the cuti
  // bersama of 24 December, Christmas, New Year's Day and Isra Mikraj (5 January 2027).
  server.clock().advance(25 * kDay);
  const auto [id, pin] = resolved();
  const json step{{"action", "confirm"}, {"due", "2027-01-07"}, {"otherwise", "auto_close"}};
  const json shown = track(id);
  EXPECT_EQ(shown["citizen_step"], step);  // anyone may see what the report waits for
  EXPECT_EQ(shown["deadline"]["due"], "2027-01-07");
  const auto [status, mine] = citizen(id, pin);
  ASSERT_EQ(status, 200);
  EXPECT_EQ(mine["citizen_step"], step);

  // The deadline job keeps it open on the last day and closes it the day after.
  server.clock().advance(20 * kDay);  // Thursday 7 January
  server.app().job().run_once();
  EXPECT_EQ(track(id)["status"], "resolved");
  server.clock().advance(kDay);
  server.app().job().run_once();
  const json closed = track(id);
  EXPECT_EQ(closed["status"], "closed");
  EXPECT_FALSE(closed.contains("citizen_step"));
}

TEST_F(Tracking, PostponedReportGivesTheQuestionAndTheAnswersLastDayToTheReporterOnly) {
  // Postponed on Wednesday 23 December 2026: 24 and 25 December, 1 and 5 January and the
  // weekends do not count.
  server.clock().advance(30 * kDay);
  const auto [id, pin] = server.submit();
  const std::string question = "Di sisi jalan mana lubangnya, dan dekat bangunan apa?";
  staff(coordinator, id, {{"action", "postpone"}, {"note", question}});

  const auto [status, mine] = citizen(id, pin);
  ASSERT_EQ(status, 200);
  EXPECT_EQ(mine["citizen_step"], (json{{"action", "answer"},
                                        {"due", "2027-01-12"},
                                        {"otherwise", "archive"},
                                        {"question", question}}));
  // Not verified: a stranger learns the status and nothing else.
  const json shown = track(id);
  EXPECT_FALSE(shown.contains("citizen_step"));
  EXPECT_EQ(shown.dump().find("lubangnya"), std::string::npos);

  // Asked twice, the later question counts, and its day.
  server.clock().advance(6 * kDay);  // Tuesday 29 December
  const auto [answered, after] =
      citizen(id, pin, {{"action", "answer"}, {"note", "Sisi timur, depan masjid."}});
  ASSERT_EQ(answered, 200) << after;
  EXPECT_EQ(after["status"], "submitted");
  EXPECT_FALSE(after.contains("citizen_step"));
  staff(coordinator, id, {{"action", "postpone"}, {"note", "Mohon kirim foto lubangnya juga."}});
  const json again = citizen(id, pin).second["citizen_step"];
  EXPECT_EQ(again["due"], "2027-01-14");
  EXPECT_EQ(again["question"], "Mohon kirim foto lubangnya juga.");
}

TEST_F(Tracking, ConfirmingRatesInTheSameRequest) {
  const auto [id, pin] = resolved();
  const auto [status, out] =
      citizen(id, pin, {{"action", "confirm"}, {"rating", 4}, {"note", "Cepat, terima kasih."}});
  ASSERT_EQ(status, 200) << out;
  EXPECT_EQ(out["status"], "closed");
  EXPECT_EQ(out["rating"], (json{{"score", 4}, {"comment", "Cepat, terima kasih."}}));
  EXPECT_FALSE(out.contains("citizen_step"));
  const json& timeline = out["timeline"];
  ASSERT_GE(timeline.size(), 2u);
  EXPECT_EQ(timeline[timeline.size() - 2]["action"], "confirm");
  EXPECT_FALSE(timeline[timeline.size() - 2].contains("note"));
  EXPECT_EQ(timeline.back()["action"], "rate");
  EXPECT_EQ(timeline.back()["note"], "Cepat, terima kasih.");
  // Rated once: a second rating is refused.
  EXPECT_EQ(citizen(id, pin, {{"action", "rate"}, {"rating", 5}}).first, 409);
}

TEST_F(Tracking, ConfirmingWithoutRatingLeavesTheRatingForLaterAndABadRatingChangesNothing) {
  const auto [id, pin] = resolved();
  const auto [bad, problem] = citizen(id, pin, {{"action", "confirm"}, {"rating", 6}});
  EXPECT_EQ(bad, 422);
  EXPECT_EQ(problem["errors"], (json::array({{{"field", "rating"}, {"code", "out_of_range"}}})));
  EXPECT_EQ(track(id)["status"], "resolved");

  ASSERT_EQ(citizen(id, pin, {{"action", "confirm"}}).first, 200);
  const auto [rated, out] = citizen(id, pin, {{"action", "rate"}, {"rating", 3}});
  ASSERT_EQ(rated, 200) << out;
  EXPECT_EQ(out["rating"]["score"], 3);
}

TEST_F(Tracking, TheAgencyAndTheRegionReachTheTrackingPage) {
  const auto [id, pin] = resolved();  // filed in region 63.03 (valid_report), public
  const json shown = track(id);
  EXPECT_EQ(shown["agency"]["code"], "DPUPR");
  EXPECT_FALSE(shown["agency"]["name"].get<std::string>().empty());
  EXPECT_EQ(shown["location"]["region_code"], "63.03");
  EXPECT_FALSE(shown["location"]["region_name"].get<std::string>().empty());
  EXPECT_FALSE(shown["location"].contains("text"));  // the address is the reporter's
  const json mine = citizen(id, pin).second;
  EXPECT_EQ(mine["agency"], shown["agency"]);
  EXPECT_EQ(mine["location"]["region_name"], shown["location"]["region_name"]);
  EXPECT_EQ(mine["location"]["text"], valid_report()["location"]["text"]);
}

}  // namespace
}  // namespace aduan::testing

// The staff inbox over HTTP: what each role finds there, only within what it may read, and
// what each user has read (one report, or everything at once).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "app/seed.h"
#include "store/inbox_repository.h"
#include "store/prepared.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

struct Answer {
  int status = 0;
  json body;
};

class Inbox : public ::testing::Test {
 protected:
  Answer get(const StaffSession& s, const std::string& path) {
    httplib::Client c = server.client();
    auto res = c.Get(path.c_str(), s.headers());
    return {res ? res->status : 0, res && !res->body.empty() ? json::parse(res->body) : json()};
  }

  Answer post(const std::string& path, const std::string& body,
              const httplib::Headers& headers = {}) {
    httplib::Client c = server.client();
    auto res = c.Post(path.c_str(), headers, body, "application/json");
    return {res ? res->status : 0, res && !res->body.empty() ? json::parse(res->body) : json()};
  }

  Answer act(const StaffSession& s, const std::string& id, json body) {
    body["version"] = get(s, "/api/v1/staff/reports/" + id).body["version"];
    return post("/api/v1/staff/reports/" + id + "/actions", body.dump(), s.headers());
  }

  Answer citizen(const std::string& id, const std::string& pin, json body) {
    body["pin"] = pin;
    return post("/api/v1/reports/" + id + "/actions", body.dump());
  }

  json inbox(const StaffSession& s) {
    const Answer a = get(s, "/api/v1/staff/inbox");
    EXPECT_EQ(a.status, 200) << a.body;
    return a.body;
  }

  // The item of report `id` in `s`'s inbox, or null.
  json item(const StaffSession& s, const std::string& id) {
    const json page = inbox(s);
    for (const json& i : page["items"]) {
      if (i["tracking_id"].get<std::string>() == id) return i;
    }
    return nullptr;
  }

  Answer mark(const StaffSession& s, const json& body) {
    return post("/api/v1/staff/inbox/read", body.dump(), s.headers());
  }

  // Sessions that outlive the days these tests move the clock through. What an inbox found
  // is kept far longer than the tests take (the default is seconds): every read after an
  // action then shows that the store's new event, not the time, made the server ask again.
  TestServer server{
      AuthSettings{.idle_timeout_seconds = 365 * kDay, .absolute_timeout_seconds = 365 * kDay},
      default_notify_config(), [](AppOptions& o) { o.settings.monitoring_cache_ms = 3'600'000; }};
  StaffSession coordinator = server.login("koordinator");
  StaffSession dpupr = server.login("admin.dpupr");
  StaffSession officer = server.login("petugas.dpupr");
  StaffSession pdam = server.login("admin.pdam");
  StaffSession ombudsman = server.login("ombudsman");
};

TEST_F(Inbox, TheCoordinatorFindsNewReportsAndReadsThemByOpeningThem) {
  // The demo's store: two reports waiting for verification and one escalated.
  const int before = inbox(coordinator)["unread"];
  EXPECT_EQ(before, 3);
  const auto [first, pin] = server.submit();
  const std::string second = server.submit().first;
  const json page = inbox(coordinator);
  EXPECT_EQ(page["unread"], before + 2);
  ASSERT_GE(page["items"].size(), 2u);
  EXPECT_EQ(page["items"][0]["tracking_id"], second);  // newest first
  EXPECT_EQ(page["items"][0]["kind"], "new_report");
  EXPECT_EQ(page["items"][0]["unread"], true);
  EXPECT_EQ(page["items"][0]["title"], "Jalan berlubang di depan pasar");
  // Never the reporter: not their name, phone, e-mail or NIK, not even for the coordinator.
  const std::string text = page.dump();
  for (const char* who : {"Siti", "3456", "siti@", "6303015708900001"}) {
    EXPECT_EQ(text.find(who), std::string::npos) << who;
  }

  // Opening the report (the page marks it) reads its item; the other stays unread.
  const Answer read = mark(coordinator, {{"tracking_id", first}});
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.body["unread"], before + 1);
  EXPECT_EQ(item(coordinator, first)["unread"], false);
  EXPECT_EQ(item(coordinator, second)["unread"], true);
  // The header's badge asks for the count alone: the same count, no item.
  const Answer count = get(coordinator, "/api/v1/staff/inbox?items=0");
  ASSERT_EQ(count.status, 200);
  EXPECT_EQ(count.body["unread"], before + 1);
  EXPECT_TRUE(count.body["items"].empty());
  // Not yet the agency's.
  EXPECT_TRUE(item(dpupr, first).is_null());

  // The citizen answers a postponement: unread again, as the reporter's reply.
  ASSERT_EQ(act(coordinator, first, {{"action", "postpone"}, {"note", "Di mana tepatnya?"}}).status,
            200);
  ASSERT_EQ(
      citizen(first, pin, {{"action", "answer"}, {"note", "Depan toko Siti, Jl. A. Yani."}}).status,
      200);
  const json answered = item(coordinator, first);
  EXPECT_EQ(answered["kind"], "citizen_reply");
  EXPECT_EQ(answered["unread"], true);
  EXPECT_EQ(answered["by_role"], "citizen");
  EXPECT_TRUE(answered["by"].is_null());
  EXPECT_EQ(answered.dump().find("Siti"), std::string::npos);  // the reply's text is not shown

  // Forwarded, it leaves the coordinator's inbox; returned by the agency, it comes back.
  ASSERT_EQ(act(coordinator, first, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  EXPECT_TRUE(item(coordinator, first).is_null());
  ASSERT_EQ(act(dpupr, first, {{"action", "return"}, {"note", "Ini jalan provinsi."}}).status, 200);
  const json returned = item(coordinator, first);
  EXPECT_EQ(returned["kind"], "returned");
  EXPECT_TRUE(returned["by"].is_string() && !returned["by"].get<std::string>().empty());
  EXPECT_EQ(returned["by_role"], "agency_admin");
}

TEST_F(Inbox, AnAgencySeesWhatIsForwardedToItAndNothingOfAnotherAgency) {
  const auto [id, pin] = server.submit();
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  const json forwarded = item(dpupr, id);
  ASSERT_FALSE(forwarded.is_null());
  EXPECT_EQ(forwarded["kind"], "forwarded");
  EXPECT_EQ(forwarded["unread"], true);
  EXPECT_EQ(forwarded["agency"]["code"], "DPUPR");
  // Another agency's admin sees nothing of it, cannot mark it, and learns nothing from trying.
  EXPECT_EQ(inbox(pdam)["items"].size(), 0u);
  EXPECT_EQ(inbox(pdam)["unread"], 0);
  const Answer probe = mark(pdam, {{"tracking_id", id}});
  EXPECT_EQ(probe.status, 404);
  EXPECT_EQ(probe.body["error"]["code"], "report_not_found");
  // An officer sees it only once it is assigned to them.
  EXPECT_TRUE(item(officer, id).is_null());

  // The agency answers; later the citizen rejects the resolution: a reopening, unread.
  ASSERT_EQ(act(dpupr, id, {{"action", "respond"}, {"note", "Kami periksa."}}).status, 200);
  ASSERT_EQ(mark(dpupr, {{"tracking_id", id}}).status, 200);
  EXPECT_TRUE(item(dpupr, id).is_null() || item(dpupr, id)["unread"] == false);
  ASSERT_EQ(act(dpupr, id,
                {{"action", "resolve"},
                 {"note", "Lubang sudah ditambal dengan aspal oleh tim UPT jalan."}})
                .status,
            200);
  ASSERT_EQ(citizen(id, pin, {{"action", "reopen"}, {"note", "Masih berlubang."}}).status, 200);
  const json reopened = item(dpupr, id);
  ASSERT_FALSE(reopened.is_null());
  EXPECT_EQ(reopened["kind"], "reopened");
  EXPECT_EQ(reopened["unread"], true);
  EXPECT_TRUE(item(pdam, id).is_null());
}

TEST_F(Inbox, AnAgencyIsToldOfADeadlineTwoWorkingDaysAheadAndWhenItPassed) {
  const std::string id = server.submit().first;
  ASSERT_EQ(
      act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}, {"tier", "light"}}).status,
      200);
  // The first response starts the light tier's resolution: two working days, Monday to
  // Wednesday; read at once, the item stays (its deadline is near) but read.
  ASSERT_EQ(act(dpupr, id, {{"action", "respond"}, {"note", "Kami periksa."}}).status, 200);
  json due = item(dpupr, id);
  ASSERT_FALSE(due.is_null());
  EXPECT_EQ(due["kind"], "due_soon");
  EXPECT_EQ(due["deadline"]["due"], "2026-11-25");
  ASSERT_EQ(mark(dpupr, {{"tracking_id", id}}).status, 200);
  EXPECT_EQ(item(dpupr, id)["unread"], false);
  // Thursday: overdue.
  server.clock().set(kMonday10Wib + 3 * kDay);
  EXPECT_EQ(item(dpupr, id)["kind"], "overdue");
  // A report due later than two working days ahead is not listed for its deadline.
  const std::string later = server.submit().first;
  ASSERT_EQ(act(coordinator, later, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  ASSERT_EQ(act(dpupr, later, {{"action", "respond"}, {"note", "Kami periksa."}}).status, 200);
  EXPECT_TRUE(item(dpupr, later).is_null());
}

// A forwarded report nobody answered yet whose first response falls due: the deadline's
// source finds the same event as the forward's, and the earlier source, the forward, names the
// item.
TEST_F(Inbox, AForwardFallingDueIsStillNamedForTheForward) {
  const std::string id = server.submit().first;
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  EXPECT_EQ(item(dpupr, id)["kind"], "forwarded");
  // Thursday: the first response (five working days from Monday) is due within two.
  server.clock().set(kMonday10Wib + 3 * kDay);
  const json due = item(dpupr, id);
  ASSERT_FALSE(due.is_null());
  EXPECT_EQ(due["deadline"]["due"], "2026-11-30");
  EXPECT_EQ(due["kind"], "forwarded");
}

TEST_F(Inbox, TheOfficerFindsTheAssignmentWithTheAdminsInstructions) {
  const auto [id, pin] = server.submit();
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  EXPECT_EQ(inbox(officer)["items"].size(), 0u);
  ASSERT_EQ(act(dpupr, id,
                {{"action", "assign"},
                 {"officer", "petugas.dpupr"},
                 {"note", "Cek lokasi besok pagi dan foto lubangnya."}})
                .status,
            200);
  const json page = inbox(officer);
  EXPECT_EQ(page["unread"], 1);
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["kind"], "assigned");
  EXPECT_EQ(page["items"][0]["instructions"], "Cek lokasi besok pagi dan foto lubangnya.");
  EXPECT_EQ(page["items"][0]["by_role"], "agency_admin");
  ASSERT_EQ(mark(officer, {{"tracking_id", id}}).status, 200);
  EXPECT_EQ(inbox(officer)["unread"], 0);
  // The citizen adds to the conversation: the officer hears of it.
  ASSERT_EQ(act(officer, id, {{"action", "respond"}, {"note", "Tim kami menuju lokasi."}}).status,
            200);
  ASSERT_EQ(citizen(id, pin, {{"action", "reply"}, {"note", "Terima kasih, saya tunggu."}}).status,
            200);
  const json reply = item(officer, id);
  EXPECT_EQ(reply["kind"], "citizen_reply");
  EXPECT_EQ(reply["unread"], true);
  EXPECT_TRUE(reply["instructions"].is_null());
}

TEST_F(Inbox, MarkAllReadsUpToWhatThePageShowed) {
  const std::string a = server.submit().first;
  const std::string b = server.submit().first;
  const json page = inbox(coordinator);
  ASSERT_EQ(page["unread"], 5);  // with the demo's three
  // A report filed after the page was drawn stays unread.
  const std::string c = server.submit().first;
  const Answer all = mark(coordinator, {{"all", true}, {"up_to", page["newest_event_id"]}});
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.body["unread"], 1);
  EXPECT_EQ(item(coordinator, a)["unread"], false);
  EXPECT_EQ(item(coordinator, b)["unread"], false);
  EXPECT_EQ(item(coordinator, c)["unread"], true);
  // Without up_to: everything so far. The read marks of single reports are dropped then.
  ASSERT_EQ(mark(coordinator, {{"tracking_id", c}}).status, 200);
  EXPECT_EQ(server.count_rows("inbox_reads"), 1);
  ASSERT_EQ(mark(coordinator, {{"all", true}}).status, 200);
  EXPECT_EQ(inbox(coordinator)["unread"], 0);
  EXPECT_EQ(server.count_rows("inbox_reads"), 0);
  EXPECT_EQ(server.count_rows("inbox_cursors"), 1);
  // Marks are per user: the supervisor's escalated demo report is still unread for them.
  EXPECT_EQ(inbox(ombudsman)["unread"], 1);
  EXPECT_EQ(inbox(ombudsman)["items"][0]["kind"], "escalated");
}

TEST_F(Inbox, EscalationsReachTheSupervisorTheCoordinatorAndTheAgency) {
  const std::string id = server.submit().first;
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  ASSERT_EQ(act(dpupr, id, {{"action", "respond"}, {"note", "Kami periksa."}}).status, 200);
  server.clock().set(kMonday10Wib + 120 * kDay);
  ASSERT_GE(server.app().job().run_once().escalated, 1);
  // Four months on: fresh sessions.
  ombudsman = server.login("ombudsman");
  coordinator = server.login("koordinator");
  dpupr = server.login("admin.dpupr");
  pdam = server.login("admin.pdam");
  for (const StaffSession* s : {&ombudsman, &coordinator, &dpupr}) {
    const json escalated = item(*s, id);
    ASSERT_FALSE(escalated.is_null());
    EXPECT_EQ(escalated["kind"], "escalated");
    EXPECT_EQ(escalated["by_role"], "system");
    EXPECT_TRUE(escalated["by"].is_null());  // the deadline job is named by its role only
  }
  EXPECT_TRUE(item(pdam, id).is_null());
}

TEST_F(Inbox, BadMarksAreRefusedWithStableCodes) {
  const std::string id = server.submit().first;
  const Answer malformed = post("/api/v1/staff/inbox/read", "{", coordinator.headers());
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.body["error"]["code"], "malformed_json");
  for (const json& bad : {json::object(), json{{"all", true}, {"tracking_id", id}},
                          json{{"all", "yes"}}, json{{"all", true}, {"up_to", -1}},
                          json{{"all", true}, {"up_to", 1.5}}, json{{"tracking_id", 7}}}) {
    const Answer a = mark(coordinator, bad);
    EXPECT_EQ(a.status, 422) << bad;
    EXPECT_EQ(a.body["error"]["code"], "validation_failed") << bad;
  }
  const Answer unknown = mark(coordinator, {{"tracking_id", "XXXXXXXXX"}});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(server.count_rows("inbox_reads"), 0);
  EXPECT_EQ(server.count_rows("inbox_cursors"), 0);
}

// What the sources found is kept until the store has a new event (InboxService::found_): a
// change made behind aduan's back, with no event, shows in the report's row at once but
// moves no item until an event comes, from any report.
TEST_F(Inbox, WhatTheSourcesFoundIsKeptUntilTheStoreHasANewEvent) {
  const std::string id = server.submit().first;
  ASSERT_EQ(item(coordinator, id)["kind"], "new_report");
  server.open_db()->exec(
      "UPDATE reports SET status = 'in_progress' WHERE id = (SELECT max(id) FROM reports)");
  const json kept = item(coordinator, id);
  ASSERT_FALSE(kept.is_null()) << "found again, without a new event";
  EXPECT_EQ(kept["status"], "in_progress");  // the row itself read fresh
  EXPECT_EQ(kept["kind"], "new_report");

  server.submit();  // another report's event
  EXPECT_TRUE(item(coordinator, id).is_null());
}

// A source of several statuses takes the most urgent or newest reports across all of them
// (each status read in order from its own index, the branches merged and cut again:
// InboxRepository::candidates), each with its newest counted event: checked on a seeded
// store against the same choice made over every report.
TEST_F(Inbox, ASourceOfSeveralStatusesTakesTheFirstReportsAcrossThem) {
  seed_reports(server.app(), 1200, 1, kMonday10Wib, 20261206);
  const std::string statuses = "('forwarded', 'in_progress', 'resolved')";
  const InboxSource newest{.statuses = {Status::kForwarded, Status::kInProgress, Status::kResolved},
                           .actions = {Action::kForward, Action::kRespond},
                           .limit = 40};
  InboxSource urgent = newest;
  urgent.due_until = parse_iso_date("2027-12-31");
  urgent.actions = {};
  server.app().store().read([&](Db& db) {
    auto ids = [&](const std::string& sql) {
      std::set<int64_t> out;
      Prepared q(db, sql);
      while (q.executeStep()) out.insert(q.getColumn(0).getInt64());
      return out;
    };
    auto newest_event = [&](int64_t report, const std::string& counted) {
      Prepared q(db, "SELECT max(id) FROM report_events WHERE report_id = ?" + counted);
      q.bind(1, report);
      q.executeStep();
      return q.getColumn(0).isNull() ? int64_t{0} : q.getColumn(0).getInt64();
    };
    const std::set<int64_t> first_updated =
        ids("SELECT id FROM reports WHERE status IN " + statuses +
            " ORDER BY updated_at DESC, id DESC LIMIT 40");
    const std::set<int64_t> first_due =
        ids("SELECT id FROM reports WHERE status IN " + statuses +
            " AND stage != 'none' AND coalesce(stage_due, '9999-12-31') <= '2027-12-31' "
            "ORDER BY coalesce(stage_due, '9999-12-31'), created_at LIMIT 40");
    ASSERT_EQ(first_updated.size(), 40u);
    ASSERT_EQ(first_due.size(), 40u);

    std::set<int64_t> found;
    for (const InboxCandidate& c : InboxRepository::candidates(db, {&newest, 1})) {
      found.insert(c.report_id);
      EXPECT_EQ(c.event_id, newest_event(c.report_id, " AND action IN ('forward', 'respond')"));
    }
    // Only the reports with a counted event become items; every one of those is among the
    // first 40 and none of the first 40 with such an event is missing.
    for (int64_t id : first_updated) {
      const bool counted = newest_event(id, " AND action IN ('forward', 'respond')") != 0;
      EXPECT_EQ(found.count(id), counted ? 1u : 0u) << id;
    }
    EXPECT_EQ(found.size(),
              std::count_if(first_updated.begin(), first_updated.end(), [&](int64_t id) {
                return newest_event(id, " AND action IN ('forward', 'respond')") != 0;
              }));

    found.clear();
    for (const InboxCandidate& c : InboxRepository::candidates(db, {&urgent, 1})) {
      found.insert(c.report_id);
      EXPECT_EQ(c.event_id, newest_event(c.report_id, ""));
    }
    EXPECT_EQ(found, first_due);

    // Both sources in one statement: each row tagged with its source's place, the same rows
    // as each source gives alone.
    const std::vector<InboxSource> both = {newest, urgent};
    std::set<std::tuple<size_t, int64_t, int64_t>> together, alone;
    for (const InboxCandidate& c : InboxRepository::candidates(db, both)) {
      together.emplace(c.source, c.report_id, c.event_id);
    }
    for (size_t n = 0; n < both.size(); ++n) {
      for (const InboxCandidate& c : InboxRepository::candidates(db, {&both[n], 1})) {
        alone.emplace(n, c.report_id, c.event_id);
      }
    }
    EXPECT_EQ(together, alone);
    EXPECT_TRUE(together.contains({1, *first_due.begin(), newest_event(*first_due.begin(), "")}));
    EXPECT_EQ(std::count_if(together.begin(), together.end(),
                            [](const auto& row) { return std::get<0>(row) == 1; }),
              40);
  });
}

}  // namespace
}  // namespace aduan::testing

// Whole lifecycles over HTTP: staff in their roles, the citizen with the PIN, and the
// deadline job with an injected clock.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/seed.h"
#include "services/staff_service.h"
#include "shared/similarity.h"
#include "store/prepared.h"
#include "store/report_search.h"
#include "store/sqlite_db.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

// The reports the search's index finds by one term, read as a list's statement reads them, in
// id order (a report found twice is there twice).
std::vector<int64_t> indexed_by(Db& db, const std::string& term) {
  const WordsMatch match = ReportSearch::match(db, WordsQuery{{term}, {}});
  Prepared q(
      db, "SELECT rowid FROM " + match.from + (match.where.empty() ? "" : "WHERE " + match.where));
  int i = 1;
  for (const std::string& v : match.from_values) q.bind(i++, v);
  for (const std::string& v : match.where_values) q.bind(i++, v);
  std::vector<int64_t> found;
  while (q.executeStep()) found.push_back(q.getColumn(0).getInt64());
  std::sort(found.begin(), found.end());
  return found;
}

using nlohmann::json;

struct Answer {
  int status = 0;
  json body;
};

class Lifecycle : public ::testing::Test {
 protected:
  Answer get(const StaffSession& s, const std::string& path) {
    httplib::Client c = server.client();
    auto res = c.Get(path.c_str(), s.headers());
    return {res ? res->status : 0, res && !res->body.empty() ? json::parse(res->body) : json()};
  }

  Answer post(const std::string& path, const json& body, const httplib::Headers& headers = {}) {
    httplib::Client c = server.client();
    auto res = c.Post(path.c_str(), headers, body.dump(), "application/json");
    return {res ? res->status : 0, res && !res->body.empty() ? json::parse(res->body) : json()};
  }

  json report(const StaffSession& s, const std::string& id) {
    const Answer a = get(s, "/api/v1/staff/reports/" + id);
    EXPECT_EQ(a.status, 200) << a.body;
    return a.body;
  }

  // A staff action on the version the staff member currently sees.
  Answer act(const StaffSession& s, const std::string& id, json body) {
    if (!body.contains("version")) body["version"] = report(s, id)["version"];
    return post("/api/v1/staff/reports/" + id + "/actions", body, s.headers());
  }

  Answer citizen(const std::string& id, const std::string& pin, json body) {
    body["pin"] = pin;
    return post("/api/v1/reports/" + id + "/actions", body);
  }

  // Forwarded to the roads agency, answered and resolved there.
  void resolve_through_dpupr(const std::string& id) {
    ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
    ASSERT_EQ(act(dpupr, id, {{"action", "respond"}, {"note", "Sedang kami periksa di lapangan."}})
                  .status,
              200);
    ASSERT_EQ(
        act(dpupr, id, {{"action", "resolve"}, {"note", "Sudah diperbaiki oleh tim UPT jalan."}})
            .status,
        200);
  }

  json track(const std::string& id) {
    httplib::Client c = server.client();
    return json::parse(c.Get(("/api/v1/reports/" + id).c_str())->body);
  }

  // Sessions that outlive the days these tests move the clock through.
  TestServer server{
      AuthSettings{.idle_timeout_seconds = 365 * kDay, .absolute_timeout_seconds = 365 * kDay}};
  StaffSession coordinator = server.login("koordinator");
  StaffSession dpupr = server.login("admin.dpupr");
  StaffSession officer = server.login("petugas.dpupr");
};

TEST_F(Lifecycle, ForwardRespondResolveConfirmRate) {
  const auto [id, pin] = server.submit();
  EXPECT_EQ(act(coordinator, id,
                {{"action", "forward"},
                 {"agency", "DPUPR"},
                 {"tier", "light"},
                 {"note", "Mohon segera ditangani"}})
                .status,
            200);
  json r = report(dpupr, id);
  EXPECT_EQ(r["status"], "forwarded");
  EXPECT_EQ(r["deadline"]["stage"], "first_response");
  EXPECT_EQ(r["deadline"]["due"], "2026-11-30");
  // Sixty working days, skipping the shipped 1 and 5 January 2027 (provisional).
  EXPECT_EQ(r["escalation_due"], "2027-02-19");
  EXPECT_EQ(r["deadline_provisional"], true);

  EXPECT_EQ(act(dpupr, id, {{"action", "assign"}, {"officer", "petugas.dpupr"}}).status, 200);
  EXPECT_EQ(report(dpupr, id)["assigned_to"], "Agus Pratama");
  server.clock().advance(kDay);
  Answer a = act(officer, id, {{"action", "respond"}, {"note", "Tim akan meninjau lokasi besok."}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["status"], "in_progress");
  // Light tier: two working days from Tuesday.
  EXPECT_EQ(a.body["deadline"]["due"], "2026-11-26");
  EXPECT_EQ(act(officer, id,
                {{"action", "update"}, {"note", "Material sudah dipesan."}, {"public", false}})
                .status,
            200);
  // The officer may not publish the final follow-up; the admin does.
  EXPECT_EQ(
      act(officer, id, {{"action", "resolve"}, {"note", "Lubang sudah ditambal dengan aspal."}})
          .status,
      409);
  a = act(dpupr, id,
          {{"action", "resolve"}, {"note", "Lubang sudah ditambal dengan aspal hotmix."}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["deadline"]["stage"], "citizen_confirmation");

  // The citizen sees public events only: no internal update, no assignment.
  const json tracked = track(id);
  std::vector<std::string> actions;
  for (const json& e : tracked["timeline"]) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"submit", "forward", "respond", "resolve"}));
  // The coordinator's instruction to the agency stays inside.
  EXPECT_EQ(tracked.dump().find("Mohon segera ditangani"), std::string::npos);
  EXPECT_NE(report(dpupr, id).dump().find("Mohon segera ditangani"), std::string::npos);

  EXPECT_EQ(citizen(id, "00000000", {{"action", "confirm"}}).status, 403);
  a = citizen(id, pin, {{"action", "confirm"}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["status"], "closed");
  EXPECT_EQ(citizen(id, pin, {{"action", "rate"}, {"rating", 7}}).status, 422);
  // Far beyond any int, or not whole: refused with the field's code, never cast.
  for (const json& rating : {json(6.7e62), json(-1e300), json(4.5)}) {
    const auto refused = citizen(id, pin, {{"action", "rate"}, {"rating", rating}});
    EXPECT_EQ(refused.status, 422) << rating;
    EXPECT_EQ(refused.body["errors"][0]["field"], "rating") << refused.body;
  }
  a = citizen(id, pin, {{"action", "rate"}, {"rating", 5}, {"note", "Cepat, terima kasih"}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["rating"]["score"], 5);
  EXPECT_EQ(citizen(id, pin, {{"action", "rate"}, {"rating", 1}}).status, 409);  // once only
}

TEST_F(Lifecycle, PostponeThenAnswerResumesTheClock) {
  const auto [id, pin] = server.submit();
  server.clock().advance(kDay);  // Tuesday: two of three verification days left
  Answer a = act(coordinator, id,
                 {{"action", "postpone"}, {"note", "Mohon lampirkan foto lokasi lubang jalan."}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["status"], "postponed");
  EXPECT_TRUE(a.body["deadline"].is_null());
  // The question is on the reporter's timeline; a stranger sees only that it waits.
  EXPECT_EQ(
      post("/api/v1/reports/" + id + "/access", {{"pin", pin}}).body["timeline"].back()["note"],
      "Mohon lampirkan foto lokasi lubang jalan.");
  EXPECT_FALSE(track(id).contains("timeline"));
  server.clock().advance(14 * kDay);  // two weeks later, Tuesday 8 December
  a = citizen(id, pin, {{"action", "answer"}, {"note", "Lokasinya di depan toko emas Permata."}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["status"], "submitted");
  EXPECT_EQ(a.body["deadline"]["due"], "2026-12-10");
}

TEST_F(Lifecycle, ReturnedAsNotOurRemitThenReforwarded) {
  const auto [id, pin] = server.submit();
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  Answer a = act(
      dpupr, id,
      {{"action", "return"}, {"note", "Jalan ini jalan provinsi, bukan kewenangan kabupaten."}});
  ASSERT_EQ(a.status, 200) << a.body;
  // Out of the agency's reach now, back in the coordinator's queue of returned reports.
  EXPECT_EQ(get(dpupr, "/api/v1/staff/reports/" + id).status, 404);
  const Answer queue = get(coordinator, "/api/v1/staff/reports?returned=1");
  ASSERT_EQ(queue.status, 200);
  bool listed = false;
  for (const json& item : queue.body["items"]) listed |= item["tracking_id"] == id;
  EXPECT_TRUE(listed);
  json r = report(coordinator, id);
  EXPECT_EQ(r["status"], "submitted");
  EXPECT_TRUE(r["returned"].get<bool>());
  EXPECT_EQ(r["timeline"].back()["note"], "Jalan ini jalan provinsi, bukan kewenangan kabupaten.");
  const StaffSession pdam = server.login("admin.pdam");
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "PDAM"}}).status, 200);
  EXPECT_EQ(report(pdam, id)["agency"]["code"], "PDAM");
  EXPECT_FALSE(report(pdam, id)["returned"].get<bool>());
}

TEST_F(Lifecycle, ArchiveNeedsAReason) {
  const auto [id, pin] = server.submit();
  Answer a = act(coordinator, id, {{"action", "archive"}});
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(a.body["errors"][0]["field"], "archive_reason");
  const auto [other, other_pin] = server.submit();
  a = act(coordinator, id,
          {{"action", "archive"}, {"archive_reason", "duplicate"}, {"duplicate_of", other}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["status"], "archived");
  EXPECT_EQ(a.body["duplicate_of"], other);
  EXPECT_EQ(citizen(id, pin, {{"action", "reply"}, {"note", "Kenapa diarsipkan?"}}).status, 409);
}

TEST_F(Lifecycle, StaleViewIsRefusedNotAppliedTwice) {
  const auto [id, pin] = server.submit();
  const int64_t version = report(coordinator, id)["version"];
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}, {"version", version}})
                .status,
            200);
  const int64_t events = server.count_rows("report_events");
  // The same click again, from the same (now stale) page.
  const Answer again =
      act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}, {"version", version}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["error"]["code"], "stale_version");
  EXPECT_EQ(server.count_rows("report_events"), events);
  // A current version but an action the status does not allow.
  const Answer illegal =
      act(coordinator, id, {{"action", "postpone"}, {"note", "Mohon info tambahan lokasi."}});
  EXPECT_EQ(illegal.status, 409);
  EXPECT_EQ(illegal.body["error"]["code"], "action_not_allowed");
  EXPECT_EQ(act(coordinator, id, {{"action", "fly"}}).status, 400);
}

TEST_F(Lifecycle, AutoCloseAfterTenWorkingDaysAndIdempotentJob) {
  const auto [id, pin] = server.submit();
  resolve_through_dpupr(id);
  // Due on Monday 7 December (ten working days); still open that day.
  server.clock().set(kMonday10Wib + 14 * kDay);
  EXPECT_EQ(server.app().job().run_once().auto_closed, 0);
  EXPECT_EQ(track(id)["status"], "resolved");
  server.clock().set(kMonday10Wib + 15 * kDay);
  EXPECT_EQ(server.app().job().run_once().auto_closed, 1);
  EXPECT_EQ(track(id)["status"], "closed");
  EXPECT_EQ(track(id)["timeline"].back()["action"], "auto_close");
  // Running again changes nothing and writes no second event.
  const int64_t events = server.count_rows("report_events");
  const JobRun again = server.app().job().run_once();
  EXPECT_EQ(again.auto_closed + again.escalated, 0);
  EXPECT_EQ(server.count_rows("report_events"), events);
  // Too late to reopen; rating is still possible.
  EXPECT_EQ(
      citizen(id, pin, {{"action", "reopen"}, {"note", "Lubangnya muncul lagi setelah hujan."}})
          .status,
      409);
}

TEST_F(Lifecycle, ReopenWithinTheWindowGoesBackToTheAgency) {
  const auto [id, pin] = server.submit();
  resolve_through_dpupr(id);
  const Answer a =
      citizen(id, pin, {{"action", "reopen"}, {"note", "Lubangnya muncul lagi setelah hujan."}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["status"], "in_progress");
  EXPECT_EQ(a.body["deadline"]["stage"], "resolution");
}

TEST_F(Lifecycle, EscalationAfterSixtyWorkingDaysCatchesUpAfterDowntime) {
  const auto [id, pin] = server.submit();
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  EXPECT_EQ(report(coordinator, id)["escalation_due"], "2027-02-19");
  // Sixty working days, skipping 2026's holidays and the shipped (provisional) 1 and 5
  // January 2027, end on Friday 19 February 2027, the last day the agency holds it.
  server.clock().set(kMonday10Wib + 86 * kDay);
  EXPECT_EQ(server.app().job().run_once().escalated, 0);
  // The server was down for a month; the first run after it comes back escalates.
  // (With it goes the demo's pothole report, forwarded on the same Monday.)
  server.clock().set(kMonday10Wib + 120 * kDay);
  EXPECT_EQ(server.app().job().run_once().escalated, 2);
  const StaffSession ombudsman = server.login("ombudsman");
  json r = report(ombudsman, id);
  EXPECT_EQ(r["status"], "escalated");
  EXPECT_EQ(r["timeline"].back()["action"], "escalate");
  EXPECT_EQ(r["timeline"].back()["role"], "system");
  const Answer queue = get(ombudsman, "/api/v1/staff/reports?status=escalated");
  EXPECT_GE(queue.body["total"].get<int>(), 1);
  // The supervisor closes the loop with a resolution of their own.
  const Answer a = act(
      ombudsman, id,
      {{"action", "resolve"}, {"note", "Ombudsman meminta DPUPR menambal dalam 3 hari; selesai."}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["status"], "resolved");
}

TEST_F(Lifecycle, DemoEscalatedItsStaleReportAtLoad) {
  const StaffSession ombudsman = server.login("ombudsman");
  const Answer queue = get(ombudsman, "/api/v1/staff/reports?status=escalated");
  ASSERT_EQ(queue.status, 200);
  EXPECT_EQ(queue.body["total"], 1);
}

TEST_F(Lifecycle, AgencyQueuesAreScoped) {
  const auto [id, pin] = server.submit();
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  const StaffSession pdam = server.login("admin.pdam");
  EXPECT_EQ(get(pdam, "/api/v1/staff/reports/" + id).status, 404);
  EXPECT_EQ(
      act(pdam, id, {{"action", "respond"}, {"note", "Kami tangani segera ya."}, {"version", 2}})
          .status,
      404);
  // Asking for another agency's queue gives nothing, not that agency's reports.
  const Answer other = get(pdam, "/api/v1/staff/reports?agency=DPUPR");
  EXPECT_EQ(other.body["total"], 0);
  // The officer sees only what is assigned to them.
  EXPECT_EQ(get(officer, "/api/v1/staff/reports/" + id).status, 404);
  ASSERT_EQ(act(dpupr, id, {{"action", "assign"}, {"officer", "petugas.dpupr"}}).status, 200);
  EXPECT_EQ(get(officer, "/api/v1/staff/reports/" + id).status, 200);
  // An admin cannot assign another agency's staff.
  const Answer wrong = act(dpupr, id, {{"action", "assign"}, {"officer", "admin.pdam"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.body["errors"][0]["code"], "unknown_officer");
}

// The totals of the common queues come from the monitoring's counters; they must be the
// number of reports the same filter lists, as reports are forwarded, taken up and resolved.
TEST_F(Lifecycle, QueueTotalsAreTheReportsThatMatchAsReportsMove) {
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(server.submit().first);
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(act(coordinator, ids[i], {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  }
  ASSERT_EQ(act(dpupr, ids[0], {{"action", "respond"}, {"note", "Kami tangani segera ya."}}).status,
            200);
  ASSERT_EQ(act(dpupr, ids[1], {{"action", "respond"}, {"note", "Kami tangani segera ya."}}).status,
            200);
  ASSERT_EQ(
      act(dpupr, ids[1], {{"action", "resolve"}, {"note", "Sudah diperbaiki tim kami."}}).status,
      200);
  const auto db = server.open_db();
  auto stored = [&](const std::string& where) {
    return query_int64(*db, "SELECT count(*) FROM reports r WHERE " + where);
  };
  const std::string dpupr_id = "(SELECT id FROM agencies WHERE code = 'DPUPR')";
  struct Case {
    const StaffSession& who;
    std::string query;
    std::string where;
  };
  const std::vector<Case> cases = {
      {coordinator, "status=submitted", "status = 'submitted'"},
      {coordinator, "status=forwarded,in_progress", "status IN ('forwarded', 'in_progress')"},
      {coordinator, "status=resolved&agency=DPUPR",
       "status = 'resolved' AND agency_id = " + dpupr_id},
      {coordinator, "category=jalan-jembatan",
       "category_id = (SELECT id FROM categories WHERE code = 'jalan-jembatan')"},
      {coordinator, "", "1 = 1"},
      {dpupr, "", "agency_id = " + dpupr_id},
      {dpupr, "status=in_progress", "status = 'in_progress' AND agency_id = " + dpupr_id},
      // Not from the counters: counted from the reports.
      {dpupr, "returned=1", "returned = 1 AND agency_id = " + dpupr_id},
  };
  for (const Case& c : cases) {
    const Answer page = get(c.who, "/api/v1/staff/reports?" + c.query);
    ASSERT_EQ(page.status, 200) << c.query;
    EXPECT_EQ(page.body["total"].get<int64_t>(), stored(c.where)) << c.query;
    EXPECT_FALSE(page.body["total_exceeds_limit"].get<bool>()) << c.query;
  }
  EXPECT_GT(stored("status = 'in_progress'"), 0);
  EXPECT_GT(stored("status = 'resolved'"), 0);
}

TEST_F(Lifecycle, CoordinatorQueueIsOldestDeadlineFirstWithPaging) {
  server.submit();
  server.clock().advance(-10 * kDay);  // an older one, overdue by now
  const auto [older, pin] = server.submit({{"incident_date", "2026-11-01"}});
  server.clock().advance(10 * kDay);
  const Answer page = get(coordinator, "/api/v1/staff/reports?status=submitted&per_page=2&page=1");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body["items"].size(), 2u);
  EXPECT_GE(page.body["total"].get<int>(), 4);
  std::string previous;
  for (const json& item : page.body["items"]) {
    const std::string due = item["deadline"]["due"];
    EXPECT_LE(previous, due);
    previous = due;
    EXPECT_TRUE(item["deadline"]["colour"].is_string());
  }
  const Answer overdue = get(coordinator, "/api/v1/staff/reports?overdue=1");
  bool has_older = false;
  for (const json& item : overdue.body["items"]) has_older |= item["tracking_id"] == older;
  EXPECT_TRUE(has_older);
}

// Each order of the queue, over several pages: no report twice, none left out, each page in
// its order; an unknown order is the deadline order.
TEST_F(Lifecycle, QueueSortsByAgeUpdateAndFollowers) {
  for (int i = 0; i < 5; ++i) {
    server.clock().advance(kDay);
    server.submit();
  }
  {
    // Followers come from citizens confirming a contact; here two reports simply have some.
    const auto db = server.open_db();
    db->exec(
        "UPDATE reports SET followers = 7 WHERE id = (SELECT min(id) FROM reports WHERE status = "
        "'submitted')");
    db->exec(
        "UPDATE reports SET followers = 2 WHERE id = (SELECT max(id) FROM reports WHERE status = "
        "'submitted')");
  }
  auto all = [&](const std::string& sort) {
    std::vector<json> out;
    for (int page = 1; page <= 50; ++page) {
      const Answer a =
          get(coordinator, "/api/v1/staff/reports?status=submitted&per_page=2&sort=" + sort +
                               "&page=" + std::to_string(page));
      EXPECT_EQ(a.status, 200);
      if (a.body["items"].empty()) break;
      for (const json& item : a.body["items"]) out.push_back(item);
    }
    return out;
  };
  const std::vector<json> due = all("due");
  ASSERT_GE(due.size(), 5u);
  auto ids = [](const std::vector<json>& items) {
    std::vector<std::string> out;
    for (const json& item : items) out.push_back(item["tracking_id"]);
    std::sort(out.begin(), out.end());
    return out;
  };
  const std::vector<json> oldest = all("oldest"), newest = all("newest"), updated = all("updated"),
                          followed = all("followers");
  for (const auto* sorted : {&oldest, &newest, &updated, &followed}) {
    EXPECT_EQ(ids(*sorted), ids(due));  // the same reports, each once
  }
  for (size_t i = 1; i < oldest.size(); ++i) {
    EXPECT_LE(oldest[i - 1]["created_at"], oldest[i]["created_at"]);
    EXPECT_GE(newest[i - 1]["created_at"], newest[i]["created_at"]);
    EXPECT_GE(updated[i - 1]["updated_at"], updated[i]["updated_at"]);
    EXPECT_GE(followed[i - 1]["followers"], followed[i]["followers"]);
  }
  EXPECT_NE(oldest.front()["tracking_id"], newest.front()["tracking_id"]);
  EXPECT_EQ(oldest.front()["tracking_id"], newest.back()["tracking_id"]);
  EXPECT_EQ(followed[0]["followers"], 7);
  EXPECT_EQ(followed[1]["followers"], 2);
  std::vector<json> unknown = all("nonsense");
  EXPECT_EQ(unknown.size(), due.size());
  for (size_t i = 0; i < due.size(); ++i)
    EXPECT_EQ(unknown[i]["tracking_id"], due[i]["tracking_id"]);
}

// The queue's search box: words through the core's normalisation (a nickname, a synonym,
// a word still being typed), a tracking ID however typed, and a reporter's phone or e-mail,
// which never names the reporter of an anonymous report to a role that may not see them.
TEST_F(Lifecycle, QueueSearchFindsWordsIdsAndContactsWithinWhatTheRoleMaySee) {
  const auto [lamp, lamp_pin] = server.submit(
      {{"title", "Lampu penerangan jalan mati di Gang Srikaya"},
       {"body", "Sudah seminggu lampu jalan di depan masjid tidak menyala, gelap sekali."},
       {"category", "jalan-jembatan"},
       {"reporter", {{"phone", "0813-1111-2222"}, {"email", "Budi.Santoso@Contoh.ID"}}}});
  const auto [rubbish, rubbish_pin] =
      server.submit({{"title", "Sampah menumpuk di pasar Sungkai"},
                     {"body", "Tumpukan sampah di belakang pasar belum diangkut seminggu."},
                     {"category", "sampah"},
                     {"anonymous", true},
                     {"reporter", {{"phone", "0813-9999-0000"}}}});
  const auto [secret, secret_pin] =
      server.submit({{"title", "Pungutan liar di kantor kelurahan Tambakanyar"},
                     {"body", "Petugas meminta uang untuk surat pengantar yang seharusnya gratis."},
                     {"category", "perizinan"},
                     {"confidential", true}});
  auto found = [&](const StaffSession& who, const std::string& typed) {
    std::string query;
    for (unsigned char c : typed) {
      const bool plain = std::isalnum(c) || c == '-' || c == '.';
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      query += plain ? std::string(1, static_cast<char>(c)) : std::string(hex);
    }
    const Answer a = get(who, "/api/v1/staff/reports?per_page=100&q=" + query);
    EXPECT_EQ(a.status, 200) << typed << " " << a.body;
    std::vector<std::string> ids;
    for (const json& item : a.body["items"]) ids.push_back(item["tracking_id"]);
    return ids;
  };
  using Ids = std::vector<std::string>;
  // "pju" and "padam" are the core's words for "lampu" and "mati".
  EXPECT_EQ(found(coordinator, "lampu pju padam srikaya"), Ids{lamp});
  EXPECT_EQ(found(coordinator, "LAMPU Srikaya"), Ids{lamp});  // any case
  EXPECT_TRUE(found(coordinator, "srika").empty());           // whole words only
  EXPECT_EQ(found(coordinator, "sampah pasar sungkai"), Ids{rubbish});
  EXPECT_EQ(found(coordinator, "pungli tambakanyar"),
            Ids{secret});                                      // confidential: staff search it
  EXPECT_TRUE(found(coordinator, "srikaya sungkai").empty());  // every word must be there
  EXPECT_TRUE(found(coordinator, "di yang").empty());          // nothing to look for finds nothing
  // FTS5 syntax typed by someone is only words.
  EXPECT_TRUE(found(coordinator, "srikaya\" OR * NEAR(").size() <= 1);
  // A tracking ID in lower case with spaces.
  std::string typed_id = lamp;
  for (char& c : typed_id) c = c == '-' ? ' ' : static_cast<char>(std::tolower(c));
  EXPECT_EQ(found(coordinator, typed_id), Ids{lamp});
  // An ID without a digit (one in fourteen), read out in its three groups, is still an ID.
  EXPECT_EQ(ReportSearch::parse("svq pxe bhm").kind, QueueSearch::Kind::kTrackingId);
  EXPECT_EQ(ReportSearch::parse("kerusakan").kind, QueueSearch::Kind::kWords);
  // Contacts: the phone in any spelling, the e-mail in any case.
  EXPECT_EQ(found(coordinator, "+62 813 1111 2222"), Ids{lamp});
  EXPECT_EQ(found(coordinator, "budi.santoso@contoh.id"), Ids{lamp});
  EXPECT_EQ(found(coordinator, "081399990000"), Ids{rubbish});  // the coordinator sees reporters

  // At the agency: both forwarded there, the anonymous reporter's phone finds nothing.
  ASSERT_EQ(act(coordinator, lamp, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  ASSERT_EQ(act(coordinator, rubbish, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  EXPECT_EQ(found(dpupr, "sampah sungkai"), Ids{rubbish});  // the words, yes
  EXPECT_TRUE(found(dpupr, "081399990000").empty());        // who reported it, no
  EXPECT_EQ(found(dpupr, "0813-1111-2222"), Ids{lamp});
  // Another agency's staff find nothing of DPUPR's.
  const StaffSession pdam = server.login("admin.pdam");
  EXPECT_TRUE(found(pdam, "lampu srikaya").empty());

  // The index's agency term moves with the report: returned by DPUPR and forwarded to PDAM,
  // PDAM's search finds it, DPUPR's no longer does, and so does the coordinator's filter on
  // each agency; twice, so that each entry is removed with the very terms it was made of.
  for (int round = 0; round < 2; ++round) {
    ASSERT_EQ(
        act(dpupr, rubbish, {{"action", "return"}, {"note", "Bukan kewenangan kami."}}).status,
        200);
    EXPECT_TRUE(found(dpupr, "sampah sungkai").empty());
    EXPECT_EQ(found(coordinator, "sampah sungkai"), Ids{rubbish});  // held by no agency
    ASSERT_EQ(act(coordinator, rubbish, {{"action", "forward"}, {"agency", "PDAM"}}).status, 200);
    EXPECT_EQ(found(pdam, "sampah sungkai"), Ids{rubbish});
    EXPECT_TRUE(found(dpupr, "sampah sungkai").empty());
    // Counted from the index alone, by its agency terms.
    EXPECT_EQ(get(pdam, "/api/v1/staff/reports?q=sampah%20sungkai").body["total"], 1);
    EXPECT_EQ(get(dpupr, "/api/v1/staff/reports?q=sampah%20sungkai").body["total"], 0);
    const Answer by_agency =
        get(coordinator, "/api/v1/staff/reports?agency=PDAM&q=sampah%20sungkai");
    ASSERT_EQ(by_agency.status, 200);
    ASSERT_EQ(by_agency.body["items"].size(), 1u);
    EXPECT_EQ(by_agency.body["items"][0]["tracking_id"], rubbish);
    ASSERT_EQ(act(pdam, rubbish, {{"action", "return"}, {"note", "Bukan kewenangan kami."}}).status,
              200);
    ASSERT_EQ(act(coordinator, rubbish, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
    EXPECT_EQ(found(dpupr, "sampah sungkai"), Ids{rubbish});
    EXPECT_TRUE(found(pdam, "sampah sungkai").empty());
  }
  // What was moved left nothing behind: each agency's term is in as many entries as the
  // agency holds reports.
  server.app().store().write([](Db& db) {
    Prepared agencies(db,
                      "SELECT id, (SELECT count(*) FROM reports r WHERE r.agency_id = a.id) "
                      "FROM agencies a");
    int checked = 0;
    while (agencies.executeStep()) {
      const std::string term = "0agency" + agencies.getColumn(0).getString();
      EXPECT_EQ(static_cast<int64_t>(indexed_by(db, term).size()), agencies.getColumn(1).getInt64())
          << term;
      checked += agencies.getColumn(1).getInt64() > 0;
    }
    EXPECT_GE(checked, 1);
    // And FTS5's own check of its index passes (SQLite's; PostgreSQL's are plain tables).
    if (db.engine() == Engine::kSqlite) {
      db.exec("INSERT INTO report_search(report_search) VALUES('integrity-check')");
    }
  });
}

// A seeded store's search index (filled a batch of reports at a time, on PostgreSQL each
// batch ending where a block of report ids ends and its blocks written once) finds each
// report by each of its terms and by its agency's, and finds no other report by them.
TEST_F(Lifecycle, ASeededStoresSearchIndexFindsEachReportByItsTermsAlone) {
  seed_reports(server.app(), 1200, 1, kMonday10Wib, 20261208);
  std::map<std::string, std::set<int64_t>> holders;  // each term: the reports whose text has it
  server.app().store().read([&](Db& db) {
    Prepared q(db, "SELECT id, title, body, location_text, agency_id FROM reports");
    while (q.executeStep()) {
      const int64_t id = q.getColumn(0).getInt64();
      for (const std::string& term :
           matching_terms(q.getColumn(1).getString() + "\n" + q.getColumn(2).getString() + "\n" +
                          q.getColumn(3).getString())) {
        holders[term].insert(id);
      }
      if (!q.getColumn(4).isNull()) holders["0agency" + q.getColumn(4).getString()].insert(id);
    }
  });
  ASSERT_GE(holders.size(), 20u);
  int64_t first = INT64_MAX;
  for (const auto& [term, ids] : holders) first = std::min(first, *ids.begin());
  size_t checked = 0;
  server.app().store().read([&](Db& db) {
    for (const auto& [term, expected] : holders) {
      EXPECT_EQ(indexed_by(db, term), std::vector<int64_t>(expected.begin(), expected.end()))
          << term;
      // Terms of reports in the first 500 and the last 200, of three batches at least.
      checked += *expected.begin() < first + 500 && *expected.rbegin() >= first + 1000;
    }
  });
  EXPECT_GE(checked, 20u);
}

// A queue of several statuses in each order: one branch per status, merged
// (ReportRepository::list), gives the same pages as the same filter read over every report.
TEST_F(Lifecycle, AQueueOfSeveralStatusesPagesInEachOrderAsOneList) {
  seed_reports(server.app(), 1200, 1, kMonday10Wib, 20261206);
  const std::vector<std::pair<std::string, std::string>> orders = {
      {"", "coalesce(stage_due, '9999-12-31'), created_at, id"},
      {"oldest", "created_at, id"},
      {"newest", "created_at DESC, id DESC"},
      {"updated", "updated_at DESC, id DESC"},
      {"followers", "followers DESC, id DESC"}};
  for (const auto& [sort, order] : orders) {
    // A status named twice is one status.
    for (const std::string statuses : {"forwarded,in_progress", "closed,resolved,submitted",
                                       "forwarded,forwarded,in_progress"}) {
      std::string in;
      for (size_t start = 0; start < statuses.size();) {
        const size_t comma = std::min(statuses.find(',', start), statuses.size());
        in += (in.empty() ? "'" : ", '") + statuses.substr(start, comma - start) + "'";
        start = comma + 1;
      }
      for (int number : {1, 3}) {
        std::vector<std::string> expected;
        server.app().store().read([&](Db& db) {
          Prepared q(db, "SELECT tracking_id FROM reports WHERE status IN (" + in + ") ORDER BY " +
                             order + " LIMIT 20 OFFSET " + std::to_string((number - 1) * 20));
          while (q.executeStep()) expected.push_back(q.getColumn(0).getString());
        });
        ASSERT_EQ(expected.size(), 20u) << statuses;
        const Answer a =
            get(coordinator, "/api/v1/staff/reports?status=" + statuses + "&sort=" + sort +
                                 "&per_page=20&page=" + std::to_string(number));
        ASSERT_EQ(a.status, 200) << a.body;
        std::vector<std::string> shown;
        for (const json& item : a.body["items"]) {
          std::string id = item["tracking_id"];
          id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
          shown.push_back(id);
        }
        EXPECT_EQ(shown, expected) << statuses << " sort=" << sort << " page " << number;
      }
    }
  }
}

// The total of a queue of every status comes from the counters of reports made
// (count_from_tallies), of one status from that status's: either is the number of reports the
// filter holds, over two years of months, for the whole province, an agency and a category.
TEST_F(Lifecycle, AQueueOfEveryStatusCountsEveryReportItsFilterHolds) {
  seed_reports(server.app(), 1200, 2, kMonday10Wib, 20261207);
  auto counted = [&](const std::string& where) {
    int64_t n = 0;
    server.app().store().read(
        [&](Db& db) { n = query_int64(db, "SELECT count(*) FROM reports WHERE 1 = 1" + where); });
    return n;
  };
  const std::string dpupr_reports =
      " AND agency_id = (SELECT id FROM agencies WHERE code = 'DPUPR')";
  const std::string roads =
      " AND category_id = (SELECT id FROM categories WHERE code = 'jalan-jembatan')";
  const struct {
    const StaffSession& who;
    std::string query, where;
  } cases[] = {
      {coordinator, "", ""},
      {coordinator, "category=jalan-jembatan", roads},
      {coordinator, "agency=DPUPR", dpupr_reports},
      {coordinator, "agency=DPUPR&category=jalan-jembatan", dpupr_reports + roads},
      {dpupr, "", dpupr_reports},
      {coordinator, "status=closed", " AND status = 'closed'"},
      {dpupr, "status=in_progress", dpupr_reports + " AND status = 'in_progress'"},
  };
  for (const auto& c : cases) {
    const int64_t expected = counted(c.where);
    // More than a page: the total is not the length of a first page that holds them all.
    ASSERT_GT(expected, 5) << c.query;
    const Answer a = get(c.who, "/api/v1/staff/reports?per_page=5&" + c.query);
    ASSERT_EQ(a.status, 200) << a.body;
    EXPECT_EQ(a.body["total"].get<int64_t>(), expected) << c.query;
  }
}

// A report's text that spells an agency's term of the search index ("0agency" and its id) is
// words, not a second agency: the report is found and counted for the agency that holds it,
// never for the one its text names (whose admin would otherwise count it without seeing it,
// and on PostgreSQL find it twice through two agency postings).
TEST_F(Lifecycle, AnAgencysIndexTermInAReportsTextIsNoAgency) {
  int64_t pdam_id = 0;
  server.app().store().read(
      [&](Db& db) { pdam_id = query_int64(db, "SELECT id FROM agencies WHERE code = 'PDAM'"); });
  ASSERT_GT(pdam_id, 0);
  const std::string spelled = "0agency" + std::to_string(pdam_id);
  const auto [pole, pole_pin] =
      server.submit({{"title", "Tiang listrik miring di Gang Kenari " + spelled},
                     {"body", "Tiang listrik di ujung gang hampir roboh ke jalan. " + spelled},
                     {"category", "jalan-jembatan"}});
  ASSERT_EQ(act(coordinator, pole, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  const StaffSession pdam = server.login("admin.pdam");
  const Answer theirs = get(pdam, "/api/v1/staff/reports?q=tiang%20kenari");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_EQ(theirs.body["total"], 0);
  EXPECT_TRUE(theirs.body["items"].empty());
  // A second page is counted from the index alone, by the agencies' terms.
  const std::string counted = "/api/v1/staff/reports?q=tiang%20kenari&page=2";
  EXPECT_EQ(get(pdam, counted).body["total"], 0);
  EXPECT_EQ(get(dpupr, counted).body["total"], 1);
  const Answer held = get(dpupr, "/api/v1/staff/reports?q=tiang%20kenari");
  EXPECT_EQ(held.body["total"], 1);
  ASSERT_EQ(held.body["items"].size(), 1u);
  EXPECT_EQ(held.body["items"][0]["tracking_id"], pole);
  // Typed in the search box, it is no term to look for either: not PDAM's reports.
  EXPECT_EQ(get(coordinator, "/api/v1/staff/reports?q=" + spelled).body["total"], 0);

  // SQLite: an entry made before such words were left out holds them. Moving the report
  // forgets it by the very terms it was made of (FTS5's own check passes) and makes it again
  // without them.
  bool sqlite = false;
  server.app().store().write([&](Db& db) {
    if (db.engine() != Engine::kSqlite) return;
    sqlite = true;
    std::string stored = pole;
    stored.erase(std::remove(stored.begin(), stored.end(), '-'), stored.end());
    Prepared report(db,
                    "SELECT id, title, body, location_text, agency_id FROM reports "
                    "WHERE tracking_id = ?");
    report.bind(1, stored);
    ASSERT_TRUE(report.executeStep());
    const int64_t rowid = report.getColumn(0).getInt64();
    const std::string agency = "0agency" + report.getColumn(4).getString();
    std::string now, before;
    for (const std::string& t :
         matching_terms(report.getColumn(1).getString() + "\n" + report.getColumn(2).getString() +
                        "\n" + report.getColumn(3).getString())) {
      before += t + " ";
      if (!t.starts_with("0agency")) now += t + " ";
    }
    Prepared remove(
        db, "INSERT INTO report_search(report_search, rowid, terms) VALUES('delete', ?, ?)");
    remove.bind(1, rowid);
    remove.bind(2, now + agency);
    remove.exec();
    Prepared add(db, "INSERT INTO report_search(rowid, terms) VALUES(?, ?)");
    add.bind(1, rowid);
    add.bind(2, before + agency);
    add.exec();
  });
  if (!sqlite) return;
  EXPECT_EQ(get(pdam, counted).body["total"], 1);  // as it was counted before
  ASSERT_EQ(act(dpupr, pole, {{"action", "return"}, {"note", "Bukan kewenangan kami."}}).status,
            200);
  server.app().store().write([](Db& db) {
    db.exec("INSERT INTO report_search(report_search) VALUES('integrity-check')");
  });
  ASSERT_EQ(act(coordinator, pole, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  EXPECT_EQ(get(pdam, counted).body["total"], 0);
  EXPECT_EQ(get(dpupr, counted).body["total"], 1);
}

// An agency admin's search reaches the agency's whole subtree (here three agencies, which
// PostgreSQL's list of agency terms fills up to four) and finds each report once; counted from
// the index alone (a second page), the total is the same.
TEST_F(Lifecycle, AnAgencyAdminsSearchCoversItsSubtreeOnce) {
  server.app().store().write([](Db& db) {
    for (const char* unit : {"UPT-JALAN", "UPT-JEMBATAN"}) {
      Prepared add(db,
                   "INSERT INTO agencies (code, name, parent_id) SELECT ?, ?, id FROM agencies "
                   "WHERE code = 'DPUPR'");
      add.bind(1, std::string(unit));
      add.bind(2, std::string("Unit ") + unit);
      add.exec();
    }
    db.exec("UPDATE catalog_version SET version = version + 1");
  });
  std::set<std::string> filed;
  for (const char* agency : {"DPUPR", "UPT-JALAN", "UPT-JEMBATAN", "PDAM"}) {
    const auto [id, pin] =
        server.submit({{"title", std::string("Gorong-gorong tersumbat di Gang Melati ") + agency},
                       {"body", "Gorong-gorong tersumbat sampah, air meluap ke jalan tiap hujan."},
                       {"category", "jalan-jembatan"}});
    ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", agency}}).status, 200)
        << agency;
    if (std::string(agency) != "PDAM") filed.insert(id);
  }
  const StaffSession admin = server.login("admin.dpupr");  // the subtree is read at sign-in
  const Answer first = get(admin, "/api/v1/staff/reports?q=gorong%20melati");
  ASSERT_EQ(first.status, 200);
  std::set<std::string> found;
  for (const json& item : first.body["items"]) {
    EXPECT_TRUE(found.insert(item["tracking_id"]).second) << item["tracking_id"];  // once
  }
  EXPECT_EQ(found, filed);
  EXPECT_EQ(first.body["total"], 3);
  EXPECT_EQ(get(admin, "/api/v1/staff/reports?q=gorong%20melati&page=2").body["total"], 3);
}

// A word in most reports (its page and its count read newest first and cut at the count's
// limit), a word in a few and a word in none, on each engine: a page holds the newest matches
// first, pages do not overlap, and the count is the one the words have: checked against each
// report's own terms read without the index.
TEST_F(Lifecycle, QueueSearchPagesCommonRareAndAbsentWordsNewestFirst) {
  seed_reports(server.app(), 1200, 1, kMonday10Wib, 20261206);
  struct Written {
    std::string tracking_id;
    std::vector<std::string> terms;
  };
  std::vector<Written> newest_first;
  std::map<std::string, int> words;  // each title word, as staff type it, and its reports
  server.app().store().read([&](Db& db) {
    Prepared q(db, "SELECT tracking_id, title, body, location_text FROM reports ORDER BY id DESC");
    while (q.executeStep()) {
      const std::string title = q.getColumn(1).getString();
      std::vector<std::string> terms = matching_terms(title + "\n" + q.getColumn(2).getString() +
                                                      "\n" + q.getColumn(3).getString());
      std::sort(terms.begin(), terms.end());
      newest_first.push_back({q.getColumn(0).getString(), std::move(terms)});
      std::istringstream in(title);
      for (std::string w; in >> w;) words[w] += 0;
    }
  });
  // The reports a typed query finds, newest first: those holding each of its terms.
  auto matching = [&](const std::string& typed) {
    std::vector<std::string> ids;
    const std::vector<std::string> wanted = matching_terms(typed);
    for (const Written& w : newest_first) {
      const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const std::string& t) {
        return std::binary_search(w.terms.begin(), w.terms.end(), t);
      });
      if (all && !wanted.empty()) ids.push_back(w.tracking_id);
    }
    return ids;
  };
  std::string common, rare;
  for (const auto& [word, unused] : words) {
    const size_t n = matching(word).size();
    if (n > 600 && common.empty()) common = word;
    if (n >= 12 && n <= 60 && rare.empty()) rare = word;
  }
  ASSERT_FALSE(common.empty());
  ASSERT_FALSE(rare.empty());
  const std::string absent = "gelombang";
  ASSERT_TRUE(matching(absent).empty());
  ASSERT_FALSE(matching_terms(absent).empty());

  auto page = [&](const std::string& typed, int number, int per_page) {
    const Answer a =
        get(coordinator, "/api/v1/staff/reports?q=" + typed + "&page=" + std::to_string(number) +
                             "&per_page=" + std::to_string(per_page));
    EXPECT_EQ(a.status, 200) << typed << " " << a.body;
    std::vector<std::string> ids;
    for (const json& item : a.body["items"]) {
      std::string id = item["tracking_id"];  // shown in its groups, stored without the dashes
      id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
      ids.push_back(id);
    }
    return std::pair{ids, a.body};
  };
  auto slice = [](const std::vector<std::string>& all, size_t from, size_t n) {
    from = std::min(from, all.size());
    return std::vector<std::string>(all.begin() + from,
                                    all.begin() + std::min(all.size(), from + n));
  };
  {
    const std::vector<std::string> all = matching(common);
    const auto [first, body] = page(common, 1, 25);
    EXPECT_EQ(first, slice(all, 0, 25)) << common;
    EXPECT_GT(body["total"].get<int>(), 500) << common;  // counted to the limit and one more
    EXPECT_TRUE(body["total_exceeds_limit"].get<bool>()) << common;
    EXPECT_EQ(page(common, 3, 25).first, slice(all, 50, 25)) << common;
    // A page past the count's limit: read to its end, and still counted as more than 500.
    const auto [deep, deep_body] = page(common, 23, 25);
    EXPECT_EQ(deep, slice(all, 550, 25)) << common;
    EXPECT_TRUE(deep_body["total_exceeds_limit"].get<bool>()) << common;
  }
  {
    const std::vector<std::string> all = matching(rare);
    const auto [first, body] = page(rare, 1, 10);
    EXPECT_EQ(first, slice(all, 0, 10)) << rare;
    EXPECT_EQ(body["total"], all.size()) << rare;
    EXPECT_FALSE(body["total_exceeds_limit"].get<bool>()) << rare;
    EXPECT_EQ(page(rare, 2, 10).first, slice(all, 10, 10)) << rare;
    // A page past the last match has no row to carry the count: counted apart.
    const auto [past, past_body] = page(rare, 40, 10);
    EXPECT_TRUE(past.empty()) << rare;
    EXPECT_EQ(past_body["total"], all.size()) << rare;
  }
  // Two words: the reports holding both, newest first, and their count exact up to the limit
  // (on PostgreSQL the ANDs of the words' blocks, counted newest block first).
  std::string other;  // a second title word, in a few hundred of the common word's reports
  std::string along;  // and one in more than the count's limit of them
  for (const auto& [word, unused] : words) {
    const size_t both = matching(common + " " + word).size();
    if (word != common && both >= 100 && both <= 500 && other.empty()) other = word;
    if (word != common && both > 520 && along.empty()) along = word;
  }
  ASSERT_FALSE(other.empty());
  ASSERT_FALSE(along.empty());
  {
    const std::vector<std::string> all = matching(common + " " + along);
    const auto [first, body] = page(common + " " + along, 1, 25);
    EXPECT_EQ(first, slice(all, 0, 25)) << along;
    EXPECT_EQ(body["total"], 501) << along;  // counted to the limit and one more
    EXPECT_TRUE(body["total_exceeds_limit"].get<bool>()) << along;
    EXPECT_EQ(page(common + " " + along, 21, 25).first, slice(all, 500, 25)) << along;
  }
  for (const std::string& typed : {common + " " + rare, common + " " + other}) {
    const std::vector<std::string> all = matching(typed);
    const auto [first, body] = page(typed, 1, 25);
    EXPECT_EQ(first, slice(all, 0, 25)) << typed;
    EXPECT_EQ(body["total"], all.size()) << typed;
    EXPECT_FALSE(body["total_exceeds_limit"].get<bool>()) << typed;
    EXPECT_EQ(page(typed, 4, 25).first, slice(all, 75, 25)) << typed;
  }
  const auto [none, body] = page(absent, 1, 25);
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(body["total"], 0);
  // With a status as well: the count and the page go through the reports too.
  std::set<std::string> submitted;
  server.app().store().read([&](Db& db) {
    Prepared q(db, "SELECT tracking_id FROM reports WHERE status = 'submitted'");
    while (q.executeStep()) submitted.insert(q.getColumn(0).getString());
  });
  for (const std::string& typed : {common, rare}) {
    std::vector<std::string> all;
    for (const std::string& id : matching(typed)) {
      if (submitted.count(id)) all.push_back(id);
    }
    const auto [first, body] = page(typed + "&status=submitted", 1, 10);
    EXPECT_EQ(first, slice(all, 0, 10)) << typed;
    EXPECT_EQ(body["total"].get<size_t>(), std::min<size_t>(all.size(), 501)) << typed;
  }
}

// Page numbers at and past the edge of an int: capped, never an overflowed (negative or
// wrapped) offset; the answer says which page it served.
TEST_F(Lifecycle, QueuePageNumbersAreCapped) {
  struct Case {
    std::string query;
    int page;
    int per_page;
  };
  const std::vector<Case> cases = {
      {"page=2147483647", kMaxQueuePage, 25},
      {"page=2147483647&per_page=100", kMaxQueuePage, 100},
      {"page=2147483648&per_page=2147483647", kMaxQueuePage, 100},
      {"page=99999999999999999999999999&per_page=99999999999999999999", kMaxQueuePage, 100},
      {"page=-2147483648", 1, 25},
      {"page=-99999999999999999999999999&per_page=-5", 1, 1},
      {"page=abc&per_page=", 1, 25},
      {"page=100000&per_page=100", 100000, 100},
      {"page=1&per_page=2", 1, 2},
  };
  for (const Case& c : cases) {
    const Answer a = get(coordinator, "/api/v1/staff/reports?" + c.query);
    ASSERT_EQ(a.status, 200) << c.query;
    EXPECT_EQ(a.body["page"], c.page) << c.query;
    EXPECT_EQ(a.body["per_page"], c.per_page) << c.query;
    EXPECT_EQ(a.body["items"].empty(), c.page > 1) << c.query;
    EXPECT_GE(a.body["total"].get<int>(), 1) << c.query;
  }
  // The public list shares the same reading of numbers.
  httplib::Client client = server.client();
  for (const char* q : {"page=2147483647&per_page=2147483647", "page=-99999999999999999999"}) {
    auto res = client.Get((std::string("/api/v1/public/reports?") + q).c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << q;
  }
}

TEST_F(Lifecycle, AnonymousReporterIsHiddenFromAgencyRoles) {
  const auto [id, pin] = server.submit({{"anonymous", true}});
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  ASSERT_EQ(act(dpupr, id, {{"action", "assign"}, {"officer", "petugas.dpupr"}}).status, 200);
  for (const StaffSession* agency : {&dpupr, &officer}) {
    for (const std::string& path :
         {"/api/v1/staff/reports/" + id, std::string("/api/v1/staff/reports")}) {
      httplib::Client client = server.client();
      const std::string text = client.Get(path.c_str(), agency->headers())->body;
      for (const char* secret : {"Siti", "+6281234567890", "siti@contoh.id", "6303015708900001"}) {
        EXPECT_EQ(text.find(secret), std::string::npos) << path << " " << secret;
      }
    }
  }
  // An action's answer is the report again: hidden there too.
  const Answer updated = act(officer, id, {{"action", "respond"}, {"note", "Sedang kami tinjau."}});
  ASSERT_EQ(updated.status, 200);
  for (const char* secret : {"Siti", "+6281234567890", "siti@contoh.id", "6303015708900001"}) {
    EXPECT_EQ(updated.body.dump().find(secret), std::string::npos) << secret;
  }
  EXPECT_TRUE(report(dpupr, id)["reporter_hidden"].get<bool>());
  // Public tracking never carries it, anonymous or not.
  EXPECT_EQ(track(id).dump().find("Siti"), std::string::npos);
  EXPECT_EQ(report(coordinator, id)["reporter"]["phone"], "+6281234567890");
  // The citizen's own view with the PIN does not echo it either.
  const Answer own = post("/api/v1/reports/" + id + "/access", {{"pin", pin}});
  EXPECT_EQ(own.body.dump().find("6303015708900001"), std::string::npos);
}

TEST_F(Lifecycle, ConfidentialContentOnlyWithThePin) {
  const auto [id, pin] = server.submit({{"confidential", true}});
  EXPECT_FALSE(track(id).contains("body"));
  const Answer wrong = post("/api/v1/reports/" + id + "/access", {{"pin", "12345678"}});
  EXPECT_EQ(wrong.status, 403);
  const Answer own = post("/api/v1/reports/" + id + "/access", {{"pin", pin}});
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.body["title"], "Jalan berlubang di depan pasar");
  EXPECT_TRUE(own.body["version"].is_number());
}

TEST_F(Lifecycle, PinGuessingIsRateLimited) {
  const auto [id, pin] = server.submit();
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(
        post("/api/v1/reports/" + id + "/access", {{"pin", std::to_string(10000000 + i)}}).status,
        403);
  }
  // Past the free tries, this address waits, even with the right PIN; the wait doubles with
  // each further wrong PIN. (Guessing.* shows that the reporter elsewhere is not held up.)
  httplib::Client c = server.client();
  auto res = c.Post(("/api/v1/reports/" + id + "/access").c_str(), json{{"pin", pin}}.dump(),
                    "application/json");
  EXPECT_EQ(res->status, 429);
  EXPECT_EQ(res->get_header_value("Retry-After"), "30");
  server.clock().advance(30);
  EXPECT_EQ(post("/api/v1/reports/" + id + "/access", {{"pin", "10000005"}}).status, 403);
  res = c.Post(("/api/v1/reports/" + id + "/access").c_str(), json{{"pin", pin}}.dump(),
               "application/json");
  EXPECT_EQ(res->status, 429);
  EXPECT_EQ(res->get_header_value("Retry-After"), "60");
  server.clock().advance(60);
  EXPECT_EQ(post("/api/v1/reports/" + id + "/access", {{"pin", pin}}).status, 200);
}

}  // namespace
}  // namespace aduan::testing

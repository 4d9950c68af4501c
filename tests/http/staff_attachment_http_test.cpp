// Staff attach files to what they write (an "after" photo, an official letter) through the
// reporter's upload path with its cleaning and limits; who may fetch such a file follows the
// entry it belongs to. And an agency lets its officers resolve, or not.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

std::string be32(uint32_t v) {
  return {char((v >> 24) & 0xFF), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
}
std::string png_chunk(const std::string& type, const std::string& data) {
  return be32(uint32_t(data.size())) + type + data + "CRC!";
}
// An "after" photo as a phone writes it: with the author's name and a position in it.
std::string after_photo() {
  std::string p = "\x89PNG\r\n\x1A\n";
  p += png_chunk("IHDR", be32(4) + be32(3) + std::string("\x08\x02\x00\x00\x00", 5));
  p += png_chunk("tEXt", std::string("Author\0Petugas Agus", 19));
  p += png_chunk("eXIf", "GPS -3.44 114.83");
  p += png_chunk("IDAT", "pixels of a mended road");
  p += png_chunk("IEND", "");
  return p;
}
const std::string kLetter = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

struct Answer {
  int status = 0;
  json body;
  std::string text;
};

Answer answer(const httplib::Result& res) {
  Answer a;
  if (!res) return a;
  a.status = res->status;
  a.text = res->body;
  a.body = json::parse(res->body, nullptr, false);
  return a;
}

class StaffAttachments : public ::testing::Test {
 protected:
  httplib::Client client() { return server.client(); }

  Answer get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client c = client();
    return answer(c.Get(path.c_str(), headers));
  }
  Answer post(const std::string& path, const json& body, const httplib::Headers& headers = {}) {
    httplib::Client c = client();
    return answer(c.Post(path.c_str(), headers, body.dump(), "application/json"));
  }

  // A file uploaded through `base` ("/api/v1/uploads" or the staff's door) in chunks of
  // `chunk` bytes; returns the finished upload's handle.
  std::string upload(const std::string& type, const std::string& bytes,
                     const httplib::Headers& headers, const std::string& base, size_t chunk = 16) {
    const Answer started = post(base, {{"content_type", type}, {"size", bytes.size()}}, headers);
    EXPECT_EQ(started.status, 201) << started.text;
    const std::string id = started.body.value("id", "");
    httplib::Client c = client();
    Answer last;
    for (size_t at = 0; at < bytes.size(); at += chunk) {
      httplib::Headers h = headers;
      h.emplace("Upload-Offset", std::to_string(at));
      last = answer(
          c.Put((base + "/" + id).c_str(), h, bytes.substr(at, chunk), "application/octet-stream"));
    }
    EXPECT_EQ(last.status, 200) << last.text;
    EXPECT_TRUE(last.body.value("finished", false)) << last.text;
    return id;
  }
  std::string staff_upload(const StaffSession& s, const std::string& type,
                           const std::string& bytes) {
    return upload(type, bytes, s.headers(), "/api/v1/staff/uploads");
  }
  std::string reporter_upload(const std::string& type, const std::string& bytes) {
    return upload(type, bytes, {}, "/api/v1/uploads");
  }

  json report(const StaffSession& s, const std::string& id) {
    const Answer a = get("/api/v1/staff/reports/" + id, s.headers());
    EXPECT_EQ(a.status, 200) << a.text;
    return a.body;
  }
  Answer act(const StaffSession& s, const std::string& id, json body) {
    if (!body.contains("version")) body["version"] = report(s, id)["version"];
    return post("/api/v1/staff/reports/" + id + "/actions", body, s.headers());
  }
  // What the reporter reads with the PIN.
  json reporter_view(const std::string& id, const std::string& pin) {
    const Answer a = post("/api/v1/reports/" + id + "/access", {{"pin", pin}});
    EXPECT_EQ(a.status, 200) << a.text;
    return a.body;
  }
  Answer reporter_file(const std::string& id, const std::string& pin, int position) {
    return post("/api/v1/reports/" + id + "/attachments/" + std::to_string(position),
                {{"pin", pin}});
  }
  // The entry of the timeline with this action, the last one.
  static json entry(const json& view, const std::string& action) {
    json found;
    for (const json& e : view["timeline"]) {
      if (e["action"] == action) found = e;
    }
    return found;
  }

  // A report forwarded to DPUPR; returns {tracking_id, pin}.
  std::pair<std::string, std::string> forwarded() {
    auto [id, pin] = server.submit();
    EXPECT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
    return {id, pin};
  }

  TestServer server{
      AuthSettings{.idle_timeout_seconds = 365 * kDay, .absolute_timeout_seconds = 365 * kDay}};
  StaffSession coordinator = server.login("koordinator");
  StaffSession dpupr = server.login("admin.dpupr");
  StaffSession officer = server.login("petugas.dpupr");
};

TEST_F(StaffAttachments, ResponseAndResolutionCarryFilesTheReporterOpens) {
  const auto [id, pin] = forwarded();
  const std::string photo = staff_upload(dpupr, "image/png", after_photo());
  Answer done = act(dpupr, id,
                    {{"action", "respond"},
                     {"note", "Tim sudah menambal lubang, foto sesudahnya terlampir."},
                     {"attachments", {photo}}});
  ASSERT_EQ(done.status, 200) << done.text;
  const std::string letter = staff_upload(dpupr, "application/pdf", kLetter);
  done = act(dpupr, id,
             {{"action", "resolve"},
              {"note", "Perbaikan selesai; surat resmi dinas terlampir untuk pelapor."},
              {"attachments", {letter}}});
  ASSERT_EQ(done.status, 200) << done.text;

  // The staff timeline shows each entry's files; the report's own list stays the reporter's.
  const json staff = report(dpupr, id);
  EXPECT_EQ(entry(staff, "respond")["attachments"][0]["content_type"], "image/png");
  EXPECT_EQ(entry(staff, "respond")["attachments"][0]["position"], 1);
  EXPECT_EQ(entry(staff, "resolve")["attachments"][0]["content_type"], "application/pdf");
  EXPECT_EQ(entry(staff, "resolve")["attachments"][0]["position"], 2);
  EXPECT_TRUE(staff["attachments"].empty());
  EXPECT_EQ(get("/api/v1/staff/reports/" + id + "/attachments/2", coordinator.headers()).status,
            200);

  // The reporter sees both on their timeline and opens them with the PIN.
  const json mine = reporter_view(id, pin);
  EXPECT_EQ(entry(mine, "respond")["attachments"][0]["position"], 1);
  EXPECT_EQ(entry(mine, "resolve")["attachments"][0]["position"], 2);
  const Answer file = reporter_file(id, pin, 1);
  ASSERT_EQ(file.status, 200);
  // Cleaned as a reporter's photo is: no author, no position.
  EXPECT_EQ(file.text.find("Petugas Agus"), std::string::npos);
  EXPECT_EQ(file.text.find("GPS"), std::string::npos);
  EXPECT_NE(file.text.find("IDAT"), std::string::npos);
  EXPECT_EQ(reporter_file(id, pin, 2).text, kLetter);
  EXPECT_EQ(reporter_file(id, "00000000", 2).status, 403);
}

TEST_F(StaffAttachments, AnInternalEntrysFileNeverReachesTheReporterOrThePublic) {
  // The reporter's own photo is position 1; the internal note's file comes after it.
  const std::string own = reporter_upload("image/png", after_photo());
  json body = valid_report();
  body["attachments"] = {own};
  const Answer sent = post("/api/v1/reports", body);
  ASSERT_EQ(sent.status, 201) << sent.text;
  const std::string id = sent.body["tracking_id"];
  const std::string pin = sent.body["pin"];
  ASSERT_EQ(act(coordinator, id, {{"action", "forward"}, {"agency", "DPUPR"}}).status, 200);
  ASSERT_EQ(act(dpupr, id,
                {{"action", "respond"},
                 {"note", "Kami periksa ke lapangan minggu ini."},
                 {"publish", true}})
                .status,
            200);
  const std::string memo = staff_upload(dpupr, "application/pdf", kLetter);
  ASSERT_EQ(act(dpupr, id,
                {{"action", "update"},
                 {"note", "Nota dinas internal: anggaran tambalan."},
                 {"public", false},
                 {"attachments", {memo}}})
                .status,
            200);
  const std::string sketch = staff_upload(coordinator, "image/png", after_photo());
  ASSERT_EQ(act(coordinator, id,
                {{"action", "comment"},
                 {"note", "Sketsa lokasi untuk dinas."},
                 {"attachments", {sketch}}})
                .status,
            200);
  const json staff = report(coordinator, id);
  ASSERT_EQ(entry(staff, "update")["attachments"][0]["position"], 2);
  ASSERT_EQ(entry(staff, "comment")["attachments"][0]["position"], 3);

  // The reporter: their own file, and neither internal file, by any position.
  const json mine = reporter_view(id, pin);
  EXPECT_EQ(mine["attachments"].size(), 1u);
  for (const json& e : mine["timeline"]) EXPECT_FALSE(e.contains("attachments")) << e;
  EXPECT_EQ(reporter_file(id, pin, 1).status, 200);
  for (int position = 2; position <= 99; ++position) {
    const Answer guess = reporter_file(id, pin, position);
    ASSERT_EQ(guess.status, 404) << position;
    EXPECT_EQ(guess.body["error"]["code"], "attachment_not_found");
  }
  // The public: no file, no list of files, in the report, the public list or Open311.
  const Answer tracked = get("/api/v1/reports/" + id);
  ASSERT_EQ(tracked.status, 200);
  EXPECT_EQ(tracked.text.find("attachments"), std::string::npos) << tracked.text;
  const Answer listed = get("/api/v1/public/reports");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.text.find("application/pdf"), std::string::npos);
  EXPECT_EQ(listed.text.find("attachments"), std::string::npos);
  const Answer open311 = get("/open311/v2/requests/" + id + ".json");
  ASSERT_EQ(open311.status, 200) << open311.text;
  EXPECT_FALSE(open311.body[0].contains("media_url"));  // attachments are never public
  // Without the PIN nothing is served, whatever the position.
  const Answer no_pin = post("/api/v1/reports/" + id + "/attachments/1", json::object());
  EXPECT_EQ(no_pin.status, 403);
  EXPECT_EQ(no_pin.text.find("IDAT"), std::string::npos);
  // Staff who may read the report fetch every file.
  EXPECT_EQ(get("/api/v1/staff/reports/" + id + "/attachments/2", dpupr.headers()).status, 200);
  EXPECT_EQ(get("/api/v1/staff/reports/" + id + "/attachments/3", dpupr.headers()).status, 200);
  EXPECT_EQ(
      get("/api/v1/staff/reports/" + id + "/attachments/3", server.login("admin.pdam").headers())
          .status,
      404);
}

TEST_F(StaffAttachments, UploadsAreTheUploadersOwn) {
  const auto [id, pin] = forwarded();
  const std::string staff_file = staff_upload(dpupr, "image/png", after_photo());
  // The reporters' door knows nothing of a staff member's upload, and no submission claims it.
  EXPECT_EQ(get("/api/v1/uploads/" + staff_file).status, 404);
  json body = valid_report();
  body["attachments"] = {staff_file};
  const Answer claimed = post("/api/v1/reports", body);
  EXPECT_EQ(claimed.status, 422) << claimed.text;
  EXPECT_EQ(claimed.body["errors"][0]["code"], "not_ready");
  // Another staff member's door neither.
  EXPECT_EQ(get("/api/v1/staff/uploads/" + staff_file, coordinator.headers()).status, 404);
  httplib::Client c = client();
  EXPECT_EQ(
      c.Delete(("/api/v1/staff/uploads/" + staff_file).c_str(), coordinator.headers())->status,
      404);
  EXPECT_EQ(get("/api/v1/staff/uploads/" + staff_file, dpupr.headers()).status, 200);

  // A session and its CSRF token, as for every staff change.
  const json start{{"content_type", "image/png"}, {"size", 100}};
  EXPECT_EQ(post("/api/v1/staff/uploads", start).status, 401);
  const Answer no_token = post("/api/v1/staff/uploads", start, {{"Cookie", dpupr.cookie}});
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(no_token.body["error"]["code"], "csrf_failed");
  // The reporter's limits: type and size.
  Answer refused =
      post("/api/v1/staff/uploads", {{"content_type", "image/gif"}, {"size", 10}}, dpupr.headers());
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body["errors"][0]["code"], "unsupported_type");
  refused = post("/api/v1/staff/uploads",
                 {{"content_type", "image/jpeg"}, {"size", 5 * 1024 * 1024 + 1}}, dpupr.headers());
  EXPECT_EQ(refused.body["errors"][0]["code"], "too_large");
  // A page dressed as a photo is refused by its content.
  const std::string html = "<html><script>alert(1)</script></html>";
  const Answer page = post("/api/v1/staff/uploads",
                           {{"content_type", "image/png"}, {"size", html.size()}}, dpupr.headers());
  httplib::Headers h = dpupr.headers();
  h.emplace("Upload-Offset", "0");
  const Answer rejected =
      answer(c.Put(("/api/v1/staff/uploads/" + page.body["id"].get<std::string>()).c_str(), h, html,
                   "application/octet-stream"));
  EXPECT_EQ(rejected.status, 422);
  EXPECT_EQ(rejected.body["error"]["code"], "attachment_rejected");
  // Cancelled by its owner, it is gone.
  EXPECT_EQ(c.Delete(("/api/v1/staff/uploads/" + staff_file).c_str(), dpupr.headers())->status,
            204);
  EXPECT_EQ(get("/api/v1/staff/uploads/" + staff_file, dpupr.headers()).status, 404);
}

TEST_F(StaffAttachments, BadAttachmentsAreRefusedWithStableCodesAndNothingWritten) {
  const auto [id, pin] = forwarded();
  const json before = report(dpupr, id);
  const std::string note = "Tim sudah menambal lubang, foto sesudahnya terlampir.";
  auto respond = [&](json attachments) {
    return act(dpupr, id, {{"action", "respond"}, {"note", note}, {"attachments", attachments}});
  };
  auto refused_with = [&](const Answer& a, const std::string& field, const std::string& code) {
    EXPECT_EQ(a.status, 422) << a.text;
    EXPECT_EQ(a.body["error"]["code"], "validation_failed") << a.text;
    ASSERT_TRUE(a.body["errors"].is_array()) << a.text;
    EXPECT_EQ(a.body["errors"][0]["field"], field) << a.text;
    EXPECT_EQ(a.body["errors"][0]["code"], code) << a.text;
  };
  // A handle that names no upload, one that is no handle, one that is not a string.
  refused_with(respond({std::string(32, 'a')}), "attachments.0", "not_ready");
  refused_with(respond({"../../etc/passwd"}), "attachments.0", "not_ready");
  refused_with(respond({7}), "attachments.0", "wrong_type");
  refused_with(respond("not a list"), "attachments", "wrong_type");
  // A reporter's upload, and another staff member's.
  const std::string reporters = reporter_upload("image/png", after_photo());
  refused_with(respond({reporters}), "attachments.0", "not_ready");
  const std::string coordinators = staff_upload(coordinator, "image/png", after_photo());
  const std::string mine = staff_upload(dpupr, "image/png", after_photo());
  refused_with(respond({mine, coordinators}), "attachments.1", "not_ready");
  // The same file twice; more than a report may have; files on an action that takes none.
  refused_with(respond({mine, mine}), "attachments.1", "duplicate");
  std::vector<std::string> six;
  for (int i = 0; i < 6; ++i) six.push_back(mine);
  refused_with(respond(six), "attachments", "too_many");
  refused_with(
      act(dpupr, id, {{"action", "assign"}, {"officer", "petugas.dpupr"}, {"attachments", {mine}}}),
      "attachments", "too_many");

  // Nothing was written: the same version and timeline, and the refused file still usable.
  const json after = report(dpupr, id);
  EXPECT_EQ(after["version"], before["version"]);
  EXPECT_EQ(after["timeline"].size(), before["timeline"].size());
  EXPECT_EQ(after["status"], "forwarded");
  const Answer done = respond({mine});
  ASSERT_EQ(done.status, 200) << done.text;
  // Used once: a second entry cannot take it again.
  refused_with(
      act(dpupr, id, {{"action", "update"}, {"note", "Foto lagi."}, {"attachments", {mine}}}),
      "attachments.0", "not_ready");
  // Five at once is the reporter's limit, and the staff's.
  std::vector<std::string> five;
  for (int i = 0; i < 5; ++i) five.push_back(staff_upload(dpupr, "image/png", after_photo()));
  const Answer many =
      act(dpupr, id, {{"action", "update"}, {"note", "Foto progres."}, {"attachments", five}});
  ASSERT_EQ(many.status, 200) << many.text;
  EXPECT_EQ(entry(report(dpupr, id), "update")["attachments"].size(), 5u);
}

// The downloads take positions 1..99: a report full of files takes no more.
TEST_F(StaffAttachments, AReportHoldsAtMostNinetyNineFiles) {
  const auto [id, pin] = forwarded();
  const std::string photo = after_photo();
  auto files = [&](int n) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
      ids.push_back(upload("image/png", photo, dpupr.headers(), "/api/v1/staff/uploads", 4096));
    }
    return ids;
  };
  for (int round = 0; round < 19; ++round) {
    ASSERT_EQ(act(dpupr, id,
                  {{"action", "comment"}, {"note", "Foto lapangan."}, {"attachments", files(5)}})
                  .status,
              200);
  }
  const std::vector<std::string> last = files(5);
  const Answer full =
      act(dpupr, id, {{"action", "comment"}, {"note", "Foto lapangan."}, {"attachments", last}});
  EXPECT_EQ(full.status, 422) << full.text;
  EXPECT_EQ(full.body["errors"][0]["field"], "attachments");
  EXPECT_EQ(full.body["errors"][0]["code"], "too_many");
  const std::vector<std::string> four(last.begin(), last.begin() + 4);
  ASSERT_EQ(
      act(dpupr, id, {{"action", "comment"}, {"note", "Foto lapangan."}, {"attachments", four}})
          .status,
      200);
  EXPECT_EQ(get("/api/v1/staff/reports/" + id + "/attachments/99", dpupr.headers()).status, 200);
  EXPECT_EQ(act(dpupr, id,
                {{"action", "comment"}, {"note", "Foto lapangan."}, {"attachments", {last[4]}}})
                .body["errors"][0]["code"],
            "too_many");
}

TEST_F(StaffAttachments, OfficersResolveOnlyWhileTheirAgencyAllowsIt) {
  const std::string resolution = "Perbaikan selesai dikerjakan oleh tim UPT jalan.";
  auto assigned = [&]() {
    const auto [id, pin] = forwarded();
    EXPECT_EQ(act(dpupr, id, {{"action", "assign"}, {"officer", "petugas.dpupr"}}).status, 200);
    EXPECT_EQ(act(officer, id, {{"action", "respond"}, {"note", "Tim akan meninjau lokasi besok."}})
                  .status,
              200);
    return id;
  };
  auto set = [&](const StaffSession& s, const std::string& code, json body) {
    httplib::Client c = client();
    return answer(c.Put(("/api/v1/staff/agency-settings/" + code).c_str(), s.headers(), body.dump(),
                        "application/json"));
  };

  // Off by default: the officer may not resolve.
  const std::string first = assigned();
  EXPECT_FALSE(report(officer, first)["agency_rules"]["officers_resolve"].get<bool>());
  Answer refused = act(officer, first, {{"action", "resolve"}, {"note", resolution}});
  EXPECT_EQ(refused.status, 409) << refused.text;
  EXPECT_EQ(refused.body["error"]["code"], "action_not_allowed");

  // The agency's admin turns it on; the change is recorded with who and when.
  Answer changed = set(dpupr, "DPUPR", {{"officers_resolve", true}});
  ASSERT_EQ(changed.status, 200) << changed.text;
  EXPECT_TRUE(changed.body["officers_resolve"].get<bool>());
  EXPECT_EQ(changed.body["changes"][0]["value"], true);
  EXPECT_FALSE(changed.body["changes"][0]["changed_by"].get<std::string>().empty());
  EXPECT_FALSE(changed.body["changes"][0]["changed_at"].get<std::string>().empty());
  EXPECT_TRUE(report(officer, first)["agency_rules"]["officers_resolve"].get<bool>());
  const Answer resolved = act(officer, first, {{"action", "resolve"}, {"note", resolution}});
  ASSERT_EQ(resolved.status, 200) << resolved.text;
  EXPECT_EQ(resolved.body["status"], "resolved");

  // Turned off again (by the system admin), the next report is the admin's to resolve.
  changed = set(server.login("sysadmin"), "DPUPR", {{"officers_resolve", false}});
  ASSERT_EQ(changed.status, 200) << changed.text;
  EXPECT_EQ(changed.body["changes"].size(), 2u);
  const std::string second = assigned();
  refused = act(officer, second, {{"action", "resolve"}, {"note", resolution}});
  EXPECT_EQ(refused.status, 409) << refused.text;
  EXPECT_EQ(server.count_rows("agency_setting_changes"), 2);

  // Who may change which agency: its admin and the system admin, nobody else.
  const Answer other = set(server.login("admin.pdam"), "DPUPR", {{"officers_resolve", true}});
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.body["error"]["code"], "agency_not_found");
  EXPECT_EQ(set(officer, "DPUPR", {{"officers_resolve", true}}).status, 403);
  EXPECT_EQ(set(coordinator, "DPUPR", {{"officers_resolve", true}}).status, 403);
  EXPECT_EQ(set(dpupr, "NOPE", {{"officers_resolve", true}}).status, 404);
  const Answer typed = set(dpupr, "DPUPR", {{"officers_resolve", "yes"}});
  EXPECT_EQ(typed.status, 422);
  EXPECT_EQ(typed.body["errors"][0]["code"], "wrong_type");
  EXPECT_EQ(set(dpupr, "DPUPR", json::object()).body["errors"][0]["code"], "required");
  EXPECT_EQ(server.count_rows("agency_setting_changes"), 2);
  // The list: an agency admin sees their own agency, the system admin all.
  const Answer own = get("/api/v1/staff/agency-settings", dpupr.headers());
  ASSERT_EQ(own.status, 200);
  ASSERT_EQ(own.body["items"].size(), 1u);
  EXPECT_EQ(own.body["items"][0]["code"], "DPUPR");
  EXPECT_GT(
      get("/api/v1/staff/agency-settings", server.login("sysadmin").headers()).body["items"].size(),
      1u);
}

}  // namespace
}  // namespace aduan::testing

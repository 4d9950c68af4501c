// Canned responses: an agency admin keeps their agency's list, its officers read it, the
// coordinators keep their own; another list's text is never shown, changed or removed (404,
// as for one that does not exist); titles and texts are checked field by field; a list is
// bounded.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

class CannedHttp : public ::testing::Test {
 protected:
  // The status and the parsed body (null when there is none).
  std::pair<int, json> call(const StaffSession& who, const std::string& method,
                            const std::string& path, const std::string& body = "") {
    httplib::Client c = server.client();
    const httplib::Headers h = who.headers();
    const char* p = path.c_str();
    httplib::Result res = method == "GET"    ? c.Get(p, h)
                          : method == "POST" ? c.Post(p, h, body, "application/json")
                          : method == "PUT"  ? c.Put(p, h, body, "application/json")
                                             : c.Delete(p, h);
    if (!res) return {0, nullptr};
    return {res->status, res->body.empty() ? json() : json::parse(res->body)};
  }
  json list(const StaffSession& who) {
    auto [status, body] = call(who, "GET", kPath);
    EXPECT_EQ(status, 200) << body;
    return body;
  }
  static std::vector<std::string> titles(const json& listing) {
    std::vector<std::string> out;
    for (const json& i : listing["items"]) out.push_back(i["title"]);
    return out;
  }
  static bool has_title(const json& listing, const std::string& title) {
    const auto t = titles(listing);
    return std::find(t.begin(), t.end(), title) != t.end();
  }
  // The (field, code) pairs of a 422.
  static std::vector<std::pair<std::string, std::string>> fields(const json& body) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const json& e : body["errors"]) out.emplace_back(e["field"], e["code"]);
    return out;
  }
  using Fields = std::vector<std::pair<std::string, std::string>>;

  static constexpr const char* kPath = "/api/v1/staff/canned-responses";
  TestServer server;
  StaffSession admin = server.login("admin.dpupr");
  StaffSession officer = server.login("petugas.dpupr");
  StaffSession other_admin = server.login("admin.pdam");
  StaffSession coordinator = server.login("koordinator");
};

TEST_F(CannedHttp, AnAgencyAdminKeepsTheListItsOfficersReadAndNoOtherAgencySees) {
  // The demo's texts: the agency's own and the coordinators' are apart.
  const json before = list(admin);
  EXPECT_EQ(before["list"], "agency");
  EXPECT_EQ(before["agency"]["code"], "DPUPR");
  EXPECT_EQ(before["may_manage"], true);
  EXPECT_EQ(before["limits"]["text_max"], 2000);
  EXPECT_TRUE(has_title(before, "Lubang jalan sudah ditambal"));
  EXPECT_FALSE(has_title(before, "Air kembali mengalir normal"));
  EXPECT_FALSE(has_title(before, "Mohon lengkapi lokasi"));
  // In title order, whatever the case of the letters.
  auto sorted = titles(before);
  std::sort(sorted.begin(), sorted.end(), [](std::string a, std::string b) {
    std::transform(a.begin(), a.end(), a.begin(), ::tolower);
    std::transform(b.begin(), b.end(), b.begin(), ::tolower);
    return a < b;
  });
  EXPECT_EQ(titles(before), sorted);

  server.clock().advance(3600);
  auto [status, created] =
      call(admin, "POST", kPath,
           json{{"title", "  Trotoar   diperbaiki "},
                {"text", "Trotoar di lokasi yang dilaporkan telah diperbaiki.\r\nTerima kasih.  "}}
               .dump());
  ASSERT_EQ(status, 201) << created;
  // Stored as it will be shown: the title on one line, the text's lines trimmed.
  EXPECT_EQ(created["title"], "Trotoar diperbaiki");
  EXPECT_EQ(created["text"], "Trotoar di lokasi yang dilaporkan telah diperbaiki.\nTerima kasih.");
  EXPECT_EQ(created["updated_by"], "Budi Santoso");
  const std::string item = std::string(kPath) + "/" + std::to_string(created["id"].get<int64_t>());

  // The officer of the agency reads it and may not change the list.
  const json seen = list(officer);
  EXPECT_TRUE(has_title(seen, "Trotoar diperbaiki"));
  EXPECT_EQ(seen["may_manage"], false);
  const std::string body = json{{"title", "Diubah petugas"}, {"text", "Teks yang diubah."}}.dump();
  EXPECT_EQ(call(officer, "POST", kPath, body).first, 403);
  EXPECT_EQ(call(officer, "PUT", item, body).first, 403);
  EXPECT_EQ(call(officer, "DELETE", item).first, 403);

  // Another agency's admin and the coordinator neither see it nor reach it by its id.
  EXPECT_FALSE(has_title(list(other_admin), "Trotoar diperbaiki"));
  EXPECT_FALSE(has_title(list(coordinator), "Trotoar diperbaiki"));
  for (const StaffSession* who : {&other_admin, &coordinator}) {
    auto [put, put_body] = call(*who, "PUT", item, body);
    EXPECT_EQ(put, 404);
    EXPECT_EQ(put_body["error"]["code"], "canned_response_not_found");
    EXPECT_EQ(call(*who, "DELETE", item).first, 404);
  }
  EXPECT_TRUE(has_title(list(admin), "Trotoar diperbaiki"));

  // The admin changes it: who and when are kept.
  server.clock().advance(3600);
  auto [changed_status, changed] =
      call(admin, "PUT", item,
           json{{"title", "Trotoar sudah diperbaiki"},
                {"text", "Trotoar telah diperbaiki dan dapat dilalui pejalan kaki dengan aman."}}
               .dump());
  ASSERT_EQ(changed_status, 200) << changed;
  EXPECT_EQ(changed["title"], "Trotoar sudah diperbaiki");
  EXPECT_NE(changed["updated_at"], created["updated_at"]);
  const auto db = server.open_db();
  Prepared row(*db, "SELECT updated_by, updated_at FROM canned_responses WHERE id = ?");
  row.bind(1, created["id"].get<int64_t>());
  ASSERT_TRUE(row.executeStep());
  EXPECT_EQ(row.getColumn(0).getString(), "admin.dpupr");
  EXPECT_EQ(row.getColumn(1).getInt64(), server.clock().now_unix());

  // A change made on an older version is refused, not written over the newer one; a change
  // that names the version it was made on, or none, goes through.
  EXPECT_EQ(created["version"], 1);
  EXPECT_EQ(changed["version"], 2);
  auto [stale, stale_body] = call(admin, "PUT", item,
                                  json{{"title", "Ditulis di atas yang lama"},
                                       {"text", "Perubahan dari halaman yang sudah lama dibuka."},
                                       {"version", 1}}
                                      .dump());
  EXPECT_EQ(stale, 409);
  EXPECT_EQ(stale_body["error"]["code"], "canned_response_changed");
  auto [typed, typed_body] = call(
      admin, "PUT", item,
      json{{"title", "Versi yang salah"}, {"text", "Versi yang bukan angka."}, {"version", "2"}}
          .dump());
  EXPECT_EQ(typed, 422);
  EXPECT_EQ(fields(typed_body), (Fields{{"version", "wrong_type"}}));
  EXPECT_TRUE(has_title(list(admin), "Trotoar sudah diperbaiki"));
  auto [current, current_body] =
      call(admin, "PUT", item,
           json{{"title", "Trotoar sudah diperbaiki"},
                {"text", "Trotoar telah diperbaiki; pejalan kaki dapat melintas dengan aman."},
                {"version", 2}}
               .dump());
  EXPECT_EQ(current, 200) << current_body;
  EXPECT_EQ(current_body["version"], 3);

  EXPECT_EQ(call(admin, "DELETE", item).first, 204);
  EXPECT_EQ(call(admin, "DELETE", item).first, 404);
  EXPECT_EQ(call(admin, "PUT", item, body).first, 404);
  EXPECT_FALSE(has_title(list(officer), "Trotoar sudah diperbaiki"));
}

TEST_F(CannedHttp, CoordinatorsKeepTheirOwnListApartFromTheAgencies) {
  const json mine = list(coordinator);
  EXPECT_EQ(mine["list"], "coordinators");
  EXPECT_TRUE(mine["agency"].is_null());
  EXPECT_EQ(mine["may_manage"], true);
  EXPECT_TRUE(has_title(mine, "Mohon lengkapi lokasi"));
  EXPECT_FALSE(has_title(mine, "Lubang jalan sudah ditambal"));
  auto [status, created] =
      call(coordinator, "POST", kPath,
           json{{"title", "Mohon kirim nomor KK"},
                {"text", "Mohon sampaikan nomor kartu keluarga agar data dapat kami periksa."}}
               .dump());
  ASSERT_EQ(status, 201) << created;
  EXPECT_FALSE(has_title(list(admin), "Mohon kirim nomor KK"));
  // An agency admin cannot reach the coordinators' text by its id.
  const std::string item = std::string(kPath) + "/" + std::to_string(created["id"].get<int64_t>());
  EXPECT_EQ(call(admin, "DELETE", item).first, 404);
  EXPECT_EQ(call(coordinator, "DELETE", item).first, 204);
}

TEST_F(CannedHttp, TitlesAndTextsAreCheckedFieldByFieldAndNothingBadIsStored) {
  const int64_t before = server.count_rows("canned_responses");
  const std::string text = "Laporan sedang kami periksa di lapangan.";
  const std::pair<json, Fields> cases[] = {
      {json::object(), {{"title", "required"}, {"text", "required"}}},
      {json{{"title", "Ok"}, {"text", text}}, {{"title", "too_short"}}},
      {json{{"title", std::string(81, 'a')}, {"text", text}}, {{"title", "too_long"}}},
      {json{{"title", "Judul yang baik"}, {"text", std::string(2001, 'a')}},
       {{"text", "too_long"}}},
      {json{{"title", "Judul yang baik"}, {"text", "Terlalu"}}, {{"text", "too_short"}}},
      {json{{"title", "   "}, {"text", " \n\n "}}, {{"title", "blank"}, {"text", "blank"}}},
      {json{{"title", "Dua\nbaris"}, {"text", text}}, {{"title", "control_character"}}},
      {json{{"title", 5}, {"text", json::array()}},
       {{"title", "wrong_type"}, {"text", "wrong_type"}}},
      // A title the list already has, in other letters' case.
      {json{{"title", "LUBANG JALAN SUDAH DITAMBAL"}, {"text", text}}, {{"title", "duplicate"}}},
  };
  for (const auto& [body, expected] : cases) {
    httplib::Client c = server.client();
    auto res = c.Post(kPath, admin.headers(), body.dump(), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 422) << body.dump() << " " << res->body;
    const json answer = json::parse(res->body);
    EXPECT_EQ(answer["error"]["code"], "validation_failed");
    EXPECT_EQ(fields(answer), expected) << body.dump();
  }
  // 80 characters (not bytes) fit: "é" is two bytes.
  std::string eighty;
  for (int i = 0; i < 80; ++i) eighty += "\xc3\xa9";
  auto [ok, created] =
      call(admin, "POST", kPath, json{{"title", eighty}, {"text", std::string(2000, 'x')}}.dump());
  EXPECT_EQ(ok, 201) << created;
  EXPECT_EQ(server.count_rows("canned_responses"), before + 1);

  // A change is checked the same way, and keeps its own title.
  const std::string item = std::string(kPath) + "/" + std::to_string(created["id"].get<int64_t>());
  auto [bad, bad_body] = call(admin, "PUT", item, json{{"title", "Ok"}, {"text", text}}.dump());
  EXPECT_EQ(bad, 422);
  EXPECT_EQ(fields(bad_body), (Fields{{"title", "too_short"}}));
  auto [dup, dup_body] = call(
      admin, "PUT", item, json{{"title", "Lubang jalan sudah ditambal"}, {"text", text}}.dump());
  EXPECT_EQ(dup, 422);
  EXPECT_EQ(fields(dup_body), (Fields{{"title", "duplicate"}}));
  EXPECT_EQ(call(admin, "PUT", item, json{{"title", eighty}, {"text", text}}.dump()).first, 200);

  // Not JSON (bytes that are not UTF-8 are not), or not declared as JSON.
  EXPECT_EQ(call(admin, "POST", kPath, "{nope").first, 400);
  EXPECT_EQ(call(admin, "POST", kPath,
                 std::string(R"({"title":"Judul yang baik","text":"Teks )") + "\xff" +
                     R"( rusak di tengahnya"})")
                .first,
            400);
  httplib::Client c = server.client();
  EXPECT_EQ(c.Post(kPath, admin.headers(), "title=x", "application/x-www-form-urlencoded")->status,
            415);
}

TEST_F(CannedHttp, AListHoldsAHundredTexts) {
  int64_t n = list(admin)["items"].size();
  for (; n < 100; ++n) {
    const json body{{"title", "Jawaban nomor " + std::to_string(n)},
                    {"text", "Isi jawaban siap pakai nomor " + std::to_string(n) + "."}};
    ASSERT_EQ(call(admin, "POST", kPath, body.dump()).first, 201);
  }
  auto [status, body] = call(
      admin, "POST", kPath,
      json{{"title", "Satu lagi"}, {"text", "Jawaban yang tidak muat lagi di daftar."}}.dump());
  EXPECT_EQ(status, 409);
  EXPECT_EQ(body["error"]["code"], "canned_responses_full");
  // Another agency's list is its own.
  EXPECT_EQ(
      call(other_admin, "POST", kPath,
           json{{"title", "Satu lagi"}, {"text", "Jawaban yang masih muat di daftar ini."}}.dump())
          .first,
      201);
}

}  // namespace
}  // namespace aduan::testing

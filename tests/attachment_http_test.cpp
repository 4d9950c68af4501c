// Attachments over HTTP: chunked uploads with resume, type decided by content, metadata
// stripped, limits, who may download, resent submissions, and the region lists.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

std::string be16(int v) { return {char((v >> 8) & 0xFF), char(v & 0xFF)}; }

std::string segment(uint8_t marker, const std::string& payload) {
  return std::string("\xFF", 1) + char(marker) + be16(int(payload.size()) + 2) + payload;
}

// A JPEG as a phone writes it: EXIF with a GPS position and the camera, XMP, a comment,
// then the image. The scan data is not a real picture; the server never decodes pixels.
const std::string kScan = std::string("\x12\x34\x56\x78\x9A\xBC", 6) + "scan-data-kept";
std::string phone_jpeg() {
  std::string j = "\xFF\xD8";
  j += segment(0xE0, std::string("JFIF\0\1\1\0\0\1\0\1\0\0", 14));
  j += segment(0xE1, std::string("Exif\0\0", 6) + "GPSLatitude -3.4412 Make SamsungCamera SN123");
  j += segment(0xE1, "http://ns.adobe.com/xap/1.0/ <x:xmpmeta>GPSLongitude 114.83</x:xmpmeta>");
  j += segment(0xFE, "Rumah Siti, Jl. Melati 7");
  j += segment(0xDB, std::string(65, '\x01'));                                              // DQT
  j += segment(0xC0, std::string("\x08", 1) + be16(480) + be16(640) + "\x01\x01\x11\x00");  // SOF0
  j += segment(0xC4, std::string(20, '\x02'));                                              // DHT
  j += segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6));                           // SOS
  j += kScan + "\xFF\xD9";
  return j;
}

std::string be32(uint32_t v) { return be16(int(v >> 16)) + be16(int(v & 0xFFFF)); }
std::string png_chunk(const std::string& type, const std::string& data) {
  return be32(uint32_t(data.size())) + type + data + "CRC!";
}
std::string phone_png() {
  std::string p = "\x89PNG\r\n\x1A\n";
  p += png_chunk("IHDR", be32(2) + be32(3) + std::string("\x08\x02\x00\x00\x00", 5));
  p += png_chunk("tEXt", std::string("Author\0Siti Aminah", 18));
  p += png_chunk("eXIf", "GPS -3.44 114.83");
  p += png_chunk("IDAT", "pixels");
  p += png_chunk("IEND", "");
  return p;
}

class Attachments : public ::testing::Test {
 protected:
  struct Answer {
    int status = 0;
    json body;
    httplib::Headers headers;
  };

  Answer answer(const httplib::Result& res) {
    Answer a;
    if (!res) return a;
    a.status = res->status;
    a.headers = res->headers;
    a.body = json::parse(res->body, nullptr, false);
    return a;
  }

  Answer start(const std::string& type, size_t size) {
    httplib::Client c = server.client();
    return answer(c.Post("/api/v1/uploads", json{{"content_type", type}, {"size", size}}.dump(),
                         "application/json"));
  }

  Answer put(const std::string& id, size_t offset, const std::string& bytes) {
    httplib::Client c = server.client();
    return answer(c.Put(("/api/v1/uploads/" + id).c_str(),
                        {{"Upload-Offset", std::to_string(offset)}}, bytes,
                        "application/octet-stream"));
  }

  // Uploads `bytes` in chunks of `chunk`; returns the finished upload's handle.
  std::string upload(const std::string& type, const std::string& bytes, size_t chunk = 1 << 20) {
    const Answer started = start(type, bytes.size());
    EXPECT_EQ(started.status, 201) << started.body;
    const std::string id = started.body["id"];
    Answer last;
    for (size_t at = 0; at < bytes.size(); at += chunk) last = put(id, at, bytes.substr(at, chunk));
    EXPECT_EQ(last.status, 200) << last.body;
    EXPECT_TRUE(last.body["finished"].get<bool>());
    return id;
  }

  Answer submit(json attachments, const httplib::Headers& headers = {}) {
    json body = valid_report();
    body["attachments"] = std::move(attachments);
    httplib::Client c = server.client();
    return answer(c.Post("/api/v1/reports", headers, body.dump(), "application/json"));
  }

  httplib::Result reporter_copy(const std::string& id, const std::string& pin, int position) {
    httplib::Client c = server.client();
    return c.Post(("/api/v1/reports/" + id + "/attachments/" + std::to_string(position)).c_str(),
                  json{{"pin", pin}}.dump(), "application/json");
  }

  TestServer server;
};

TEST_F(Attachments, UploadedInChunksResumedAndStrippedOfLocation) {
  const std::string jpeg = phone_jpeg();
  const Answer started = start("image/jpeg", jpeg.size());
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string id = started.body["id"];
  EXPECT_EQ(id.size(), 32u);

  ASSERT_EQ(put(id, 0, jpeg.substr(0, 50)).status, 200);
  // The connection dropped; the phone does not know how far it got and asks.
  httplib::Client c = server.client();
  const Answer progress = answer(c.Get(("/api/v1/uploads/" + id).c_str()));
  EXPECT_EQ(progress.body["received"], 50);
  EXPECT_FALSE(progress.body["finished"].get<bool>());
  // A chunk sent from the wrong place is refused with where to resume.
  const Answer wrong = put(id, 10, jpeg.substr(10, 40));
  EXPECT_EQ(wrong.status, 409);
  EXPECT_EQ(wrong.body["received"], 50);
  // More than announced is refused, and nothing of it is kept.
  EXPECT_EQ(put(id, 50, jpeg.substr(50) + "extra").status, 413);
  const Answer done = put(id, 50, jpeg.substr(50));
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_TRUE(done.body["finished"].get<bool>());
  EXPECT_EQ(done.body["content_type"], "image/jpeg");
  EXPECT_EQ(done.body["width"], 640);
  EXPECT_EQ(done.body["height"], 480);
  EXPECT_EQ(server.count_rows("upload_chunks"), 0);

  const Answer sent = submit(json::array({id}));
  ASSERT_EQ(sent.status, 201) << sent.body;
  const std::string tracking = sent.body["tracking_id"], pin = sent.body["pin"];

  auto copy = reporter_copy(tracking, pin, 1);
  ASSERT_EQ(copy->status, 200) << copy->body;
  EXPECT_EQ(copy->get_header_value("Content-Type"), "image/jpeg");
  EXPECT_NE(copy->get_header_value("Content-Security-Policy").find("sandbox"), std::string::npos);
  const std::string& kept = copy->body;
  for (const char* secret : {"Exif", "GPS", "Samsung", "SN123", "xmpmeta", "Melati"}) {
    EXPECT_EQ(kept.find(secret), std::string::npos) << secret << " survived";
  }
  EXPECT_EQ(kept.substr(0, 2), "\xFF\xD8");
  EXPECT_NE(kept.find("JFIF"), std::string::npos);
  EXPECT_NE(kept.find(kScan + "\xFF\xD9"), std::string::npos) << "the image itself is kept whole";
  EXPECT_LT(kept.size(), jpeg.size());

  // The reporter's view lists it; the public tracking answer does not.
  const Answer view = answer(c.Post(("/api/v1/reports/" + tracking + "/access").c_str(),
                                    json{{"pin", pin}}.dump(), "application/json"));
  ASSERT_EQ(view.body["attachments"].size(), 1u);
  EXPECT_EQ(view.body["attachments"][0]["size"], kept.size());
  EXPECT_FALSE(answer(c.Get(("/api/v1/reports/" + tracking).c_str())).body.contains("attachments"));

  EXPECT_EQ(reporter_copy(tracking, "00000000", 1)->status, 403);
  auto missing = reporter_copy(tracking, pin, 2);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(json::parse(missing->body)["error"]["code"], "attachment_not_found");
  // No report with this ID answers as a wrong PIN: the route does not tell which IDs exist.
  EXPECT_EQ(json::parse(reporter_copy("226-BQ5-24T", pin, 1)->body)["error"]["code"], "wrong_pin");
  // An upload belongs to one report: it cannot be attached again.
  const Answer again = submit(json::array({id}));
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(again.body["errors"][0]["code"], "not_ready");
}

TEST_F(Attachments, StaffWhoMayReadTheReportGetTheFileOthersDoNot) {
  const std::string id = upload("image/png", phone_png(), 7);
  const Answer sent = submit(json::array({id}));
  ASSERT_EQ(sent.status, 201) << sent.body;
  const std::string tracking = sent.body["tracking_id"];
  const std::string path = "/api/v1/staff/reports/" + tracking + "/attachments/1";
  httplib::Client c = server.client();

  const StaffSession coordinator = server.login("koordinator");
  auto file = c.Get(path.c_str(), coordinator.headers());
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->get_header_value("Content-Type"), "image/png");
  for (const char* secret : {"tEXt", "Siti", "eXIf", "GPS"}) {
    EXPECT_EQ(file->body.find(secret), std::string::npos) << secret << " survived";
  }
  EXPECT_NE(file->body.find("IDAT"), std::string::npos);
  const Answer staff_view =
      answer(c.Get(("/api/v1/staff/reports/" + tracking).c_str(), coordinator.headers()));
  EXPECT_EQ(staff_view.body["attachments"][0]["content_type"], "image/png");

  // Not yet forwarded: the water company's admin cannot see the report, nor its file.
  EXPECT_EQ(c.Get(path.c_str(), server.login("admin.pdam").headers())->status, 404);
  EXPECT_EQ(c.Get(path.c_str())->status, 401);
}

TEST_F(Attachments, TheContentDecidesNotTheName) {
  // A page disguised as a photo is refused when its last byte arrives.
  const std::string html = "<html><script>alert(1)</script></html>";
  const Answer started = start("image/jpeg", html.size());
  const Answer refused = put(started.body["id"], 0, html);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body["error"]["code"], "attachment_rejected");
  // A truncated photo too.
  const std::string cut = phone_jpeg().substr(0, 120);
  EXPECT_EQ(put(start("image/jpeg", cut.size()).body["id"], 0, cut).status, 422);
  // A PDF sent as "image/jpeg" is kept as the PDF it is.
  const std::string pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
  const Answer started_pdf = start("image/jpeg", pdf.size());
  const Answer accepted = put(started_pdf.body["id"], 0, pdf);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.body["content_type"], "application/pdf");
}

TEST_F(Attachments, LimitsOnTypeSizeAndCount) {
  const int64_t reports_before = server.count_rows("reports");
  const Answer gif = start("image/gif", 100);
  EXPECT_EQ(gif.status, 422);
  EXPECT_EQ(gif.body["errors"][0]["code"], "unsupported_type");
  EXPECT_EQ(start("image/jpeg", 5 * 1024 * 1024 + 1).body["errors"][0]["code"], "too_large");
  EXPECT_EQ(start("application/pdf", 10 * 1024 * 1024).status, 201);
  EXPECT_EQ(start("image/jpeg", 0).status, 422);

  std::vector<std::string> six;
  for (int i = 0; i < 6; ++i) six.push_back(upload("image/jpeg", phone_jpeg()));
  const Answer too_many = submit(six);
  EXPECT_EQ(too_many.status, 422);
  EXPECT_EQ(too_many.body["errors"][0]["field"], "attachments");
  EXPECT_EQ(too_many.body["errors"][0]["code"], "too_many");
  six.pop_back();
  const Answer five = submit(six);
  EXPECT_EQ(five.status, 201) << five.body;

  const Answer unknown = submit(json::array({std::string(32, 'a')}));
  EXPECT_EQ(unknown.body["errors"][0]["field"], "attachments.0");
  EXPECT_EQ(unknown.body["errors"][0]["code"], "not_ready");
  EXPECT_EQ(submit(json::array({"../../etc/passwd"})).body["errors"][0]["code"], "invalid_format");
  EXPECT_EQ(server.count_rows("reports"), reports_before + 1);
}

TEST(UploadFlood, BytesStartedPerAddressAreBounded) {
  TestServer server({}, default_notify_config(),
                    [](AppOptions& o) { o.upload_rules.bytes_per_client_hour = 6 * 1024 * 1024; });
  httplib::Client c = server.client();
  auto start = [&](size_t size) {
    return c.Post("/api/v1/uploads", json{{"content_type", "image/jpeg"}, {"size", size}}.dump(),
                  "application/json");
  };
  EXPECT_EQ(start(5 * 1024 * 1024)->status, 201);
  auto refused = start(2 * 1024 * 1024);
  EXPECT_EQ(refused->status, 429);
  EXPECT_FALSE(refused->get_header_value("Retry-After").empty());
  server.clock().advance(3601);
  EXPECT_EQ(start(2 * 1024 * 1024)->status, 201);
}

TEST_F(Attachments, UnclaimedUploadsAreForgottenAfterADay) {
  const std::string id = upload("image/jpeg", phone_jpeg());
  const Answer unfinished = start("image/jpeg", 1000);
  server.clock().advance(kDay + 60);
  server.app().job().run_once();
  EXPECT_EQ(server.count_rows("attachments"), 0);
  EXPECT_EQ(server.count_rows("uploads"), 0);
  EXPECT_EQ(submit(json::array({id})).body["errors"][0]["code"], "not_ready");
  (void)unfinished;
}

TEST_F(Attachments, ASubmissionSentTwiceWithItsKeyIsStoredOnce) {
  const std::string id = upload("image/jpeg", phone_jpeg());
  const int64_t reports_before = server.count_rows("reports");
  const httplib::Headers key{{"Idempotency-Key", "draft-6f1c2e0a9b8d4c3f"}};
  const Answer first = submit(json::array({id}), key);
  ASSERT_EQ(first.status, 201) << first.body;
  // The answer was lost on the way to the phone; it sends the same report again.
  const Answer second = submit(json::array({id}), key);
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.body["tracking_id"], first.body["tracking_id"]);
  EXPECT_EQ(second.body["pin"], first.body["pin"]);
  bool replayed = false;
  for (const auto& [name, value] : second.headers) replayed |= name == "Idempotent-Replayed";
  EXPECT_TRUE(replayed);
  EXPECT_EQ(server.count_rows("reports"), reports_before + 1);
  // The store keeps neither the key nor the PIN in the clear.
  EXPECT_EQ(server.count_rows("submission_keys"), 1);
  // Another key is another report.
  EXPECT_EQ(submit(json::array(), {{"Idempotency-Key", "draft-0000000000000002"}}).status, 201);
  EXPECT_EQ(server.count_rows("reports"), reports_before + 2);
  EXPECT_EQ(submit(json::array(), {{"Idempotency-Key", "short"}}).status, 400);
}

TEST_F(Attachments, RegionsFromProvinceToDistrict) {
  httplib::Client c = server.client();
  const Answer provinces = answer(c.Get("/api/v1/regions"));
  ASSERT_EQ(provinces.status, 200);
  EXPECT_GE(provinces.body.size(), 38u);
  bool kalsel = false;
  for (const json& p : provinces.body)
    kalsel |= p["code"] == "63" && p["name"] == "Kalimantan Selatan";
  EXPECT_TRUE(kalsel);
  const Answer regencies = answer(c.Get("/api/v1/regions?parent=63"));
  ASSERT_GE(regencies.body.size(), 13u);
  EXPECT_EQ(regencies.body[2]["code"], "63.03");
  const Answer districts = answer(c.Get("/api/v1/regions?parent=63.03"));
  ASSERT_GE(districts.body.size(), 10u);
  for (const json& d : districts.body) {
    EXPECT_EQ(d["code"].get<std::string>().substr(0, 6), "63.03.");
  }
  EXPECT_EQ(answer(c.Get("/api/v1/regions?parent=99")).status, 404);

  json body = valid_report();
  body["location"]["region_code"] = "99.99";
  const Answer unknown = answer(c.Post("/api/v1/reports", body.dump(), "application/json"));
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.body["errors"][0]["code"], "unknown_region");
  const std::string district = districts.body[0]["code"];
  body["location"]["region_code"] = district;
  const Answer sent = answer(c.Post("/api/v1/reports", body.dump(), "application/json"));
  ASSERT_EQ(sent.status, 201) << sent.body;
  // The staff's view (a stranger sees nothing of a report before it is verified).
  const StaffSession coordinator = server.login("koordinator");
  const Answer tracked =
      answer(c.Get(("/api/v1/staff/reports/" + sent.body["tracking_id"].get<std::string>()).c_str(),
                   coordinator.headers()));
  const std::string name = tracked.body["location"]["region_name"];
  EXPECT_NE(name.find("Kabupaten Banjar"), std::string::npos) << name;
  EXPECT_NE(name.find("Kalimantan Selatan"), std::string::npos) << name;
}

}  // namespace
}  // namespace aduan::testing

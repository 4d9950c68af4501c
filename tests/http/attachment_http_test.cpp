// Attachments over HTTP: chunked uploads with resume, type decided by content, metadata
// stripped, limits, who may download, resent submissions, and the region lists.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/prepared.h"
#include "store/sqlite_db.h"
#include "support/test_server.h"

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
  p += png_chunk("iCCP", std::string("Kamera Siti\0\0", 13) + "profile");
  p += png_chunk("pHYs", std::string(9, '\1') + "GPS hidden in a long pHYs");
  p += png_chunk("IDAT", "pixels");
  p += png_chunk("zTXt", std::string("Comment\0\0", 9) + "Jl. Melati 7");
  p += png_chunk("tIME", std::string(7, '\7'));
  p += png_chunk("IEND", "");
  return p + "GPSLatitude -3.44 after IEND";
}

std::string from_hex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(char(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

// A real JPEG, 16x16, made with libjpeg-turbo's `cjpeg -progressive -optimize -sample 1x1
// -restart 1`: JFIF, two quantization tables, a progressive frame, ten scans with Huffman
// tables between them, a restart interval and RST markers inside the scans. libjpeg-turbo's
// djpeg decodes it, and decodes the cleaned copies below to the same pixels.
const std::string kProgressive = from_hex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300140e0f120f0d14121012171514181e32211e1c"
    "1c1e3d2c2e243249404c4b47404645505a736250556d5645466488656d777b8182814e608d978c7d96737e81"
    "7cffdb0043011517171e1a1e3b21213b7c5346537c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c"
    "7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7cffc200110800100010030111000211010311"
    "01ffc400160001010100000000000000000000000000040005ffc40017010101010100000000000000000000"
    "000004030002ffdd00040002ffda000c03010002100310000001cf9e4f2cffd08a55557fffc4001610010101"
    "00000000000000000000000000020001ffda0008010100010502c160bfffd02222ffc4001511010100000000"
    "000000000000000000000200ffda0008010301013f010e0effd00e0effc40017110101010100000000000000"
    "000000000001001011ffda0008010201013f01ee7fffd018bfffc40014100100000000000000000000000000"
    "000010ffda0008010100063f023fffd03fffc40014100100000000000000000000000000000010ffda000801"
    "0100013f212bffd003ffda000c03010002000300000010afffd0c3ffc4001411010000000000000000000000"
    "0000000010ffda0008010301013f1003ffd003ffc40017110100030000000000000000000000000000011121"
    "ffda0008010201013f109ba75fffd0b5a7ffc40017100100030000000000000000000000000000213161ffda"
    "0008010100013f10c99bffd0a214c3ffd9");

// The progressive JPEG as the cleaner must leave it: without its JFIF APP0 segment.
std::string progressive_cleaned() {
  const size_t app0 = 2 + 2 + ((uint8_t(kProgressive[4]) << 8) | uint8_t(kProgressive[5]));
  return kProgressive.substr(0, 2) + kProgressive.substr(app0);
}

// Inserts `extra` before the `n`th (0-based) start of scan of kProgressive. Outside the
// entropy-coded data "FF DA" only ever starts a scan: inside it, 0xFF is followed by 0x00 or
// a restart marker.
std::string before_scan(std::string jpeg, int n, const std::string& extra) {
  size_t at = jpeg.find("\xFF\xDA");
  for (int i = 0; i < n; ++i) at = jpeg.find("\xFF\xDA", at + 2);
  return jpeg.insert(at, extra);
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
  EXPECT_EQ(kept.find("JFIF"), std::string::npos) << "no APPn survives, JFIF's neither";
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

// Metadata that phones put where a header-only cleaner does not look: between the scans of a
// progressive JPEG, before EOI, and after it (the second image of a multi-picture file, a
// motion photo's video, stray bytes). Each cleaned copy is the plain image, byte for byte.
TEST_F(Attachments, NothingButTheFirstImageSurvivesAnywhereInAJpeg) {
  const std::string clean = progressive_cleaned();
  const std::string exif =
      segment(0xE1, std::string("Exif\0\0", 6) + "GPSLatitude -3.4412 Make SamsungCamera SN123");
  // An Adobe APP14 with a newer version, flags and trailing bytes, transform 1 (YCbCr).
  const std::string adobe =
      segment(0xEE, std::string("Adobe\0\x65\x80\x00\x00\x01\x01", 12) + "Photoshop Siti");
  const std::string adobe_fixed(
      "\xFF\xEE\x00\x0E"
      "Adobe\x00\x64\x00\x00\x00\x00\x01",
      16);

  // APPn and COM between the scans and before EOI; Adobe rebuilt with fixed fields.
  std::string between = before_scan(kProgressive, 1, segment(0xED, "Photoshop 3.0 8BIM Melati"));
  between = before_scan(between, 5, segment(0xFE, "Rumah Siti, Jl. Melati 7"));
  between.insert(between.size() - 2, exif + segment(0xE2, "ICC_PROFILE SN123"));
  between.insert(2, adobe);
  // A multi-picture file: MPF in APP2, the second image (with EXIF) after the first's EOI.
  const std::string mpf = kProgressive.substr(0, 2) +
                          segment(0xE2, std::string("MPF\0MM\0\x2A", 8) + "SN123") +
                          kProgressive.substr(2) + phone_jpeg();
  // A motion photo: an MP4 after EOI, named in XMP.
  const std::string motion =
      kProgressive.substr(0, 2) +
      segment(0xE1, "http://ns.adobe.com/xap/1.0/ MotionPhoto=1 GPSLongitude 114.83") +
      kProgressive.substr(2) +
      std::string(
          "\0\0\0\x18"
          "ftypmp42",
          12) +
      "moov GPS SamsungCamera MotionPhoto_Data";
  const std::string trailing = kProgressive + "GPSLatitude -3.4412 " +
                               std::string(
                                   "\xFF\xE1\x00\x04"
                                   "ab",
                                   6);

  const std::vector<std::pair<std::string, std::string>> cases = {{"between scans", between},
                                                                  {"multi-picture", mpf},
                                                                  {"motion photo", motion},
                                                                  {"trailing bytes", trailing}};
  json handles = json::array();
  for (const auto& [name, bytes] : cases) handles.push_back(upload("image/jpeg", bytes, 100));
  const Answer sent = submit(handles);
  ASSERT_EQ(sent.status, 201) << sent.body;
  for (size_t i = 0; i < cases.size(); ++i) {
    auto copy = reporter_copy(sent.body["tracking_id"], sent.body["pin"], int(i) + 1);
    ASSERT_EQ(copy->status, 200) << cases[i].first;
    const std::string& kept = copy->body;
    const std::string expected =
        i == 0 ? clean.substr(0, 2) + adobe_fixed + clean.substr(2) : clean;
    EXPECT_EQ(kept, expected) << cases[i].first;
    for (const char* secret : {"Exif", "GPS", "Samsung", "SN123", "Melati", "Siti", "MPF", "ftyp",
                               "MotionPhoto", "Photoshop", "ICC_PROFILE"}) {
      EXPECT_EQ(kept.find(secret), std::string::npos) << cases[i].first << ": " << secret;
    }
    EXPECT_EQ(kept.substr(kept.size() - 2), "\xFF\xD9") << cases[i].first;
    EXPECT_EQ(kept.find("\xFF\xD9"), kept.size() - 2) << cases[i].first << ": one EOI, last";
  }

  // A progressive JPEG cut inside a scan has no EOI: refused, not kept half.
  const std::string cut = kProgressive.substr(0, kProgressive.size() / 2);
  const Answer started = start("image/jpeg", cut.size());
  const Answer refused = put(started.body["id"], 0, cut);
  EXPECT_EQ(refused.status, 422) << refused.body;
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
  for (const char* secret :
       {"tEXt", "Siti", "eXIf", "GPS", "iCCP", "pHYs", "zTXt", "Melati", "tIME", "after IEND"}) {
    EXPECT_EQ(file->body.find(secret), std::string::npos) << secret << " survived";
  }
  EXPECT_NE(file->body.find("IDAT"), std::string::npos);
  // Nothing after IEND: the file ends with the IEND chunk.
  EXPECT_EQ(file->body.substr(file->body.size() - 12), png_chunk("IEND", ""));
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

// A key is bound to the report it came with: a client that reuses it for another report (a
// bug, or someone who saw the key) gets 422 and nothing of the first report, and nothing is
// stored. The same report spelled differently (spacing, key order) is still the same.
TEST_F(Attachments, AKeySentWithAnotherReportIsRefusedAndTellsNothing) {
  const std::string id = upload("image/jpeg", phone_jpeg());
  const httplib::Headers key{{"Idempotency-Key", "draft-7a2d4c6e8f0b1d3e"}};
  json body = valid_report();
  body["attachments"] = json::array({id});
  httplib::Client c = server.client();
  const Answer first = answer(c.Post("/api/v1/reports", key, body.dump(), "application/json"));
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string tracking = first.body["tracking_id"], pin = first.body["pin"];
  const int64_t reports = server.count_rows("reports");

  // The same report, indented and with its fields in another order: the first answer.
  std::string spelled = "{";
  for (auto it = body.rbegin(); it != body.rend(); ++it) {
    spelled += std::string(spelled.size() > 1 ? ",\n  " : "\n  ") + json(it.key()).dump() + " :  " +
               it.value().dump(4);
  }
  spelled += "\n}\n";
  const Answer again = answer(c.Post("/api/v1/reports", key, spelled, "application/json"));
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.body["tracking_id"], tracking);
  EXPECT_EQ(again.body["pin"], pin);

  auto expect_refused = [&](const json& other, const char* what) {
    auto res = c.Post("/api/v1/reports", key, other.dump(), "application/json");
    ASSERT_TRUE(res) << what;
    EXPECT_EQ(res->status, 422) << what;
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "idempotency_key_reused") << what;
    EXPECT_EQ(res->body.find(tracking), std::string::npos) << what;
    EXPECT_EQ(res->body.find(pin), std::string::npos) << what;
    EXPECT_FALSE(res->has_header("Location")) << what;
    EXPECT_FALSE(res->has_header("Idempotent-Replayed")) << what;
    EXPECT_EQ(server.count_rows("reports"), reports) << what;
  };
  // Another title with the same (already claimed) photo, and another report without one.
  json other = body;
  other["title"] = "Lampu jalan mati di depan pasar";
  expect_refused(other, "same photo, other title");
  other.erase("attachments");
  expect_refused(other, "no photo, other title");
  json same_but_anonymous = body;
  same_but_anonymous["anonymous"] = true;
  expect_refused(same_but_anonymous, "one flag changed");

  // A key remembered before keys were bound to bodies has no digest: it replays nothing.
  {
    const auto db = server.open_db();
    db->exec("UPDATE submission_keys SET body_digest = ''");
  }
  expect_refused(body, "a key without a digest");
  EXPECT_EQ(server.count_rows("submission_keys"), 1);
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

// The map's routes: the tile setting and the CSP built from it, the region near a pin, and
// the public positions, which are rounded by the server and carry nothing private.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "formats/map_settings.h"
#include "model/region_locator.h"
#include "shared/geo.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

json get_json(TestServer& server, const std::string& path, int status = 200) {
  httplib::Client c = server.client();
  auto res = c.Get(path.c_str());
  EXPECT_TRUE(res);
  if (!res) return json();
  EXPECT_EQ(res->status, status) << path << " " << res->body;
  return json::parse(res->body);
}

// Filed with a position and verified (forwarded): such a report is public unless
// confidential.
std::string verified(TestServer& server, const StaffSession& coordinator, json fields) {
  const std::string id = server.submit(std::move(fields)).first;
  httplib::Client c = server.client();
  auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
                    json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", 1}}.dump(),
                    "application/json");
  EXPECT_EQ(res->status, 200) << res->body;
  return id;
}

json at(double lat, double lon, json more = json::object()) {
  json report = valid_report();
  report["location"]["lat"] = lat;
  report["location"]["lon"] = lon;
  report["confidential"] = false;
  report.update(more);
  return report;
}

TEST(MapSettings, TileOriginIsTheTemplatesSchemeAndHostOnly) {
  EXPECT_EQ(tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
            "https://tile.openstreetmap.org");
  EXPECT_EQ(tile_origin("http://127.0.0.1:8090/tiles/{z}/{x}/{y}.png"), "http://127.0.0.1:8090");
  EXPECT_EQ(tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}{r}.png?key=abc"),
            "https://*.tile.example.org");
  for (const char* bad :
       {"ftp://tiles.example/{z}/{x}/{y}.png", "https://tiles.example/{z}/{x}.png",
        "https://tiles.example; script-src *//{z}/{x}/{y}",
        "https://tiles.example/{z}/{x}/{y}.png' onerror=x", "https://a{s}.example/{z}/{x}/{y}.png",
        "https:///{z}/{x}/{y}", "//tiles.example/{z}/{x}/{y}.png", "https://tiles.example"}) {
    EXPECT_FALSE(tile_origin(bad)) << bad;
  }
}

TEST(MapSettings, PublicGridIsAThousandthOfADegree) {
  EXPECT_DOUBLE_EQ(geo::public_coordinate(-3.441234), -3.441);
  EXPECT_DOUBLE_EQ(geo::public_coordinate(114.8336), 114.834);
  EXPECT_DOUBLE_EQ(geo::public_coordinate(-3.441), -3.441);  // already on the grid: unmoved
  // About 110 m between neighbouring grid points at the equator.
  EXPECT_NEAR(geo::distance_km({0, 114.833}, {0, 114.834}), 0.111, 0.001);
}

TEST(RegionLocator, ReadsTheIslandCoordinatesOfTheShippedData) {
  const auto p = parse_dms("03°19'03.44\" N 097°07'41.73\" E");
  ASSERT_TRUE(p);
  EXPECT_NEAR(p->lat, 3.317622, 1e-6);
  EXPECT_NEAR(p->lon, 97.128258, 1e-6);
  const auto south_west = parse_dms("08°10'00\" S 115°00'30.5\" W");
  ASSERT_TRUE(south_west);
  EXPECT_LT(south_west->lat, 0);
  EXPECT_LT(south_west->lon, 0);
  for (const char* bad :
       {"", "03°19'03.44\" N", "03°79'03.44\" N 097°07'41.73\" E",
        "N 03°19'03.44\" 097°07'41.73\" E", "03°19'03.44\" N 097°07'41.73\" E x"}) {
    EXPECT_FALSE(parse_dms(bad)) << bad;
  }
  // Every island with a regency in the data has a position.
  EXPECT_GT(RegionLocator::embedded().size(), 17000u);
}

TEST(MapHttp, SettingsReachThePageAndTheCspAllowsExactlyTheTileOrigin) {
  TestServer server({}, default_notify_config(), [](AppOptions& o) {
    o.http.map.tile_template = "http://127.0.0.1:9/{z}/{x}/{y}.png";
    o.http.map.attribution = "Peta <uji>";
  });
  httplib::Client c = server.client();
  auto res = c.Get("/api/v1/map");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json config = json::parse(res->body);
  EXPECT_EQ(config["enabled"], true);
  EXPECT_EQ(config["tiles"], "http://127.0.0.1:9/{z}/{x}/{y}.png");
  EXPECT_EQ(config["attribution"], "Peta <uji>");  // text; the page escapes it
  const std::string csp = c.Get("/")->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("img-src 'self' data: blob: http://127.0.0.1:9;"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("openstreetmap"), std::string::npos) << csp;
}

TEST(MapHttp, DefaultIsOpenStreetMapAndOffMeansNoMapAndNoOrigin) {
  {
    TestServer server;
    const json config = get_json(server, "/api/v1/map");
    EXPECT_EQ(config["tiles"], "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    EXPECT_EQ(config["attribution"], "© OpenStreetMap contributors");
    EXPECT_NE(server.client()
                  .Get("/")
                  ->get_header_value("Content-Security-Policy")
                  .find("img-src 'self' data: blob: https://tile.openstreetmap.org;"),
              std::string::npos);
  }
  TestServer server({}, default_notify_config(),
                    [](AppOptions& o) { o.http.map.tile_template.clear(); });
  EXPECT_EQ(get_json(server, "/api/v1/map"), json({{"enabled", false}}));
  EXPECT_NE(server.client()
                .Get("/")
                ->get_header_value("Content-Security-Policy")
                .find("img-src 'self' data: blob:;"),
            std::string::npos);
}

TEST(MapHttp, RegionNearAPinIsTheRegencyOnlyWhereTheDataIsSure) {
  TestServer server;
  // Balikpapan's harbour: island points of Kota Balikpapan all around, 3 km away.
  const json balikpapan = get_json(server, "/api/v1/regions/near?lat=-1.265&lon=116.83");
  EXPECT_EQ(balikpapan["region_code"], "64.71");
  EXPECT_EQ(balikpapan["level"], "regency");
  EXPECT_EQ(balikpapan["full_name"], "Kota Balikpapan, Kalimantan Timur");
  // Central Banjarmasin: the nearest island (3.5 km) is Barito Kuala's, and Banjarmasin's
  // are as near: only the province is sure.
  const json banjarmasin = get_json(server, "/api/v1/regions/near?lat=-3.319&lon=114.59");
  EXPECT_EQ(banjarmasin["region_code"], "63");
  EXPECT_EQ(banjarmasin["level"], "province");
  // Semarang, 52 km from the nearest island point: Central Java.
  EXPECT_EQ(get_json(server, "/api/v1/regions/near?lat=-6.99&lon=110.42")["region_code"], "33");
  // Solo, 68 km from Yogyakarta's islands, and Bandung, 97 km from West Java's: too far to say.
  EXPECT_EQ(get_json(server, "/api/v1/regions/near?lat=-7.57&lon=110.82")["region_code"], "");
  EXPECT_EQ(get_json(server, "/api/v1/regions/near?lat=-6.917&lon=107.619")["region_code"], "");
  // The Indian Ocean: nothing within reach.
  EXPECT_EQ(get_json(server, "/api/v1/regions/near?lat=-20&lon=90")["region_code"], "");
  for (const char* bad :
       {"", "?lat=-3.3", "?lat=abc&lon=114", "?lat=91&lon=114", "?lat=-3&lon=181",
        "?lat=nan&lon=114", "?lat=-3&lon=inf", "?lat=1e999&lon=1", "?lat=-3%00&lon=114"}) {
    const json e = get_json(server, std::string("/api/v1/regions/near") + bad, 400);
    EXPECT_EQ(e["error"]["code"], "invalid_position") << bad;
  }
}

TEST(MapHttp, PublicPositionsAreRoundedAndOnlyOfPublishedReports) {
  TestServer server;
  const StaffSession coordinator = server.login("koordinator");
  const std::string open_id =
      verified(server, coordinator, at(-3.4412345, 114.8336789, {{"title", "Lampu jalan mati"}}));
  const std::string anonymous_id =
      verified(server, coordinator, at(-3.4423456, 114.8347891, {{"anonymous", true}}));
  const std::string secret_id =
      verified(server, coordinator, at(-3.5551234, 114.7771234, {{"confidential", true}}));
  const std::string waiting_id = server.submit(at(-3.6661234, 114.6661234)).first;
  json no_position = valid_report();
  no_position["location"].erase("lat");
  no_position["location"].erase("lon");
  no_position["confidential"] = false;
  const std::string unplaced_id = verified(server, coordinator, no_position);

  httplib::Client c = server.client();
  auto res = c.Get("/api/v1/public/map");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const json map = json::parse(res->body);
  std::set<std::string> ids;
  for (const json& item : map["items"]) {
    ids.insert(item["tracking_id"]);
    // Every position is on the public grid.
    for (const char* axis : {"lat", "lon"}) {
      const double v = item[axis];
      EXPECT_NEAR(v * 1000, std::round(v * 1000), 1e-6) << item.dump();
    }
    EXPECT_EQ(item.size(), 5u) << item.dump();  // tracking_id, title, status, lat, lon
  }
  EXPECT_TRUE(ids.count(open_id));
  EXPECT_TRUE(ids.count(anonymous_id));  // the report is public; who sent it is not
  EXPECT_FALSE(ids.count(secret_id));
  EXPECT_FALSE(ids.count(waiting_id));
  EXPECT_FALSE(ids.count(unplaced_id));
  for (const json& item : map["items"]) {
    if (item["tracking_id"] == open_id) {
      EXPECT_DOUBLE_EQ(item["lat"].get<double>(), -3.441);
      EXPECT_DOUBLE_EQ(item["lon"].get<double>(), 114.834);
      EXPECT_EQ(item["title"], "Lampu jalan mati");
    }
  }
  // The raw coordinates and the reporter never leave the server on this path.
  for (const char* secret : {"4412345", "8336789", "4423456", "8347891", "5551234", "Siti",
                             "siti@contoh.id", "+6281234567890", "Jl. A. Yani"}) {
    EXPECT_EQ(res->body.find(secret), std::string::npos) << secret;
  }
}

}  // namespace
}  // namespace aduan::testing

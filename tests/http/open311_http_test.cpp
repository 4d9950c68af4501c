// Open311 GeoReport v2: discovery, services, service definitions, requests in .json and
// .xml, API keys.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

class Open311 : public ::testing::Test {
 protected:
  std::string create_key() {
    const StaffSession admin = server.login("sysadmin");
    httplib::Client c = server.client();
    auto res = c.Post("/api/v1/admin/api-keys", admin.headers(),
                      json{{"name", "Dashboard kota"}, {"scopes", {"open311"}}}.dump(),
                      "application/json");
    EXPECT_EQ(res->status, 201) << res->body;
    return json::parse(res->body)["key"];
  }

  httplib::Result post(const std::string& format, const httplib::Params& form) {
    httplib::Client c = server.client();
    return c.Post(("/open311/v2/requests." + format).c_str(), form);
  }

  TestServer server;
};

TEST_F(Open311, DiscoveryServicesAndDefinitions) {
  httplib::Client c = server.client();
  const json discovery = json::parse(c.Get("/open311/v2/discovery.json")->body);
  EXPECT_EQ(discovery["endpoints"][0]["specification"], "http://wiki.open311.org/GeoReport_v2");
  const json services = json::parse(c.Get("/open311/v2/services.json")->body);
  ASSERT_GE(services.size(), 10u);
  bool roads = false;
  for (const json& s : services) {
    roads |= s["service_code"] == "jalan-jembatan" &&
             s["group"] == "Dinas Pekerjaan Umum dan Penataan Ruang" && s["type"] == "realtime";
  }
  EXPECT_TRUE(roads);
  auto xml = c.Get("/open311/v2/services.xml");
  EXPECT_EQ(xml->get_header_value("Content-Type"), "text/xml; charset=utf-8");
  EXPECT_NE(xml->body.find("<services><service>"), std::string::npos);
  EXPECT_NE(xml->body.find("<service_code>jalan-jembatan</service_code>"), std::string::npos);
  const json definition = json::parse(c.Get("/open311/v2/services/jalan-jembatan.json")->body);
  EXPECT_EQ(definition["attributes"][0]["code"], "classification");
  EXPECT_EQ(c.Get("/open311/v2/services/tidak-ada.json")->status, 404);
}

TEST_F(Open311, PostNeedsAnActiveKeyAndGoesThroughValidation) {
  const httplib::Params request{{"service_code", "jalan-jembatan"},
                                {"lat", "-3.41"},
                                {"long", "114.85"},
                                {"address_string", "Jl. Menteri Empat, Martapura"},
                                {"email", "warga@contoh.id"},
                                {"first_name", "Rudi"},
                                {"description",
                                 "Jembatan kayu di RT 03 lapuk dan berlubang, "
                                 "berbahaya untuk anak sekolah."}};
  EXPECT_EQ(post("json", request)->status, 403);
  httplib::Params with_key = request;
  with_key.emplace("api_key", "aduan_" + std::string(48, '0'));
  EXPECT_EQ(post("json", with_key)->status, 403);

  const std::string key = create_key();
  with_key = request;
  with_key.emplace("api_key", key);
  auto res = post("json", with_key);
  ASSERT_EQ(res->status, 201) << res->body;
  const std::string id = json::parse(res->body)[0]["service_request_id"];
  // It is an ordinary report: tracked, validated, on the coordinator's queue.
  httplib::Client c = server.client();
  const StaffSession coordinator = server.login("koordinator");
  const json tracked =
      json::parse(c.Get(("/api/v1/staff/reports/" + id).c_str(), coordinator.headers())->body);
  EXPECT_EQ(tracked["channel"], "open311");
  EXPECT_EQ(tracked["status"], "submitted");
  EXPECT_TRUE(tracked["confidential"].get<bool>());  // nobody asked the citizen to publish
  ASSERT_EQ(
      c.Post(
           ("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
           json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", tracked["version"]}}.dump(),
           "application/json")
          ->status,
      200);
  // Verified, it is still not published: Open311 clients do not ask who may read a report.
  EXPECT_EQ(c.Get(("/open311/v2/requests/" + id + ".json").c_str())->status, 404);

  // A report its citizen chose to publish, once verified, reads as an Open311 request.
  json chosen = valid_report();
  chosen["location"]["lat"] = -3.41234;
  const std::string public_id = server.submit(chosen).first;
  ASSERT_EQ(
      c.Post(("/api/v1/staff/reports/" + public_id + "/actions").c_str(), coordinator.headers(),
             json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", 1}}.dump(),
             "application/json")
          ->status,
      200);
  const json one =
      json::parse(c.Get(("/open311/v2/requests/" + public_id + ".json").c_str())->body);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0]["status"], "open");
  EXPECT_EQ(one[0]["service_code"], "jalan-jembatan");
  EXPECT_DOUBLE_EQ(one[0]["lat"].get<double>(), -3.412);  // rounded to about 100 m
  EXPECT_EQ(one[0]["address"], "");  // the place as written stays with the staff
  const json token =
      json::parse(c.Get(("/open311/v2/tokens/" + public_id + ".json").c_str())->body);
  EXPECT_EQ(token[0]["service_request_id"], public_id);

  // Invalid: the same core's codes, in Open311's error list.
  httplib::Params bad = with_key;
  bad.erase("description");
  bad.emplace("description", "pendek");
  res = post("xml", bad);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("<errors><error><code>400</code>"), std::string::npos);
  EXPECT_NE(res->body.find("<description>body too_short</description>"), std::string::npos);

  // A revoked key stops working.
  const StaffSession admin = server.login("sysadmin");
  const json keys = json::parse(c.Get("/api/v1/admin/api-keys", admin.headers())->body);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_FALSE(keys[0].contains("key"));
  EXPECT_EQ(keys[0]["prefix"], key.substr(0, 12));
  EXPECT_EQ(
      c.Delete(("/api/v1/admin/api-keys/" + keys[0]["id"].dump()).c_str(), admin.headers())->status,
      204);
  EXPECT_EQ(post("json", with_key)->status, 403);
}

TEST_F(Open311, RequestsFiltersAndNoConfidentialReports) {
  const auto [open_id, pin] = server.submit();
  const auto [secret_id, pin2] = server.submit({{"confidential", true}});
  const auto [waiting_id, pin3] = server.submit();
  httplib::Client c = server.client();
  // Published once verified: the coordinator forwards two of them.
  const StaffSession coordinator = server.login("koordinator");
  for (const std::string& id : {open_id, secret_id}) {
    ASSERT_EQ(c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
                     json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", 1}}.dump(),
                     "application/json")
                  ->status,
              200);
  }
  const json all = json::parse(c.Get("/open311/v2/requests.json")->body);
  std::set<std::string> ids;
  for (const json& r : all) ids.insert(r["service_request_id"]);
  EXPECT_TRUE(ids.count(open_id));
  EXPECT_FALSE(ids.count(secret_id));
  EXPECT_FALSE(ids.count(waiting_id));
  EXPECT_EQ(c.Get(("/open311/v2/requests/" + waiting_id + ".json").c_str())->status, 404);
  EXPECT_EQ(c.Get(("/open311/v2/requests/" + secret_id + ".json").c_str())->status, 404);
  EXPECT_EQ(json::parse(c.Get("/open311/v2/requests.json?status=closed")->body).size(), 0u);
  // Everything in the demo and here is still open.
  EXPECT_EQ(json::parse(c.Get("/open311/v2/requests.json?status=open")->body).size(), all.size());
  EXPECT_EQ(
      json::parse(c.Get(("/open311/v2/requests.json?service_request_id=" + open_id).c_str())->body)
          .size(),
      1u);
  EXPECT_EQ(
      json::parse(c.Get("/open311/v2/requests.json?service_code=jalan-jembatan")->body).size(),
      2u);  // the demo's recent roads report and this one (of the last 90 days); the
            // demo's water report waits for verification
  EXPECT_EQ(
      json::parse(c.Get("/open311/v2/requests.json?start_date=2026-11-24T00:00:00%2B07:00")->body)
          .size(),
      0u);
  EXPECT_EQ(c.Get("/open311/v2/requests.json?status=maybe")->status, 400);
  const std::string xml = c.Get("/open311/v2/requests.xml")->body;
  EXPECT_NE(xml.find("<service_requests><request>"), std::string::npos);
  EXPECT_EQ(xml.find("Siti"), std::string::npos);
}

// A key's name and scopes of the wrong type, empty or unknown: 422 with a code for each
// field, never a 500, and no key is created.
TEST_F(Open311, ApiKeyInputIsCheckedFieldByField) {
  const StaffSession admin = server.login("sysadmin");
  httplib::Client c = server.client();
  const auto create = [&](const json& body) {
    auto res = c.Post("/api/v1/admin/api-keys", admin.headers(), body.dump(), "application/json");
    EXPECT_TRUE(res);
    return res ? std::make_pair(res->status, json::parse(res->body, nullptr, false))
               : std::make_pair(0, json());
  };
  const auto errors_of = [](const json& body) {
    std::set<std::string> out;
    if (!body.is_object() || !body.contains("errors")) return out;
    for (const json& e : body["errors"])
      out.insert(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  };
  using Set = std::set<std::string>;
  const json ok_scopes = {"open311"};
  const std::vector<std::pair<json, Set>> cases = {
      {{{"name", 5}, {"scopes", ok_scopes}}, Set{"name:wrong_type"}},
      {{{"name", nullptr}, {"scopes", ok_scopes}}, Set{"name:required"}},
      {{{"name", json::array({"a"})}, {"scopes", ok_scopes}}, Set{"name:wrong_type"}},
      {{{"name", json::object()}, {"scopes", ok_scopes}}, Set{"name:wrong_type"}},
      {{{"scopes", ok_scopes}}, Set{"name:required"}},
      {{{"name", "   "}, {"scopes", ok_scopes}}, Set{"name:blank"}},
      {{{"name", std::string(101, 'k')}, {"scopes", ok_scopes}}, Set{"name:too_long"}},
      {{{"name", "Dashboard"}, {"scopes", json::array()}}, Set{"scopes:required"}},
      {{{"name", "Dashboard"}, {"scopes", nullptr}}, Set{"scopes:wrong_type"}},
      {{{"name", "Dashboard"}, {"scopes", "open311"}}, Set{"scopes:wrong_type"}},
      {{{"name", "Dashboard"}, {"scopes", {{"open311", true}}}}, Set{"scopes:wrong_type"}},
      {{{"name", "Dashboard"}, {"scopes", {"open311", "admin"}}}, Set{"scopes.1:unknown_reason"}},
      {{{"name", "Dashboard"}, {"scopes", {"metrics", 7}}}, Set{"scopes.1:wrong_type"}},
      {{{"name", "Dashboard"}, {"scopes", {"metrics", "metrics"}}}, Set{"scopes.1:duplicate"}},
      // Every field's problem at once.
      {{{"name", 5}, {"scopes", json::object()}}, Set{"name:wrong_type", "scopes:wrong_type"}},
  };
  for (const auto& [body, expected] : cases) {
    const auto [status, answer] = create(body);
    EXPECT_EQ(status, 422) << body.dump() << " -> " << answer.dump();
    EXPECT_EQ(answer["error"]["code"], "validation_failed") << body.dump();
    EXPECT_EQ(errors_of(answer), expected) << body.dump() << " -> " << answer.dump();
  }
  EXPECT_EQ(json::parse(c.Get("/api/v1/admin/api-keys", admin.headers())->body).size(), 0u);

  // The good ones still work; absent scopes mean open311.
  auto [status, answer] = create({{"name", "Dashboard"}});
  EXPECT_EQ(status, 201);
  EXPECT_EQ(answer["scopes"], json({"open311"}));
  std::tie(status, answer) = create({{"name", "Scraper"}, {"scopes", {"metrics", "open311"}}});
  EXPECT_EQ(status, 201);
  EXPECT_EQ(answer["scopes"], json({"metrics", "open311"}));
}

}  // namespace
}  // namespace aduan::testing

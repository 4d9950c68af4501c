// Open311 GeoReport v2 to the letter, as third-party clients use it: discovery that leads back
// to this server, W3C date-times as clients write them, lists in every form the spec allows,
// a POST with only the spec's required arguments, answers the spec's schema accepts, and error
// lists for every path under the prefix. Every response here passes expect_open311_shape, the
// spec's field rules written as checks.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "support/test_paths.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

// W3C date-time with seconds and a zone, as the spec's examples write them.
bool w3c(const json& v) {
  static const std::regex kDateTime(
      R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
  return v.is_string() && std::regex_match(v.get<std::string>(), kDateTime);
}

// The GeoReport v2 schema's rules for a service request, an error and a POST answer.
void expect_request_shape(const json& r) {
  SCOPED_TRACE(r.dump());
  ASSERT_TRUE(r.is_object());
  EXPECT_TRUE(r["service_request_id"].is_string());
  EXPECT_TRUE(r["status"] == "open" || r["status"] == "closed");
  for (const char* key : {"service_code", "service_name", "description", "agency_responsible",
                          "status_notes", "service_notice", "address", "address_id", "zipcode"}) {
    if (r.contains(key)) {
      EXPECT_TRUE(r[key].is_string()) << key;
    }
  }
  EXPECT_TRUE(w3c(r["requested_datetime"]));
  if (r.contains("updated_datetime")) {
    EXPECT_TRUE(w3c(r["updated_datetime"]));
  }
  if (r.contains("expected_datetime")) {
    EXPECT_TRUE(w3c(r["expected_datetime"]));
  }
  if (r.contains("lat")) {
    EXPECT_TRUE(r["lat"].is_number() && r["long"].is_number());
  }
  if (r.contains("media_url")) {
    EXPECT_TRUE(r["media_url"].is_string() &&
                r["media_url"].get<std::string>().rfind("http", 0) == 0);
  }
  EXPECT_FALSE(r.contains("token"));  // the ID is known, so never both
}

void expect_errors_shape(const json& errors, int code) {
  SCOPED_TRACE(errors.dump());
  ASSERT_TRUE(errors.is_array());
  ASSERT_FALSE(errors.empty());
  for (const json& e : errors) {
    EXPECT_EQ(e["code"], code);
    EXPECT_TRUE(e["description"].is_string() && !e["description"].get<std::string>().empty());
  }
}

class Open311Exact : public ::testing::Test {
 protected:
  void SetUp() override {
    const StaffSession admin = server.login("sysadmin");
    auto res = server.client().Post("/api/v1/admin/api-keys", admin.headers(),
                                    json{{"name", "Sistem kabupaten"}}.dump(), "application/json");
    ASSERT_EQ(res->status, 201) << res->body;
    key = json::parse(res->body)["key"];
  }

  // GET a list of requests; every one is checked against the spec's shape.
  json requests(const std::string& query) {
    auto res = server.client().Get(("/open311/v2/requests.json" + query).c_str());
    EXPECT_EQ(res->status, 200) << query << " -> " << res->body;
    const json list = json::parse(res->body);
    for (const json& r : list) expect_request_shape(r);
    return list;
  }

  std::set<std::string> ids(const std::string& query) {
    std::set<std::string> out;
    for (const json& r : requests(query)) out.insert(r["service_request_id"]);
    return out;
  }

  httplib::Result post(httplib::Params form, const std::string& format = "json") {
    form.emplace("api_key", key);
    return server.client().Post(("/open311/v2/requests." + format).c_str(), form);
  }

  // A report the reporter chose to publish, forwarded so that Open311 shows it.
  std::string published(const std::string& category = "jalan-jembatan") {
    json body = valid_report();
    body["category"] = category;
    const std::string id = server.submit(body).first;
    const StaffSession coordinator = server.login("koordinator");
    auto res = server.client().Post(
        ("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
        json{{"action", "forward"},
             {"agency", category == "jalan-jembatan" ? "DPUPR" : "PDAM"},
             {"version", 1}}
            .dump(),
        "application/json");
    EXPECT_EQ(res->status, 200) << res->body;
    return id;
  }

  json staff_view(const std::string& id) {
    const StaffSession coordinator = server.login("koordinator");
    return json::parse(
        server.client().Get(("/api/v1/staff/reports/" + id).c_str(), coordinator.headers())->body);
  }

  TestServer server;
  std::string key;
};

TEST_F(Open311Exact, DiscoveryLeadsBackToTheServerThatAnswered) {
  httplib::Client c = server.client();
  const json discovery = json::parse(c.Get("/open311/v2/discovery.json")->body);
  const std::string url = discovery["endpoints"][0]["url"];
  EXPECT_EQ(url, "http://127.0.0.1:" + std::to_string(server.port()) + "/open311/v2/");
  // A client follows it and lands here.
  httplib::Client follower(url.substr(0, url.find("/open311")));
  auto services = follower.Get("/open311/v2/services.json");
  ASSERT_TRUE(services);
  EXPECT_EQ(services->status, 200);
  // A Host header that is not a host name is not echoed.
  auto odd = c.Get("/open311/v2/discovery.json", {{"Host", "evil\"/><x"}});
  EXPECT_EQ(json::parse(odd->body)["endpoints"][0]["url"], "http://127.0.0.1:8080/open311/v2/");
}

TEST_F(Open311Exact, AnOperatorsPublicUrlWinsInDiscovery) {
  NotifyConfig notify = default_notify_config();
  notify.public_url = "https://lapor.banjarkab.go.id";
  notify.public_url_set = true;
  TestServer behind_proxy({}, notify);
  const json discovery =
      json::parse(behind_proxy.client().Get("/open311/v2/discovery.xml")->body, nullptr, false);
  EXPECT_TRUE(discovery.is_discarded());  // XML asked, XML answered
  const std::string xml = behind_proxy.client().Get("/open311/v2/discovery.xml")->body;
  EXPECT_NE(xml.find("<url>https://lapor.banjarkab.go.id/open311/v2/</url>"), std::string::npos)
      << xml;
}

TEST_F(Open311Exact, DatesAsClientsWriteThem) {
  const std::string id = published();  // 2026-11-23 10:00 WIB = 03:00Z
  const std::vector<std::pair<std::string, bool>> cases = {
      // The spec's own example window, and its forms.
      {"?start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z", false},
      {"?start_date=2026-11-23T02:59:59.500000Z", true},  // fractional seconds
      {"?start_date=2026-11-23T03:00:00.999Z", true},     // dropped, not rounded up
      {"?start_date=2026-11-23T10:00%2B07:00", true},     // hh:mm
      {"?start_date=2026-11-23T10:01%2B07:00", false},
      {"?start_date=2026-11-23T09:30:00%2B0700", true},  // +hhmm
      {"?end_date=2026-11-23T02:59Z", false},
      {"?start_date=2026-11-23", true},           // a date, local midnight
      {"?start_date=2026-11-23T10:00:00", true},  // no zone: local time
      {"?start_date=&end_date=", true},           // empty is absent
  };
  for (const auto& [query, found] : cases) {
    EXPECT_EQ(ids(query).count(id), found ? 1u : 0u) << query;
  }
  for (const std::string bad :
       {"?start_date=2026-11-23T10", "?start_date=2026-11-23T10:00:00.Z",
        "?end_date=2026-11-23T10:00:00%2B7", "?start_date=23-11-2026", "?end_date=2026-11-23x"}) {
    auto res = server.client().Get(("/open311/v2/requests.json" + bad).c_str());
    EXPECT_EQ(res->status, 400) << bad;
    expect_errors_shape(json::parse(res->body), 400);
  }
  // Without a start, the 90 days before the end.
  EXPECT_EQ(ids("?end_date=2026-12-01T00:00:00Z").count(id), 1u);
  EXPECT_EQ(ids("?end_date=2027-03-01T00:00:00Z").count(id), 0u);
}

TEST_F(Open311Exact, ListsInEveryFormTheSpecAllows) {
  const std::string road = published("jalan-jembatan");
  const std::string water = published("air-bersih");
  std::set<std::string> both{road, water};
  auto has_both = [&](const std::string& query) {
    const auto found = ids(query);
    return found.count(road) && found.count(water);
  };
  EXPECT_TRUE(has_both("?service_code=jalan-jembatan,air-bersih"));
  EXPECT_TRUE(has_both("?service_code=jalan-jembatan&service_code=air-bersih"));
  EXPECT_TRUE(has_both("?service_code=jalan-jembatan,%20air-bersih"));
  EXPECT_EQ(ids("?service_code=air-bersih,tidak-ada").count(road), 0u);
  EXPECT_EQ(ids("?service_code=air-bersih,tidak-ada").count(water), 1u);
  EXPECT_TRUE(ids("?service_code=tidak-ada").empty());
  EXPECT_TRUE(has_both("?service_code="));  // empty is absent
  EXPECT_TRUE(has_both("?status=open,closed"));
  EXPECT_TRUE(has_both("?status=open&status=closed"));
  EXPECT_TRUE(has_both("?status="));
  EXPECT_TRUE(ids("?status=closed").empty());
  // Named requests override every other parameter.
  EXPECT_EQ(ids("?service_request_id=" + road + "," + water), both);
  EXPECT_EQ(ids("?service_request_id=" + road + "&service_request_id=" + water), both);
  EXPECT_EQ(ids("?service_request_id=" + road + "&status=closed&service_code=air-bersih"),
            std::set<std::string>{road});
  EXPECT_EQ(ids("?service_request_id=" + road + "&start_date=2030-01-01"),
            std::set<std::string>{road});
  auto res = server.client().Get("/open311/v2/requests.xml?status=open,maybe");
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("<errors><error><code>400</code>"), std::string::npos);
}

TEST_F(Open311Exact, APostWithOnlyTheSpecsRequiredArguments) {
  // A service and a point: a report, anonymous, its text saying what is known.
  auto res = post({{"service_code", "jalan-jembatan"}, {"lat", "-3.41"}, {"long", "114.85"}});
  ASSERT_EQ(res->status, 201) << res->body;
  const json answer = json::parse(res->body);
  ASSERT_EQ(answer.size(), 1u);
  EXPECT_TRUE(answer[0]["service_request_id"].is_string());
  EXPECT_FALSE(answer[0].contains("token"));
  const json report = staff_view(answer[0]["service_request_id"]);
  EXPECT_EQ(report["channel"], "open311");
  EXPECT_TRUE(report["anonymous"].get<bool>());
  EXPECT_EQ(report["title"],
            "Laporan Jalan dan Jembatan dari sistem lain melalui Open311, tanpa uraian.")
      << report.dump();

  // An area code alone is a place too.
  res = post({{"service_code", "air-bersih"}, {"address_id", "63.03.01"}});
  ASSERT_EQ(res->status, 201) << res->body;
  const json area = staff_view(json::parse(res->body)[0]["service_request_id"]);
  EXPECT_EQ(area["location"]["text"], "Aluh Aluh, Kabupaten Banjar, Kalimantan Selatan")
      << area.dump();

  // The spec's example request, aduan's service in place of "001": its title comes from the
  // description, its picture is kept (as a line of the text: aduan never fetches it), and
  // its contact makes it an ordinary, named report.
  res = post({{"service_code", "jalan-jembatan"},
              {"lat", "-3.41"},
              {"long", "114.85"},
              {"address_string", "1234 5th street"},
              {"email", "smit333@sfgov.edu"},
              {"device_id", "tt222111"},
              {"account_id", "123456"},
              {"first_name", "john"},
              {"last_name", "smith"},
              {"description", "A large sinkhole is destroying the street"},
              {"media_url", "http://android.com/sinkhole.png"}},
             "xml");
  ASSERT_EQ(res->status, 201) << res->body;
  EXPECT_NE(res->body.find("<service_requests><request>"), std::string::npos) << res->body;
  EXPECT_EQ(res->body.find("<token>"), std::string::npos);
  const std::string xml_id = res->body.substr(
      res->body.find("<service_request_id>") + 20,
      res->body.find("</service_request_id>") - res->body.find("<service_request_id>") - 20);
  const json example = staff_view(xml_id);
  EXPECT_EQ(example["title"], "A large sinkhole is destroying the street");
  EXPECT_NE(example["body"].get<std::string>().find("Foto: http://android.com/sinkhole.png"),
            std::string::npos);
  EXPECT_FALSE(example["anonymous"].get<bool>());
  EXPECT_EQ(example["reporter"]["name"], "john smith");

  // What cannot be derived is refused in Open311's own error list.
  const std::vector<std::tuple<httplib::Params, int, std::string>> refused = {
      {{{"lat", "-3.41"}, {"long", "114.85"}}, 400, "service_code"},
      {{{"service_code", "jalan-jembatan"}}, 400, "address_id"},
      {{{"service_code", "jalan-jembatan"}, {"lat", "-3.41"}}, 400, "long"},
      {{{"service_code", "tidak-ada"}, {"lat", "-3.41"}, {"long", "114.85"}}, 404, "service_code"},
      {{{"service_code", "jalan-jembatan"},
        {"lat", "-3.41"},
        {"long", "114.85"},
        {"media_url", "javascript:alert(1)"}},
       400,
       "media_url"},
      {{{"service_code", "jalan-jembatan"},
        {"lat", "-3.41"},
        {"long", "114.85"},
        {"media_url", "http://a b/c.png"}},
       400,
       "media_url"},
      {{{"service_code", "jalan-jembatan"}, {"address_id", "99.99"}}, 400, "region_code"},
  };
  const int64_t before = server.count_rows("reports");
  for (const auto& [form, status, mentions] : refused) {
    res = post(form);
    EXPECT_EQ(res->status, status) << res->body;
    const json errors = json::parse(res->body);
    expect_errors_shape(errors, status);
    EXPECT_NE(errors.dump().find(mentions), std::string::npos) << errors.dump();
  }
  EXPECT_EQ(server.count_rows("reports"), before);
}

TEST_F(Open311Exact, AnswersTheSchemaAccepts) {
  const std::string id = published();
  const json one = requests("?service_request_id=" + id);
  ASSERT_EQ(one.size(), 1u);
  // Forwarded: the agency's first response is due, as a date-time at the end of that day.
  ASSERT_TRUE(one[0].contains("expected_datetime"));
  EXPECT_EQ(one[0]["expected_datetime"].get<std::string>().substr(10), "T23:59:59+07:00");
  EXPECT_FALSE(one[0].contains("media_url"));  // none: left out, not ""
  const json single =
      json::parse(server.client().Get(("/open311/v2/requests/" + id + ".json").c_str())->body);
  ASSERT_EQ(single.size(), 1u);
  expect_request_shape(single[0]);
}

TEST_F(Open311Exact, EveryPathUnderThePrefixAnswersAnErrorList) {
  httplib::Client c = server.client();
  for (const std::string path :
       {"/open311/v2/requests.html", "/open311/v2/requests", "/open311/v2/services.csv",
        "/open311/v2/nothing.json", "/open311/v2/requests/AB%24CD.json"}) {
    auto res = c.Get(path.c_str());
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    expect_errors_shape(json::parse(res->body), 404);
  }
  auto xml = c.Get("/open311/v2/requests/AB%24CD.xml");
  EXPECT_EQ(xml->status, 404);
  EXPECT_NE(xml->body.find("<errors><error><code>404</code>"), std::string::npos) << xml->body;
  auto posted = c.Post("/open311/v2/requests.html", "", "application/x-www-form-urlencoded");
  EXPECT_EQ(posted->status, 404);
  expect_errors_shape(json::parse(posted->body), 404);
}

// The XML answers, read by Python's own XML parser: well formed, the spec's element names
// (the root, one element per item), and the same content as the JSON answer.
TEST_F(Open311Exact, XmlSaysWhatJsonSays) {
  const std::string id = published();
  ASSERT_EQ(
      post({{"service_code", "jalan-jembatan"}, {"lat", "-3.41"}, {"long", "114.85"}})->status,
      201);
  struct Case {
    std::string path;  // without the format
    std::string root, item;
  };
  const std::vector<Case> cases = {
      {"/open311/v2/discovery", "discovery", "item"},
      {"/open311/v2/services", "services", "service"},
      {"/open311/v2/services/jalan-jembatan", "service_definition", "item"},
      {"/open311/v2/requests", "service_requests", "request"},
      {"/open311/v2/requests/" + id, "service_requests", "request"},
      {"/open311/v2/tokens/" + id, "service_requests", "request"},
      {"/open311/v2/requests/AAA-AAA-AAA", "errors", "error"},
      {"/open311/v2/requests?status=maybe", "errors", "error"},
  };
  httplib::Client c = server.client();
  for (const Case& k : cases) {
    const size_t query = k.path.find('?');
    const std::string base = k.path.substr(0, query);
    const std::string rest = query == std::string::npos ? "" : k.path.substr(query);
    auto xml = c.Get((base + ".xml" + rest).c_str());
    auto json_answer = c.Get((base + ".json" + rest).c_str());
    ASSERT_TRUE(xml && json_answer) << k.path;
    EXPECT_EQ(xml->status, json_answer->status) << k.path;
    EXPECT_EQ(xml->get_header_value("Content-Type"), "text/xml; charset=utf-8") << k.path;
    const auto xml_file = server.dir() / "answer.xml";
    const auto json_file = server.dir() / "answer.json";
    std::ofstream(xml_file) << xml->body;
    std::ofstream(json_file) << json_answer->body;
    const CommandResult check =
        run_command(std::string("/usr/bin/python3 ") + ADUAN_CHECK_OPEN311_XML + " " + k.root +
                    " " + k.item + " " + xml_file.string() + " " + json_file.string());
    EXPECT_EQ(check.status, 0) << k.path << "\n" << check.output << "\n" << xml->body;
  }
}

}  // namespace
}  // namespace aduan::testing

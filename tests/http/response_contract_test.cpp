// The response check refuses what it must: an undocumented field (also inside an allOf
// composition and a nested object), a wrong type, an undocumented status or media type, a JSON
// body the document gives no schema, an Open311 XML answer that differs from its JSON schema;
// and lets a documented answer through.
#include "support/response_contract.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace aduan::testing {
namespace {

using nlohmann::json;

RecordedAnswer json_answer(const std::string& route, int status, const json& body) {
  return {route, status, "application/json; charset=utf-8", true, false, body.dump()};
}

const std::string kTrack = "GET /api/v1/reports/{tracking_id}";

json public_report() {
  return {{"tracking_id", "K7M-2QX-9PA"},
          {"status", "verified"},
          {"location", {{"region_code", "63.03"}, {"lat", -3.44}, {"lon", 114.83}}}};
}

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const std::string& p : problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(ResponseContract, AcceptsADocumentedAnswer) {
  EXPECT_EQ(contract_problems({json_answer(kTrack, 200, public_report())}),
            std::vector<std::string>{});
  EXPECT_EQ(
      contract_problems({json_answer(kTrack, 404, {{"error", {{"code", "report_not_found"}}}})}),
      std::vector<std::string>{});
}

TEST(ResponseContract, RefusesAnUndocumentedField) {
  json body = public_report();
  body["reporter_phone"] = "0812";
  body["location"]["text"] = "Jl. A. Yani";  // documented
  body["location"]["street"] = "Jl. A. Yani";
  const auto problems = contract_problems({json_answer(kTrack, 200, body)});
  ASSERT_EQ(problems.size(), 2u) << ::testing::PrintToString(problems);
  EXPECT_TRUE(mentions(problems, kTrack + " 200 application/json /reporter_phone: field not in "
                                          "the document"))
      << problems[0];
  EXPECT_TRUE(mentions(problems, "/location/street: field not in the document")) << problems[1];
}

TEST(ResponseContract, RefusesAnUndocumentedFieldOfAComposedSchema) {
  // StaffReport is allOf ReporterReport (allOf PublicReport and more) and its own fields: each
  // part's fields are known, one outside all of them is not.
  json body = public_report();
  body["tier"] = "district";  // StaffReport's own
  body["version"] = 3;        // ReporterReport's
  body["password_hash"] = "x";
  const auto problems =
      contract_problems({json_answer("GET /api/v1/staff/reports/{tracking_id}", 200, body)});
  ASSERT_EQ(problems.size(), 1u) << ::testing::PrintToString(problems);
  EXPECT_TRUE(mentions(problems, "/password_hash: field not in the document")) << problems[0];
}

TEST(ResponseContract, RefusesAWrongType) {
  json body = public_report();
  body["tracking_id"] = 5;
  body["location"]["lat"] = "-3.44";
  const auto problems = contract_problems({json_answer(kTrack, 200, body)});
  ASSERT_EQ(problems.size(), 2u) << ::testing::PrintToString(problems);
  EXPECT_TRUE(mentions(problems, "/tracking_id: 5 is not of type 'string'")) << problems[0];
  EXPECT_TRUE(mentions(problems, "/location/lat: '-3.44' is not of type 'number'")) << problems[1];
}

TEST(ResponseContract, RefusesAnUndocumentedStatusOrMediaType) {
  EXPECT_EQ(contract_problems({json_answer(kTrack, 418, public_report())}),
            std::vector<std::string>{kTrack + " 418: status not documented"});
  RecordedAnswer csv{"GET /api/v1/public/stats.csv", 200, "text/plain", true, false, ""};
  EXPECT_EQ(contract_problems({csv}),
            std::vector<std::string>{"GET /api/v1/public/stats.csv 200: text/plain is not "
                                     "documented (the document has text/csv)"});
  EXPECT_EQ(contract_problems({json_answer("GET /api/v1/nowhere", 200, json::object())}),
            std::vector<std::string>{"GET /api/v1/nowhere 200: no such operation"});
}

TEST(ResponseContract, RefusesABodyThatIsNotJson) {
  RecordedAnswer broken = json_answer(kTrack, 200, public_report());
  broken.body.pop_back();
  const auto problems = contract_problems({broken});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(mentions(problems, "not JSON")) << problems[0];
}

}  // namespace
}  // namespace aduan::testing

namespace aduan::testing {
namespace {

// Open311's XML is held to the schema of its JSON twin: a documented answer passes, an element
// the document does not name, or a number that is not one, does not.
TEST(ResponseContract, ReadsOpen311XmlByItsJsonSchema) {
  const std::string route = "GET /open311/v2/requests.{format}";
  const auto xml = [&](const std::string& inner) {
    return RecordedAnswer{route,
                          200,
                          "text/xml; charset=utf-8",
                          true,
                          false,
                          "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>"
                          "<service_request_id>K7M-2QX-9PA</service_request_id><status>open</"
                          "status><requested_datetime>2026-11-23T10:00:00+07:00</"
                          "requested_datetime><updated_datetime>2026-11-23T10:00:00+07:00</"
                          "updated_datetime>" +
                              inner + "</request></service_requests>"};
  };
  EXPECT_EQ(contract_problems({xml("<lat>-3.44</lat>")}), std::vector<std::string>{});
  auto problems = contract_problems({xml("<reporter_phone>0812</reporter_phone>")});
  EXPECT_TRUE(mentions(problems, "text/xml /0/reporter_phone: field not in the document"))
      << ::testing::PrintToString(problems);
  problems = contract_problems({xml("<lat>sebelah pasar</lat>")});
  EXPECT_TRUE(mentions(problems, "text/xml /0/lat")) << ::testing::PrintToString(problems);
  problems = contract_problems({xml("<unclosed>")});
  EXPECT_FALSE(problems.empty());
}

}  // namespace
}  // namespace aduan::testing

// Submission limits with device keys (server/http/device_limits.h): a shared address is not one
// sender, a device has its own small limit, and neither forged nor freshly minted keys lift
// an address past its ceiling.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

// Without keys 3 an hour per address; a key 2; an address 7 in all; 4 new keys an hour.
void tight(AppOptions& o) {
  o.submit_limit = AddressLimit{3, 3600};
  o.device_rules = DeviceRules{{2, 3600}, {7, 3600}, {4, 3600}};
}

std::string new_key(httplib::Client& c) {
  auto res = c.Post("/api/v1/device-keys");
  EXPECT_TRUE(res);
  if (!res || res->status != 201) return "";
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
  return json::parse(res->body)["device_key"].get<std::string>();
}

int submit(httplib::Client& c, const std::string& key) {
  httplib::Headers headers;
  if (!key.empty()) headers.emplace("Device-Key", key);
  auto res = c.Post("/api/v1/reports", headers, valid_report().dump(), "application/json");
  return res ? res->status : -1;
}

TEST(DeviceLimits, PhonesBehindOneAddressEachHaveTheirOwnLimit) {
  TestServer server({}, default_notify_config(), tight);
  httplib::Client c = server.client();
  const std::string first = new_key(c), second = new_key(c);
  ASSERT_NE(first, second);
  EXPECT_EQ(submit(c, first), 201);
  EXPECT_EQ(submit(c, first), 201);
  // The first phone has sent its share; the second, at the same address, has not.
  EXPECT_EQ(submit(c, first), 429);
  EXPECT_EQ(submit(c, second), 201);
  EXPECT_EQ(submit(c, second), 201);
  // A client without a key still has the address's keyless share.
  EXPECT_EQ(submit(c, ""), 201);
  // The window passes: the first phone may send again.
  server.clock().advance(3600);
  EXPECT_EQ(submit(c, first), 201);
}

TEST(DeviceLimits, MadeUpOrAlteredKeysCountAsNoKey) {
  TestServer server({}, default_notify_config(), tight);
  httplib::Client c = server.client();
  const std::string real = new_key(c);
  std::string altered = real;
  altered.back() = altered.back() == '0' ? '1' : '0';
  const std::string made_up = "dk1_" + std::string(32, 'a') + "_" + std::string(32, 'b');
  // Each counts against the address's keyless limit of 3, whatever it claims to be.
  EXPECT_EQ(submit(c, altered), 201);
  EXPECT_EQ(submit(c, made_up), 201);
  EXPECT_EQ(submit(c, "not a key"), 201);
  auto refused = c.Post("/api/v1/reports", {{"Device-Key", made_up}}, valid_report().dump(),
                        "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 429);
  EXPECT_EQ(json::parse(refused->body)["error"]["code"], "rate_limited");
  EXPECT_GT(std::stoi(refused->get_header_value("Retry-After")), 0);
  // The real key still works: it was never the one sending.
  EXPECT_EQ(submit(c, real), 201);
}

TEST(DeviceLimits, KeysFromAnotherDeploymentAreNotValidHere) {
  TestServer one({}, default_notify_config(), tight);
  TestServer other({}, default_notify_config(), tight);
  httplib::Client a = one.client(), b = other.client();
  const std::string foreign = new_key(a);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(submit(b, foreign), 201);
  EXPECT_EQ(submit(b, foreign), 429);  // counted as keyless: its 3 are gone
}

TEST(DeviceLimits, MintingKeysCannotLiftAnAddressPastItsCeiling) {
  TestServer server({}, default_notify_config(), tight);
  httplib::Client c = server.client();
  std::string keys[4];
  for (auto& k : keys) k = new_key(c);
  // The fifth key this hour is refused, with the wait.
  auto fifth = c.Post("/api/v1/device-keys");
  ASSERT_TRUE(fifth);
  EXPECT_EQ(fifth->status, 429);
  EXPECT_EQ(json::parse(fifth->body)["error"]["code"], "rate_limited");
  EXPECT_GT(std::stoi(fifth->get_header_value("Retry-After")), 0);
  // Four keys of 2 would be 8; the address's ceiling is 7, keyless submissions included.
  int sent = 0;
  for (const auto& k : keys) {
    for (int i = 0; i < 2; ++i) sent += submit(c, k) == 201;
  }
  EXPECT_EQ(sent, 7);
  EXPECT_EQ(submit(c, ""), 429);
  // Another address is another ceiling.
  httplib::Client elsewhere = server.client();
  elsewhere.set_interface("127.0.0.2");
  EXPECT_EQ(submit(elsewhere, ""), 201);
  EXPECT_EQ(submit(elsewhere, keys[0]), 429);  // a key is one device wherever it goes
}

TEST(DeviceLimits, NoSubmissionLimitMeansNoDeviceLimitEither) {
  TestServer server;  // limits off, as in the benchmarks
  httplib::Client c = server.client();
  const std::string key = new_key(c);
  for (int i = 0; i < 12; ++i) ASSERT_EQ(submit(c, key), 201);
  for (int i = 0; i < 70; ++i) ASSERT_FALSE(new_key(c).empty());
}

}  // namespace
}  // namespace aduan::testing

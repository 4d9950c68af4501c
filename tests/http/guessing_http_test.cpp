// Guessing PINs and passwords: wrong guesses slow down the address they come from, never the
// owner typing the right secret elsewhere; a guess spread over many addresses raises the
// alarm (one log line, counted in /metrics); every PIN route answers an unknown report and a
// wrong PIN alike, and shares the address's lookup limit.
//
// Every address here is a loopback one: the whole of 127.0.0.0/8 reaches the server on
// 127.0.0.1, and a client bound to 127.0.0.2 is seen as 127.0.0.2.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "shared/tracking_id.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

// A client whose requests come from `address` (127.0.0.x).
httplib::Client client_from(const TestServer& server, const std::string& address) {
  httplib::Client c = server.client();
  c.set_interface(address);
  return c;
}

struct Answer {
  int status = 0;
  std::string body;
  int retry_after = -1;  // -1: no Retry-After
};

Answer answer_of(const httplib::Result& res) {
  if (!res) return {};
  Answer a{res->status, res->body};
  if (res->has_header("Retry-After"))
    a.retry_after = std::stoi(res->get_header_value("Retry-After"));
  return a;
}

Answer post_from(const TestServer& server, const std::string& address, const std::string& path,
                 const json& body) {
  httplib::Client c = client_from(server, address);
  return answer_of(c.Post(path.c_str(), body.dump(), "application/json"));
}

Answer open_report(const TestServer& server, const std::string& address, const std::string& id,
                   const std::string& pin) {
  return post_from(server, address, "/api/v1/reports/" + id + "/access", {{"pin", pin}});
}

Answer log_in(const TestServer& server, const std::string& address, const std::string& username,
              const std::string& password) {
  return post_from(server, address, "/api/v1/session",
                   {{"username", username}, {"password", password}});
}

// A PIN that is not `pin`, different each time.
std::string wrong_pin(const std::string& pin, int n) {
  std::string out = std::to_string(10000000 + n);
  return out == pin ? std::to_string(20000000 + n) : out;
}

std::string scrape(TestServer& server) {
  httplib::Client c = server.client();
  auto res = c.Get("/metrics", server.login("sysadmin").headers());
  EXPECT_EQ(res->status, 200);
  return res ? res->body : std::string();
}

// The value of the sample line that starts with `series` ("name{labels}"), or -2.
double sample(const std::string& text, const std::string& series) {
  const size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -2;
  return std::stod(text.substr(at + series.size() + 2));
}

int count_of(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(Guessing, ClientsCanComeFromAnotherLoopbackAddress) {
  // The tests below rest on this: the server sees the address the client bound.
  TestServer server({}, default_notify_config(), [](AppOptions& o) {
    o.track_limit = AddressLimit{1, 60};
  });
  const auto [id, pin] = server.submit();
  httplib::Client first = client_from(server, "127.0.0.2");
  httplib::Client second = client_from(server, "127.0.0.3");
  EXPECT_EQ(first.Get(("/api/v1/reports/" + id).c_str())->status, 200);
  EXPECT_EQ(first.Get(("/api/v1/reports/" + id).c_str())->status, 429);
  EXPECT_EQ(second.Get(("/api/v1/reports/" + id).c_str())->status, 200);
}

TEST(Guessing, WrongPinsDelayTheGuessingAddressNotTheReporter) {
  TestServer server;
  const auto [id, pin] = server.submit();
  const std::string guesser = "127.0.0.2", reporter = "127.0.0.1";
  int n = 0;
  // A few mistakes cost nothing.
  for (; n < 5; ++n) EXPECT_EQ(open_report(server, guesser, id, wrong_pin(pin, n)).status, 403);
  // Then the guesser waits, even with the right PIN: the wait is the address's.
  Answer held = open_report(server, guesser, id, wrong_pin(pin, n));
  EXPECT_EQ(held.status, 429);
  EXPECT_EQ(held.retry_after, 30);
  EXPECT_EQ(json::parse(held.body)["error"]["code"], "rate_limited");
  EXPECT_EQ(open_report(server, guesser, id, pin).status, 429);
  // The reporter, elsewhere, is not held up at all, and opening does not free the guesser.
  EXPECT_EQ(open_report(server, reporter, id, pin).status, 200);
  EXPECT_EQ(open_report(server, guesser, id, wrong_pin(pin, n)).status, 429);

  // Each further wrong PIN doubles the wait, up to an hour.
  int expected = 30;
  for (int round = 0; round < 10; ++round) {
    server.clock().advance(held.retry_after - 1);
    EXPECT_EQ(open_report(server, guesser, id, wrong_pin(pin, n)).status, 429) << round;
    server.clock().advance(1);
    EXPECT_EQ(open_report(server, guesser, id, wrong_pin(pin, n++)).status, 403) << round;
    held = open_report(server, guesser, id, wrong_pin(pin, n));
    expected = std::min(expected * 2, 3600);
    EXPECT_EQ(held.status, 429) << round;
    EXPECT_EQ(held.retry_after, expected) << round;
    // All the while the reporter gets in at once.
    EXPECT_EQ(open_report(server, reporter, id, pin).status, 200) << round;
  }
  EXPECT_EQ(held.retry_after, 3600);

  // Once the guesser's address has waited, the right PIN from there works and its count
  // starts over: a reporter who mistyped is back to the free tries.
  server.clock().advance(3600);
  EXPECT_EQ(open_report(server, guesser, id, pin).status, 200);
  EXPECT_EQ(open_report(server, guesser, id, wrong_pin(pin, n)).status, 403);

  // Another report is not held up for the guesser either: the delays are per report.
  const auto [other, other_pin] = server.submit();
  EXPECT_EQ(open_report(server, guesser, other, wrong_pin(other_pin, 0)).status, 403);
}

TEST(Guessing, ConcurrentGuessesCannotAllPassBeforeTheFirstFails) {
  TestServer server;
  const auto [id, pin] = server.submit();
  // Sixteen wrong PINs at once from one address: each attempt is counted before its PIN is
  // checked, so no more than the free five are checked however they interleave.
  std::atomic<int> refused = 0, limited = 0;
  std::vector<std::thread> guessers;
  for (int i = 0; i < 16; ++i) {
    guessers.emplace_back([&, i] {
      const int status = open_report(server, "127.0.0.2", id, wrong_pin(pin, i)).status;
      refused += status == 403;
      limited += status == 429;
    });
  }
  for (std::thread& t : guessers) t.join();
  EXPECT_EQ(refused, 5);
  EXPECT_EQ(limited, 11);
}

TEST(Guessing, OneAddressSprayingManyReportsIsLimitedOverall) {
  TestServer server({}, default_notify_config(), [](AppOptions& o) {
    o.pin_guesses.per_address = RateRule{8, 3600};
  });
  std::vector<std::pair<std::string, std::string>> reports;
  for (int i = 0; i < 3; ++i) reports.push_back(server.submit());
  // Three wrong PINs at each report: under each report's free tries, over the address's.
  int refused = 0, limited = 0;
  for (const auto& [id, pin] : reports) {
    for (int i = 0; i < 3; ++i) {
      const int status = open_report(server, "127.0.0.2", id, wrong_pin(pin, i)).status;
      refused += status == 403;
      limited += status == 429;
    }
  }
  EXPECT_EQ(refused, 8);
  EXPECT_EQ(limited, 1);
  // Only that address: the reporters elsewhere open their reports.
  for (const auto& [id, pin] : reports) {
    EXPECT_EQ(open_report(server, "127.0.0.1", id, pin).status, 200);
  }
  server.clock().advance(3601);
  EXPECT_EQ(open_report(server, "127.0.0.2", reports[0].first, reports[0].second).status, 200);
}

TEST(Guessing, UnknownReportAndWrongPinAnswerAlikeOnEveryPinRoute) {
  TestServer server;
  const auto [id, pin] = server.submit();
  const std::string unknown = format_tracking_id(make_tracking_id(0x5eed));
  ASSERT_EQ(server.client().Get(("/api/v1/reports/" + unknown).c_str())->status, 404);
  struct Route {
    std::string suffix;
    json body;
  };
  const std::vector<Route> routes = {
      {"/access", {{"pin", "00000000"}}},
      {"/actions", {{"pin", "00000000"}, {"action", "reply"}, {"note", "Masih rusak."}}},
      {"/notifications", {{"pin", "00000000"}, {"enabled", false}}},
      {"/attachments/1", {{"pin", "00000000"}}},
  };
  for (const Route& r : routes) {
    httplib::Client c = server.client();
    auto known =
        c.Post(("/api/v1/reports/" + id + r.suffix).c_str(), r.body.dump(), "application/json");
    auto missing = c.Post(("/api/v1/reports/" + unknown + r.suffix).c_str(), r.body.dump(),
                          "application/json");
    ASSERT_TRUE(known && missing) << r.suffix;
    EXPECT_EQ(known->status, 403) << r.suffix;
    EXPECT_EQ(missing->status, known->status) << r.suffix;
    EXPECT_EQ(missing->body, known->body) << r.suffix;
    EXPECT_EQ(missing->get_header_value("Content-Type"), known->get_header_value("Content-Type"));
    EXPECT_EQ(json::parse(known->body)["error"]["code"], "wrong_pin") << r.suffix;
  }
  // Delays too grow alike for both: five free tries, then the same wait.
  for (const std::string& target : {id, unknown}) {
    for (int i = 0; i < 4; ++i) open_report(server, "127.0.0.3", target, wrong_pin(pin, i));
    EXPECT_EQ(open_report(server, "127.0.0.3", target, wrong_pin(pin, 4)).status, 403);
    const Answer held = open_report(server, "127.0.0.3", target, wrong_pin(pin, 5));
    EXPECT_EQ(held.status, 429) << target;
    EXPECT_EQ(held.retry_after, 30) << target;
  }
}

TEST(Guessing, EveryPinRouteSharesTheAddressLookupLimit) {
  TestServer server({}, default_notify_config(), [](AppOptions& o) {
    o.track_limit = AddressLimit{3, 60};
  });
  const auto [id, pin] = server.submit();
  struct Route {
    std::string address, suffix;
    json body;
  };
  // One address per route, so that each route alone meets the limit.
  const std::vector<Route> routes = {
      {"127.0.0.2", "/access", {{"pin", pin}}},
      {"127.0.0.3", "/actions", {{"pin", pin}, {"action", "rate"}, {"rating", 9}}},
      {"127.0.0.4", "/notifications", {{"pin", pin}, {"enabled", true}}},
      {"127.0.0.5", "/attachments/1", {{"pin", pin}}},
  };
  for (const Route& r : routes) {
    for (int i = 0; i < 3; ++i) {
      const Answer a = post_from(server, r.address, "/api/v1/reports/" + id + r.suffix, r.body);
      EXPECT_NE(a.status, 429) << r.suffix << " " << i;
    }
    const Answer over = post_from(server, r.address, "/api/v1/reports/" + id + r.suffix, r.body);
    EXPECT_EQ(over.status, 429) << r.suffix;
    EXPECT_GT(over.retry_after, 0) << r.suffix;
  }
  // The same address is held on every route: a lookup from 127.0.0.2 too.
  httplib::Client c = client_from(server, "127.0.0.2");
  EXPECT_EQ(c.Get(("/api/v1/reports/" + id).c_str())->status, 429);
  EXPECT_EQ(open_report(server, "127.0.0.6", id, pin).status, 200);
}

TEST(Guessing, AGuessFromManyAddressesRaisesTheAlarmOnceAndTheReporterStillGetsIn) {
  TestServer server({}, default_notify_config(), [](AppOptions& o) {
    o.pin_guesses.alarm_overall = RateRule{30, 3600};
  });
  const auto [id, pin] = server.submit();
  const auto [other, other_pin] = server.submit();
  const std::string before = scrape(server);
  EXPECT_EQ(sample(before, R"(aduan_guessing_alarms_total{kind="pin"})"), 0);
  EXPECT_EQ(sample(before, "aduan_pin_failures_total"), 0);

  ::testing::internal::CaptureStderr();
  // Five free wrong PINs from each of four addresses: 20 at one report in an hour.
  for (int a = 2; a <= 5; ++a) {
    for (int i = 0; i < 5; ++i) {
      EXPECT_EQ(open_report(server, "127.0.0." + std::to_string(a), id, wrong_pin(pin, i)).status,
                403);
    }
  }
  const std::string first = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(count_of(first, R"("event":"guessing_alarm")"), 1) << first;
  EXPECT_NE(first.find(R"("kind":"pin","scope":"report","tracking_id":")" +
                       parse_tracking_id(id).canonical + "\""),
            std::string::npos)
      << first;
  // None of this slowed the reporter.
  EXPECT_EQ(open_report(server, "127.0.0.1", id, pin).status, 200);

  // More from other addresses: the alarm for that report is not raised again in the hour,
  // while ten more at another report take every report's count to 30, the overall alarm.
  ::testing::internal::CaptureStderr();
  for (int i = 0; i < 5; ++i) open_report(server, "127.0.0.6", id, wrong_pin(pin, i));
  for (int a = 7; a <= 8; ++a) {
    for (int i = 0; i < 5; ++i) {
      open_report(server, "127.0.0." + std::to_string(a), other, wrong_pin(other_pin, i));
    }
  }
  const std::string second = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(count_of(second, R"("event":"guessing_alarm")"), 1) << second;
  EXPECT_NE(second.find(R"("kind":"pin","scope":"all")"), std::string::npos) << second;

  const std::string after = scrape(server);
  EXPECT_EQ(sample(after, "aduan_pin_failures_total"), 35);
  EXPECT_EQ(sample(after, R"(aduan_guessing_alarms_total{kind="pin"})"), 2);
  EXPECT_EQ(sample(after, R"(aduan_guessing_alarms_total{kind="password"})"), 0);
  EXPECT_NE(after.find("# TYPE aduan_guessing_alarms_total counter\n"), std::string::npos);

  // An hour on, a new burst raises it again.
  server.clock().advance(3601);
  ::testing::internal::CaptureStderr();
  for (int a = 9; a <= 12; ++a) {
    for (int i = 0; i < 5; ++i) {
      open_report(server, "127.0.0." + std::to_string(a), id, wrong_pin(pin, i));
    }
  }
  const std::string third = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(count_of(third, R"("event":"guessing_alarm")"), 1) << third;
  EXPECT_EQ(count_of(third, R"("scope":"report")"), 1) << third;
  EXPECT_EQ(sample(scrape(server), R"(aduan_guessing_alarms_total{kind="pin"})"), 3);
}

TEST(Guessing, WrongPasswordsDelayTheGuessingAddressNotTheAccount) {
  TestServer server;
  const std::string password = server.password("koordinator");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(log_in(server, "127.0.0.2", "koordinator", "wrong-" + std::to_string(i)).status, 401);
  }
  Answer held = log_in(server, "127.0.0.2", "koordinator", password);
  EXPECT_EQ(held.status, 429);
  EXPECT_EQ(held.retry_after, 30);
  // The coordinator at their own desk logs in.
  EXPECT_EQ(log_in(server, "127.0.0.1", "koordinator", password).status, 200);
  // The wait doubles for the guesser.
  server.clock().advance(30);
  EXPECT_EQ(log_in(server, "127.0.0.2", "koordinator", "wrong-5").status, 401);
  held = log_in(server, "127.0.0.2", "koordinator", "wrong-6");
  EXPECT_EQ(held.status, 429);
  EXPECT_EQ(held.retry_after, 60);
  server.clock().advance(60);
  EXPECT_EQ(log_in(server, "127.0.0.2", "koordinator", password).status, 200);

  // Guessing from several addresses raises the password alarm; the owner still gets in.
  ::testing::internal::CaptureStderr();
  for (int a = 3; a <= 5; ++a) {
    for (int i = 0; i < 5; ++i) {
      log_in(server, "127.0.0." + std::to_string(a), "koordinator", "guess-" + std::to_string(i));
    }
  }
  const std::string logged = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(logged.find(R"("kind":"password","scope":"account","username":"koordinator")"),
            std::string::npos)
      << logged;
  EXPECT_EQ(log_in(server, "127.0.0.1", "koordinator", password).status, 200);
  const std::string metrics = scrape(server);
  EXPECT_EQ(sample(metrics, "aduan_password_failures_total"), 21);
  EXPECT_EQ(sample(metrics, R"(aduan_guessing_alarms_total{kind="password"})"), 1);
}

}  // namespace
}  // namespace aduan::testing

// What one hostile client can do to everyone else, tried on the real server: documents
// nested deep enough to exhaust the stack, sent to every route of the route table; hundreds
// of connections that trickle their heads from several addresses while ordinary clients are
// served; and floods of addresses into the tables kept per address.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "formats/json_parse.h"
#include "http/address_limiter.h"
#include "http/router.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

TEST(JsonDepth, CountsOnlyTheStructureOutsideStrings) {
  EXPECT_TRUE(json_depth_within(R"({"a":[1,{"b":[]}]})", 4));
  EXPECT_FALSE(json_depth_within(R"({"a":[1,{"b":[]}]})", 3));
  // Brackets in strings, escaped quotes included, are text.
  EXPECT_TRUE(json_depth_within(R"({"a":"[[[[\"[[[[{{{{"})", 1));
  EXPECT_TRUE(json_depth_within(std::string(64, '[') + std::string(64, ']')));
  EXPECT_FALSE(json_depth_within(std::string(65, '[') + std::string(65, ']')));
  // Refused before parsing; the same document one level less deep parses.
  EXPECT_TRUE(parse_request_json("{\"x\":" + std::string(64, '[') + std::string(64, ']') + "}")
                  .is_discarded());
  EXPECT_FALSE(parse_request_json("{\"x\":" + std::string(63, '[') + std::string(63, ']') + "}")
                   .is_discarded());
}

// A path that the route's pattern matches, with `id` for a tracking ID.
std::string concrete_path(std::string pattern, const std::string& id) {
  const std::pair<std::string, std::string> kGroups[] = {
      {"([^/]{1,64})", id},
      {R"((\d{4}-\d{2}-\d{2}))", "2026-12-25"},
      {R"((\d{1,18}))", "1"},
      {"(sms|whatsapp|email)", "sms"},
      {R"(\.(json|xml))", ".json"},
      {"([a-z0-9-]{1,64})", "jalan-jembatan"},
      {"([^/.]{1,64})", id},
      {"([0-9a-f]{32})", std::string(32, 'a')},
      {R"((\d{1,2}))", "1"},
      {R"((\d{4}))", "2027"},
      {"([A-Za-z0-9_-]{1,30})", "DPUPR"},
      {"([A-Za-z0-9_-]{1,32})", "DPUPR"},
  };
  for (const auto& [group, value] : kGroups) {
    for (size_t at = pattern.find(group); at != std::string::npos; at = pattern.find(group)) {
      pattern.replace(at, group.size(), value);
    }
  }
  std::string path;
  for (char c : pattern) {
    if (c != '\\') path.push_back(c);  // "\." in a pattern is "." in a path
  }
  return path;
}

// An account whose role the route allows.
std::string account_for(uint8_t roles) {
  const std::pair<Role, const char*> kAccounts[] = {
      {Role::kCoordinator, "koordinator"},     {Role::kAgencyAdmin, "admin.dpupr"},
      {Role::kAgencyOfficer, "petugas.dpupr"}, {Role::kSupervisor, "ombudsman"},
      {Role::kSystemAdmin, "sysadmin"},
  };
  for (const auto& [role, account] : kAccounts) {
    if (roles & role_mask({role})) return account;
  }
  return "";
}

TEST(Hostile, DeepJsonToEveryRouteOfTheTableLeavesTheServerAnswering) {
  TestServer server;
  const auto [id, pin] = server.submit();
  // 100,000 levels closed again (200 KB), and 1 MiB of '[' never closed: both far past the
  // stack if anything copied or wrote the value out level by level.
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  const std::string deeper(1 << 20, '[');
  int tried = 0;
  for (const RouteInfo& r : server.app().http().routes()) {
    const std::string path = concrete_path(r.pattern, id);
    ASSERT_TRUE(std::regex_match(path, std::regex(r.pattern))) << r.pattern << " -> " << path;
    httplib::Headers headers;
    if (r.staff) headers = server.login(account_for(r.roles)).headers();
    for (const std::string* body : {&deep, &deeper}) {
      httplib::Client c = server.client();
      httplib::Request req;
      // The library does not read the body of a GET; an attacker posts to the same path.
      req.method = r.method == "GET" ? "POST" : r.method;
      req.path = path;
      req.headers = headers;
      req.set_header("Content-Type", "application/json");
      req.body = *body;
      auto res = c.send(req);
      ASSERT_TRUE(res) << r.method << " " << path << ": " << httplib::to_string(res.error());
      EXPECT_NE(res->status, 500) << r.method << " " << path;
      // Every request is answered and the next one too.
      auto alive = server.client().Get("/livez");
      ASSERT_TRUE(alive && alive->status == 200) << "after " << r.method << " " << path;
      ++tried;
    }
  }
  EXPECT_GT(tried, 100);
  // The document is refused as such where a JSON body is read.
  httplib::Client c = server.client();
  auto refused = c.Post("/api/v1/reports", "{\"title\":" + deep + "}", "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(json::parse(refused->body)["error"]["code"], "malformed_json");
}

// A socket from `address` (127.0.0.x) to the server, non-blocking once connected; -1 when the
// server refused it.
int connect_from(const std::string& address, int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, address.c_str(), &local.sin_addr);
  ::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(uint16_t(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return -1;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

// Slowloris: `count` connections spread over `addresses`, each sending its request head one
// header line a second and never finishing it; a connection the server closes is opened again.
class Trickle {
 public:
  Trickle(int port, std::vector<std::string> addresses, int count)
      : port_(port), addresses_(std::move(addresses)) {
    for (int i = 0; i < count; ++i) open(i);
    thread_ = std::thread([this] { run(); });
  }
  ~Trickle() {
    stop_ = true;
    thread_.join();
    for (const Slow& s : slow_) {
      if (s.fd >= 0) ::close(s.fd);
    }
  }
  int reopened() const { return reopened_; }
  int answered() const { return answered_; }

 private:
  struct Slow {
    int fd = -1;
    std::string address;
  };
  void open(int i) {
    const std::string& address = addresses_[size_t(i) % addresses_.size()];
    const int fd = connect_from(address, port_);
    if (fd >= 0) ::send(fd, "GET /api/v1/categories HTTP/1.1\r\n", 33, MSG_NOSIGNAL);
    if (size_t(i) < slow_.size()) {
      slow_[size_t(i)] = {fd, address};
    } else {
      slow_.push_back({fd, address});
    }
  }
  void run() {
    while (!stop_) {
      for (size_t i = 0; i < slow_.size() && !stop_; ++i) {
        Slow& s = slow_[i];
        char buf[512];
        const ssize_t got = s.fd < 0 ? 0 : ::recv(s.fd, buf, sizeof buf, MSG_DONTWAIT);
        if (got > 0) ++answered_;  // never expected: the head is never finished
        const bool closed = s.fd < 0 || got == 0 || (got < 0 && errno != EAGAIN) ||
                            ::send(s.fd, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL) < 0;
        if (closed) {
          if (s.fd >= 0) ::close(s.fd);
          ++reopened_;
          open(int(i));
        }
      }
      for (int t = 0; t < 10 && !stop_; ++t)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  int port_;
  std::vector<std::string> addresses_;
  std::vector<Slow> slow_;
  std::atomic<bool> stop_{false};
  std::atomic<int> reopened_{0};
  std::atomic<int> answered_{0};
  std::thread thread_;
};

double sample(const std::string& text, const std::string& series) {
  const size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -2;
  return std::stod(text.substr(at + series.size() + 2));
}

TEST(Hostile, FiveHundredSlowConnectionsDoNotStarveOtherClients) {
  TestServer server({}, default_notify_config(),
                    [](AppOptions& o) { o.http.read_timeout_seconds = 3; });
  const auto [id, pin] = server.submit();
  std::vector<std::string> addresses;
  for (int i = 2; i <= 11; ++i) addresses.push_back("127.0.0." + std::to_string(i));

  std::vector<double> latencies;
  int errors = 0;
  {
    Trickle trickle(server.port(), addresses, 500);
    // Ordinary clients from 127.0.0.1, four at a time, for longer than the head deadline so
    // that the slow connections are dropped and come back meanwhile.
    std::mutex mutex;
    std::vector<std::thread> clients;
    const auto until = Clock::now() + std::chrono::seconds(8);
    for (int t = 0; t < 4; ++t) {
      clients.emplace_back([&, t] {
        httplib::Client c = server.client();
        c.set_read_timeout(5);
        const std::string paths[] = {"/api/v1/categories", "/api/v1/reports/" + id, "/livez", "/"};
        for (int i = 0; Clock::now() < until; ++i) {
          const auto start = Clock::now();
          auto res = c.Get(paths[(i + t) % 4].c_str());
          const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
          std::lock_guard lock(mutex);
          latencies.push_back(seconds);
          if (!res || res->status != 200) ++errors;
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
      });
    }
    for (auto& t : clients) t.join();
    EXPECT_EQ(trickle.answered(), 0) << "an unfinished head was answered";
    EXPECT_GT(trickle.reopened(), 0) << "no slow connection was ever dropped";
  }
  ASSERT_GT(latencies.size(), 100u);
  std::sort(latencies.begin(), latencies.end());
  const double p99 = latencies[latencies.size() * 99 / 100];
  EXPECT_EQ(errors, 0);
  EXPECT_LT(p99, 1.0) << "p99 of " << latencies.size() << " requests";

  auto metrics = server.client().Get("/metrics", server.login("sysadmin").headers());
  ASSERT_TRUE(metrics && metrics->status == 200);
  EXPECT_GT(sample(metrics->body, R"(aduan_http_connections_closed_total{reason="head_timeout"})"),
            0);
}

TEST(Hostile, OneAddressHoldsAtMostItsShareOfConnections) {
  TestServer server({}, default_notify_config(),
                    [](AppOptions& o) { o.http.max_connections_per_address = 20; });
  std::vector<int> held;
  for (int i = 0; i < 40; ++i) {
    const int fd = connect_from("127.0.0.2", server.port());
    if (fd >= 0) held.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // The ones past the cap were closed at once: reading them ends without an answer.
  int closed = 0;
  for (int fd : held) {
    char c;
    if (::recv(fd, &c, 1, MSG_DONTWAIT) == 0) ++closed;
  }
  EXPECT_EQ(closed, 20);
  // Another address is served as before.
  auto res = server.client().Get("/api/v1/categories");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  auto metrics = server.client().Get("/metrics", server.login("sysadmin").headers());
  EXPECT_EQ(sample(metrics->body, R"(aduan_http_connections_total{outcome="refused_address"})"),
            20);
  for (int fd : held) ::close(fd);
}

TEST(Hostile, TheAddressLimiterForgetsTheOldestPastItsCapacity) {
  AddressLimiter limiter(AddressLimit{2, 60}, 1000);
  for (int i = 0; i < 100'000; ++i) {
    limiter.take("2001:db8::" + std::to_string(i), 1000);
    ASSERT_LE(limiter.size(), 1000u);
  }
  EXPECT_EQ(limiter.evictions(), 99'000u);
  // An address seen recently keeps its count; a forgotten one starts over.
  limiter.take("2001:db8::99999", 1000);
  EXPECT_GT(limiter.take("2001:db8::99999", 1000), 0);
  EXPECT_EQ(limiter.take("2001:db8::0", 1000), 0);
}

TEST(Hostile, AFloodOfAddressesKeepsTheLimiterTablesUnderTheirCap) {
  TestServer server({}, default_notify_config(), [](AppOptions& o) {
    o.track_limit = AddressLimit{100, 60};
    o.limiter_capacity = 3;
  });
  const auto [id, pin] = server.submit();
  for (int i = 2; i <= 12; ++i) {
    httplib::Client c = server.client();
    c.set_interface("127.0.0." + std::to_string(i));
    auto res = c.Get(("/api/v1/reports/" + id).c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
  auto metrics = server.client().Get("/metrics", server.login("sysadmin").headers());
  ASSERT_TRUE(metrics && metrics->status == 200);
  EXPECT_EQ(sample(metrics->body, R"(aduan_address_limiter_entries{limit="track"})"), 3);
  EXPECT_EQ(sample(metrics->body, R"(aduan_address_limiter_evictions_total{limit="track"})"), 8);
}

}  // namespace
}  // namespace aduan::testing

// Limits that keep one client from flooding aduan: submissions and tracking lookups per
// address (429 with Retry-After), the body size, over-long headers, and clients that send
// too slowly; and HTTPS with a certificate given on the command line.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

TEST(Limits, SubmissionsAndLookupsPerAddressAnswer429WithRetryAfter) {
  TestServer server({}, default_notify_config(), [](AppOptions& o) {
    o.submit_limit = AddressLimit{3, 3600};
    o.track_limit = AddressLimit{5, 60};
  });
  httplib::Client c = server.client();
  std::string id;
  for (int i = 0; i < 3; ++i) id = server.submit().first;
  auto refused = c.Post("/api/v1/reports", valid_report().dump(), "application/json");
  ASSERT_EQ(refused->status, 429);
  EXPECT_EQ(json::parse(refused->body)["error"]["code"], "rate_limited");
  const int wait = std::stoi(refused->get_header_value("Retry-After"));
  EXPECT_GT(wait, 3500);
  EXPECT_LE(wait, 3600);

  for (int i = 0; i < 5; ++i) EXPECT_EQ(c.Get(("/api/v1/reports/" + id).c_str())->status, 200);
  auto lookup = c.Get(("/api/v1/reports/" + id).c_str());
  EXPECT_EQ(lookup->status, 429);
  // PIN checks count as lookups too: guessing cannot go around the limit.
  EXPECT_EQ(c.Post(("/api/v1/reports/" + id + "/access").c_str(), R"({"pin":"00000000"})",
                   "application/json")
                ->status,
            429);
  // The window passes; the address may go on.
  server.clock().advance(61);
  EXPECT_EQ(c.Get(("/api/v1/reports/" + id).c_str())->status, 200);
}

// A raw connection, for what an HTTP client library would not send.
int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(uint16_t(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  timeval tv{15, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

std::string read_all(int fd) {
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, size_t(n));
  return out;
}

TEST(Limits, OversizedBodiesAndHeadersAreRefused) {
  TestServer server;
  httplib::Client c = server.client();
  const std::string big(2 * 1024 * 1024, 'x');
  auto body = c.Post("/api/v1/reports", big, "application/json");
  ASSERT_TRUE(body);
  EXPECT_EQ(body->status, 413);

  const int fd = connect_to(server.port());
  const std::string request =
      "GET /api/v1/categories HTTP/1.1\r\nHost: x\r\nX-Junk: " + std::string(64 * 1024, 'a') +
      "\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  const std::string answer = read_all(fd);
  ::close(fd);
  // No answer at all, or a 4xx: never the data, never a 500.
  EXPECT_EQ(answer.find("200 OK"), std::string::npos);
  EXPECT_EQ(answer.find(" 500 "), std::string::npos);
}

TEST(Limits, ASlowClientIsDisconnected) {
  TestServer server({}, default_notify_config(),
                    [](AppOptions& o) { o.http.read_timeout_seconds = 1; });
  const int fd = connect_to(server.port());
  const auto started = std::chrono::steady_clock::now();
  // Half a request line, then nothing: the slowloris pattern.
  ::send(fd, "GET /api/v1/categ", 17, MSG_NOSIGNAL);
  const std::string answer = read_all(fd);  // returns when the server closes
  const auto held = std::chrono::steady_clock::now() - started;
  ::close(fd);
  EXPECT_LT(held, std::chrono::seconds(5)) << "the server kept a silent client";
  EXPECT_EQ(answer.find("200 OK"), std::string::npos);
}

// Another process (a second aduan started by mistake) cannot take the port and half its
// connections; and the listen backlog holds a burst of phones connecting at once rather than
// the library's 5, past which SYNs are dropped and each retry waits a second.
TEST(Limits, ThePortIsOursAloneAndTheBacklogHoldsABurst) {
  TestServer server;
  const int other = ::socket(AF_INET, SOCK_STREAM, 0);
  int yes = 1;
  ::setsockopt(other, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof(yes));
  ::setsockopt(other, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_NE(::bind(other, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0)
      << "a second socket could bind aduan's port";
  ::close(other);

  // `ss` shows a listening socket's backlog in its Send-Q column.
  const std::string command =
      "ss -ltnH 'sport = :" + std::to_string(server.port()) + "' | awk '{print $3}'";
  const CommandResult ss = run_command(command);
  ASSERT_FALSE(ss.output.empty()) << "ss found no listening socket on the port";
  EXPECT_GE(std::atoi(ss.output.c_str()), 128) << ss.output;
}

// The catalogue is kept in memory between requests; a change through the API (a holiday
// added) must reach the very next request.
TEST(CatalogueCache, AHolidayAddedCountsAtTheNextRequest) {
  TestServer server;
  httplib::Client c = server.client();
  const auto [id, pin] = server.submit();
  auto left = [&] {  // the reporter's view: the report waits for verification
    return json::parse(c.Post(("/api/v1/reports/" + id + "/access").c_str(),
                              json{{"pin", pin}}.dump(), "application/json")
                           ->body)["deadline"]["working_days_left"]
        .get<int>();
  };
  const int before = left();
  const StaffSession admin = server.login("sysadmin");
  auto added =
      c.Post("/api/v1/admin/holidays", admin.headers(),
             json{{"date", "2026-11-25"}, {"name", "Libur daerah"}, {"kind", "local"}}.dump(),
             "application/json");
  ASSERT_TRUE(added->status == 200 || added->status == 201) << added->body;
  EXPECT_EQ(left(), before - 1);
  ASSERT_EQ(c.Delete("/api/v1/admin/holidays/2026-11-25", admin.headers())->status / 100, 2);
  EXPECT_EQ(left(), before);
}

TEST(Limits, HttpsWithTheCertificateGiven) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("aduan-tls-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string cert = (dir / "cert.pem").string(), key = (dir / "key.pem").string();
  const std::string make =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
      "-addext subjectAltName=IP:127.0.0.1 -keyout " +
      key + " -out " + cert + " 2>/dev/null";
  ASSERT_EQ(std::system(make.c_str()), 0);
  TestServer server({}, default_notify_config(), [&](AppOptions& o) {
    o.http.tls_cert = cert;
    o.http.tls_key = key;
  });
  httplib::SSLClient tls("127.0.0.1", server.port());
  tls.set_ca_cert_path(cert.c_str());
  tls.enable_server_certificate_verification(true);
  auto res = tls.Get("/api/v1/categories");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  // Every answer over aduan's own TLS tells the browser to keep to HTTPS: API, pages, errors.
  for (const char* path : {"/api/v1/categories", "/", "/staff/", "/api/v1/no-such-route",
                           "/api/v1/reports/AAA-AAA-AAA"}) {
    auto any = tls.Get(path);
    ASSERT_TRUE(any) << path;
    EXPECT_EQ(any->get_header_value("Strict-Transport-Security"), "max-age=31536000") << path;
  }
  // Cookies are Secure over HTTPS.
  auto login = tls.Post(
      "/api/v1/session",
      json{{"username", "koordinator"}, {"password", server.password("koordinator")}}.dump(),
      "application/json");
  ASSERT_TRUE(login);
  EXPECT_NE(login->get_header_value("Set-Cookie").find("Secure"), std::string::npos);
  // Plain HTTP to the HTTPS port gets nothing useful.
  httplib::Client plain = server.client();
  auto refused = plain.Get("/api/v1/categories");
  EXPECT_TRUE(!refused || refused->status != 200);
  // Never over plain HTTP, also not when a TLS proxy in front makes cookies Secure.
  for (const bool behind_proxy : {false, true}) {
    TestServer http({}, default_notify_config(),
                    [&](AppOptions& o) { o.http.secure_cookies = behind_proxy; });
    auto answer = http.client().Get("/api/v1/categories");
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 200);
    EXPECT_FALSE(answer->has_header("Strict-Transport-Security")) << behind_proxy;
  }

  AppOptions wrong;
  wrong.http.tls_cert = cert;
  wrong.http.tls_key = cert;  // not a key
  EXPECT_THROW(
      {
        ManualClock clock(kMonday10Wib);
        wrong.db_path = (dir / "other.db").string();
        App app(wrong, clock);
      },
      std::runtime_error);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace aduan::testing

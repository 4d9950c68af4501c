// The HTTP front: cpp-httplib configured for many slow phones (TCP_NODELAY, connections that
// wait for their request without holding a worker, deadlines per request), security
// headers, JSON errors, logs.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "formats/map_settings.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace aduan {

class AssetSource;
struct RouteInfo;
struct Services;

struct HttpOptions {
  int threads = 32;
  size_t max_body_bytes = 1 << 20;
  int keep_alive_seconds = 5;
  // The whole request head must arrive within this from its first byte; a body gets this
  // plus its length at 4 KiB/s (http/gated_server.h). Also the timeout of each write.
  int read_timeout_seconds = 10;
  // Connections held at once, in all and from one client address (http/connection_gate.h).
  size_t max_connections = 4096;
  size_t max_connections_per_address = 256;
  bool access_log = true;
  bool secure_cookies = false;  // add Secure to cookies (when served over HTTPS)
  // HTTPS: PEM files of the certificate (chain) and its private key; both or neither.
  std::string tls_cert;
  std::string tls_key;
  // The map on the citizen pages; also opens the CSP to the tile server (formats/map_settings.h).
  MapSettings map;
  // Told of every answer once it is sent: its route as the metrics name it ("GET
  // /api/v1/reports/{tracking_id}", "other"), the request and the response. The tests hold
  // every answer's status, content type and body to the OpenAPI document with it
  // (tests/support/test_server.cpp).
  std::function<void(const std::string& route, const httplib::Request& req,
                     const httplib::Response& res)>
      on_answer;
};

class HttpServer {
 public:
  // Throws std::runtime_error when the TLS certificate or key cannot be used.
  HttpServer(const Services& services, const AssetSource& assets, HttpOptions options);
  ~HttpServer();

  // Binds to host:port (port 0: any free port) and returns the port, or -1 on failure.
  int bind(const std::string& host, int port);
  // Serves until stop(); returns false if the server could not run.
  bool listen();
  void stop();
  void wait_until_ready();

  // Every API route with who may call it.
  const std::vector<RouteInfo>& routes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aduan

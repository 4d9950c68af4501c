#include "http/http_server.h"

#include <httplib.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "http/assets.h"
#include "http/gated_server.h"
#include "http/http_errors.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/routes.h"
#include "http/services.h"

namespace aduan {
namespace {

void log_request(const httplib::Request& req, const httplib::Response& res) {
  // One JSON object per line; the path without its query string.
  std::string path;
  for (char c : req.path) {
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) continue;
    path.push_back(c);
  }
  std::cerr << R"({"level":"info","event":"request","method":")" << req.method << R"(","path":")"
            << path << R"(","status":)" << res.status << R"(,"bytes":)" << res.body.size() << "}\n";
}

// Plain HTTP behind the connection gate, or HTTPS with the certificate and key given
// (cpp-httplib on OpenSSL, a worker per connection).
std::unique_ptr<httplib::Server> make_server(const HttpOptions& o, ConnectionCounters& counters) {
  if (o.tls_cert.empty() && o.tls_key.empty()) {
    GatedOptions gated;
    gated.gate.workers = o.threads;
    gated.gate.head_timeout_seconds = o.read_timeout_seconds;
    gated.gate.keep_alive_seconds = o.keep_alive_seconds;
    gated.gate.max_connections = o.max_connections;
    gated.gate.max_connections_per_address = o.max_connections_per_address;
    gated.write_timeout_seconds = o.read_timeout_seconds;
    gated.max_body_bytes = static_cast<int64_t>(o.max_body_bytes);
    return std::make_unique<GatedServer>(gated, counters);
  }
  auto threads = o.threads;
  if (o.tls_cert.empty() || o.tls_key.empty()) {
    throw std::runtime_error("HTTPS needs both --tls-cert and --tls-key");
  }
  auto server = std::make_unique<httplib::SSLServer>(o.tls_cert.c_str(), o.tls_key.c_str());
  if (!server->is_valid()) {
    throw std::runtime_error("cannot use the TLS certificate " + o.tls_cert + " with the key " +
                             o.tls_key);
  }
  server->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  return server;
}

// Every waiting connection is a file descriptor: the usual soft limit of 1024 would cap
// aduan far below the connections the gate is sized for. The hard limit is the operator's.
void raise_open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

struct HttpServer::Impl {
  Impl(AuthService& auth, const HttpOptions& o, ConnectionCounters& counters)
      : server(make_server(o, counters)),
        router(*server, auth, o.secure_cookies || !o.tls_cert.empty()) {}
  std::unique_ptr<httplib::Server> server;
  Router router;
  std::atomic<int> listen_fd{-1};  // the listening socket, seen in the socket-options hook
};

namespace {

// How connections are kept: cpp-httplib's defaults are baked into the Debian .so, so
// everything is set at run time.
void set_connection_options(httplib::Server& s, const HttpOptions& options,
                            std::atomic<int>* listen_fd) {
  s.set_tcp_nodelay(true);
  // The library's default sets SO_REUSEPORT, which lets a second aduan bind the same port and
  // silently take half the connections; SO_REUSEADDR alone only allows a quick restart.
  s.set_socket_options([listen_fd](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    *listen_fd = sock;
  });
  // Reconnecting costs more than a request; a client keeps its connection for long.
  s.set_keep_alive_max_count(100000);
  s.set_keep_alive_timeout(options.keep_alive_seconds);
  s.set_read_timeout(options.read_timeout_seconds, 0);
  s.set_write_timeout(options.read_timeout_seconds, 0);
  s.set_payload_max_length(options.max_body_bytes);
}

// What every answer carries: the security headers, the error bodies, the request metrics and
// the access log.
void set_answer_handlers(httplib::Server& s, const HttpOptions& options, RequestMetrics& metrics) {
  httplib::Headers headers{
      {"Content-Security-Policy", content_security_policy(options.map)},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=(self)"},
  };
  // Under aduan's own TLS, browsers are told to come back only over HTTPS for a year, so a
  // later visit typed as http:// cannot be downgraded on the way. Never over plain HTTP
  // (browsers ignore it there, and a test deployment must not pin a name to HTTPS); behind a
  // TLS proxy (--secure-cookies 1) the proxy, which knows what it serves, sets it.
  if (!options.tls_cert.empty()) {
    headers.emplace("Strict-Transport-Security", "max-age=31536000");
  }
  s.set_default_headers(std::move(headers));
  s.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        // Called for every status >= 400: keep bodies that a route already wrote.
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_status_error(res, res.status);
        return httplib::Server::HandlerResponse::Handled;
      }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                             std::exception_ptr ep) { send_exception_error(res, ep); });
  s.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    RequestMetrics::start_request();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  const bool access_log = options.access_log;
  s.set_logger([&metrics, access_log, on_answer = options.on_answer](const httplib::Request& req,
                                                                     const httplib::Response& res) {
    const std::string route = metrics.finish_request(res.status);
    if (access_log) log_request(req, res);
    if (on_answer) on_answer(route, req, res);
  });
}

}  // namespace

HttpServer::HttpServer(const Services& services, const AssetSource& assets, HttpOptions options)
    : impl_(std::make_unique<Impl>(services.auth, options, services.metrics.connections())) {
  raise_open_file_limit();
  httplib::Server& s = *impl_->server;
  set_connection_options(s, options, &impl_->listen_fd);
  set_answer_handlers(s, options, services.metrics);
  register_public_routes(impl_->router, services);
  register_staff_routes(impl_->router, services);
  register_queue_tool_routes(impl_->router, services);
  register_admin_routes(impl_->router, services);
  register_inbound_routes(impl_->router, services);
  register_transparency_routes(impl_->router, services);
  register_open311_routes(impl_->router, services);
  register_dashboard_routes(impl_->router, services);
  register_metrics_routes(impl_->router, services);
  register_similar_routes(impl_->router, services);
  register_term_link_routes(impl_->router, services);
  register_my_reports_routes(impl_->router, services);
  register_category_model_routes(impl_->router, services);
  register_upload_routes(impl_->router, services);
  register_canned_routes(impl_->router, services);
  register_account_routes(impl_->router, services);
  register_agency_settings_routes(impl_->router, services);
  register_inbox_routes(impl_->router, services);
  register_external_routes(impl_->router, services);
  register_map_routes(impl_->router, services, options.map);
  register_asset_routes(s, assets);
}

HttpServer::~HttpServer() = default;

const std::vector<RouteInfo>& HttpServer::routes() const { return impl_->router.routes(); }

int HttpServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? impl_->server->bind_to_any_port(host)
                              : (impl_->server->bind_to_port(host, port) ? port : -1);
  // The packaged library listens with a backlog of 5: a burst of phones connecting at once
  // loses SYNs and each waits a second for its retry. Calling listen() again on a listening
  // socket sets a new backlog (Linux), up to net.core.somaxconn.
  if (bound > 0 && impl_->listen_fd >= 0) ::listen(impl_->listen_fd, SOMAXCONN);
  return bound;
}

bool HttpServer::listen() { return impl_->server->listen_after_bind(); }

void HttpServer::stop() { impl_->server->stop(); }

void HttpServer::wait_until_ready() {
  while (!impl_->server->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

}  // namespace aduan

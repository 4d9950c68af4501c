#include "http/router.h"

#include <httplib.h>

#include "base/crypto.h"
#include "http/http_errors.h"
#include "http/metrics.h"
#include "services/auth_service.h"

namespace aduan {

uint8_t role_mask(std::initializer_list<Role> roles) {
  uint8_t mask = 0;
  for (Role r : roles) mask |= uint8_t(1u << static_cast<uint8_t>(r));
  return mask;
}

std::string session_cookie(const httplib::Request& req) {
  const std::string header = req.get_header_value("Cookie");
  const std::string prefix = std::string(kSessionCookie) + "=";
  size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    const size_t end = header.find(';', pos);
    const std::string part = header.substr(pos, end == std::string::npos ? end : end - pos);
    if (part.rfind(prefix, 0) == 0) return part.substr(prefix.size());
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return {};
}

namespace {

// What a session opened with a temporary password may call: who it is, logging out, and
// changing the password.
bool may_change_password_only(const std::string& method, const std::string& pattern) {
  if (pattern == "/api/v1/session") return method == "GET" || method == "DELETE";
  return method == "POST" && pattern == "/api/v1/session/password";
}

}  // namespace

std::string route_template(std::string pattern) {
  // Longest first where one group's text contains another's.
  static const std::pair<std::string, std::string> kGroups[] = {
      {"([^/]{1,64})", "{tracking_id}"},
      {R"((\d{4}-\d{2}-\d{2}))", "{date}"},
      {R"((\d{1,18}))", "{id}"},
      {"(sms|whatsapp|email)", "{channel}"},
      {R"(\.(json|xml))", ".{format}"},
      {"([a-z0-9-]{1,64})", "{service_code}"},
      {"([^/.]{1,64})", "{id}"},
      {"([A-Za-z0-9_-]{1,30})", "{code}"},
      {"([0-9a-f]{32})", "{upload_id}"},
      {R"((\d{1,2}))", "{position}"},
      {R"((\d{4}))", "{year}"},
      {"([A-Za-z0-9_-]{1,32})", "{agency_code}"},
      {".*", "{path}"},
  };
  for (const auto& [group, name] : kGroups) {
    for (size_t at = pattern.find(group); at != std::string::npos; at = pattern.find(group)) {
      pattern.replace(at, group.size(), name);
    }
  }
  return pattern;
}

Router::Router(httplib::Server& server, AuthService& auth, bool secure_cookies)
    : server_(server), auth_(auth), secure_cookies_(secure_cookies) {}

void Router::add(const std::string& method, const std::string& pattern, Handler inner) {
  // The metrics count requests by the route they matched, not by their varying paths.
  Handler handler = [route = method + " " + route_template(pattern), inner = std::move(inner)](
                        const httplib::Request& req, httplib::Response& res) {
    RequestMetrics::name_route(route);
    inner(req, res);
  };
  if (method == "GET") {
    server_.Get(pattern, std::move(handler));
  } else if (method == "POST") {
    server_.Post(pattern, std::move(handler));
  } else if (method == "DELETE") {
    server_.Delete(pattern, std::move(handler));
  } else if (method == "PUT") {
    server_.Put(pattern, std::move(handler));
  }
}

void Router::open(const std::string& method, const std::string& pattern, Handler handler) {
  routes_.push_back({method, pattern, false, 0});
  add(method, pattern, std::move(handler));
}

void Router::staff(const std::string& method, const std::string& pattern, uint8_t roles,
                   StaffHandler handler) {
  routes_.push_back({method, pattern, true, roles});
  add(method, pattern,
      [this, method, pattern, roles, handler = std::move(handler)](const httplib::Request& req,
                                                                   httplib::Response& res) {
        const auto session = auth_.authenticate(session_cookie(req));
        if (!session) {
          return send_error(res, "unauthenticated", "Log in to continue.");
        }
        // Cookies ride along on cross-site requests; the token in a header does not.
        if (method != "GET" &&
            !equal_secret(req.get_header_value("X-CSRF-Token"), session->csrf_token)) {
          return send_error(res, "csrf_failed",
                            "The request did not carry this session's CSRF token.");
        }
        // A temporary password opens a session for choosing a new one and nothing else.
        if (session->must_change_password && !may_change_password_only(method, pattern)) {
          return send_error(res, "password_change_required",
                            "Choose a new password before anything else.");
        }
        if (!(roles & role_mask({session->role}))) {
          return send_error(res, "forbidden", "Your role may not do this.");
        }
        res.set_header("Cache-Control", "no-store");
        handler(req, res, *session);
      });
}

}  // namespace aduan

// Registers routes on the HTTP server and remembers each one with who may call it, so that
// access is decided in one place and a test can try every route with every role.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "services/caller.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace aduan {

class AuthService;

struct RouteInfo {
  std::string method;   // GET, POST, DELETE
  std::string pattern;  // the regular expression as registered
  bool staff = false;   // needs a session
  uint8_t roles = 0;    // with staff: bit per Role allowed
};

uint8_t role_mask(std::initializer_list<Role> roles);

// A route's pattern as the OpenAPI document names its path: each capture group becomes its
// parameter ("/api/v1/reports/([^/]{1,64})" -> "/api/v1/reports/{tracking_id}"), and a
// prefix's fallback ".*" becomes "{path}". The metrics label requests with it.
std::string route_template(std::string pattern);

inline const uint8_t kAllStaff =
    role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer, Role::kSupervisor,
               Role::kSystemAdmin});
// Those who work on reports; the system admin runs the deployment and reads none.
inline const uint8_t kCaseWorkers =
    role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer, Role::kSupervisor});

class Router {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  using StaffHandler =
      std::function<void(const httplib::Request&, httplib::Response&, const StaffSession&)>;

  Router(httplib::Server& server, AuthService& auth, bool secure_cookies);

  void open(const std::string& method, const std::string& pattern, Handler handler);

  // A staff route: answers 401 without a valid session, 403 for a role not in `roles` or a
  // state-changing request without the session's CSRF token.
  void staff(const std::string& method, const std::string& pattern, uint8_t roles,
             StaffHandler handler);

  const std::vector<RouteInfo>& routes() const { return routes_; }
  AuthService& auth() { return auth_; }
  bool secure_cookies() const { return secure_cookies_; }

 private:
  void add(const std::string& method, const std::string& pattern, Handler handler);

  httplib::Server& server_;
  AuthService& auth_;
  bool secure_cookies_;
  std::vector<RouteInfo> routes_;
};

inline constexpr const char* kSessionCookie = "aduan_session";

// The value of the session cookie in a request, or empty.
std::string session_cookie(const httplib::Request& req);

}  // namespace aduan

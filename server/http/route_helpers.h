// Small pieces the route files share: content-type checks and the mapping of service
// outcomes to HTTP statuses.
#pragma once

#include <optional>
#include <string>

#include "http/error_codes.h"
#include "services/citizen_service.h"
#include "services/workflow_service.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace aduan {

class AddressLimiter;
struct Services;

// False (and a 415 written) unless the body is declared application/json. Requiring it also
// keeps other sites' plain HTML forms from posting here.
bool require_json(const httplib::Request& req, httplib::Response& res);

// The status, code and message of a failed workflow action: a single action's response, or
// one report's line in a bulk action's answer.
struct ActError {
  ErrorCode code = "internal";
  const char* message = "";
};
ActError act_error(ActOutcome::Result result);

// Writes the error for a failed workflow action.
void send_act_error(httplib::Response& res, const ActOutcome& outcome);

// Writes the error for a failed citizen request; false when there was none.
bool send_citizen_error(httplib::Response& res, const CitizenOutcome& outcome);

// What a citizen's request proves itself with: the PIN typed (`pin`), or, without one, the
// phone's sign-in sent as "Authorization: Bearer <token>" (services/device_link_service.h).
CitizenKey citizen_key(const httplib::Request& req, const std::string& pin);
// The bearer token of the request, or empty.
std::string bearer_token(const httplib::Request& req);

// Writes 400 for a tracking ID that cannot be one.
void send_tracking_id_error(httplib::Response& res, TrackingIdError error);

// The period of ?from=YYYY-MM-DD&to=YYYY-MM-DD (both days included), with defaults for what
// is left out; nullopt (and a 400 bad_period written) when it is not a valid period.
std::optional<std::pair<Date, Date>> read_period(const httplib::Request& req,
                                                 httplib::Response& res, Date default_from,
                                                 Date default_to);

// The integer query parameter `name` within [min, max]: `fallback` when it is absent or does
// not start with a number, the nearest bound when it is out of range (however many digits it
// has: "2147483647" and "-99999999999999999999" are clamped, never overflowed).
int int_param(const httplib::Request& req, const char* name, int fallback, int min, int max);

// Writes 429 with Retry-After.
void send_rate_limited(httplib::Response& res, int64_t retry_after_seconds);

// False (and 429 with Retry-After written) when the client's address is over `limiter`;
// else the request is counted.
bool within(AddressLimiter& limiter, const Services& s, const httplib::Request& req,
            httplib::Response& res);

}  // namespace aduan

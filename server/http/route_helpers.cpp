#include "http/route_helpers.h"

#include <httplib.h>

#include <algorithm>
#include <cstdlib>

#include "base/clock.h"
#include "http/address_limiter.h"
#include "http/http_errors.h"
#include "http/services.h"

namespace aduan {

int int_param(const httplib::Request& req, const char* name, int fallback, int min, int max) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  char* end = nullptr;
  // strtoll saturates at LLONG_MIN / LLONG_MAX instead of overflowing; the clamp does the rest.
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (end == text.c_str()) return fallback;
  return static_cast<int>(std::clamp<long long>(v, min, max));
}

bool require_json(const httplib::Request& req, httplib::Response& res) {
  if (req.get_header_value("Content-Type").rfind("application/json", 0) == 0) return true;
  send_error(res, "unsupported_media_type", "Send the body as application/json.");
  return false;
}

ActError act_error(ActOutcome::Result result) {
  switch (result) {
    case ActOutcome::Result::kOk:
      break;
    case ActOutcome::Result::kNotFound:
      return {"report_not_found", "No report you can act on has this ID."};
    case ActOutcome::Result::kNotAllowed:
      return {"action_not_allowed",
              "This action is not possible for this report in its current status."};
    case ActOutcome::Result::kStaleVersion:
      return {"stale_version", "The report changed since you opened it; reload and try again."};
    case ActOutcome::Result::kInvalid:
      return {"validation_failed", "Some fields are not valid."};
  }
  return {};
}

void send_act_error(httplib::Response& res, const ActOutcome& outcome) {
  if (outcome.result == ActOutcome::Result::kOk) return;
  const ActError e = act_error(outcome.result);
  send_error(res, e.code, e.message, outcome.errors);
}

void send_tracking_id_error(httplib::Response& res, TrackingIdError error) {
  if (error == TrackingIdError::kBadCheckCharacter) {
    return send_error(res, "bad_check_character",
                      "This tracking ID has a typing error; check each character.");
  }
  send_error(res, "invalid_tracking_id",
             "A tracking ID has nine letters and digits, like K7M-2QX-9PA.");
}

std::optional<std::pair<Date, Date>> read_period(const httplib::Request& req,
                                                 httplib::Response& res, Date default_from,
                                                 Date default_to) {
  const auto from = req.has_param("from") ? parse_iso_date(req.get_param_value("from"))
                                          : std::optional<Date>(default_from);
  const auto to = req.has_param("to") ? parse_iso_date(req.get_param_value("to"))
                                      : std::optional<Date>(default_to);
  if (!from || !to || *to < *from) {
    send_error(res, "bad_period", "from and to are dates YYYY-MM-DD, from <= to.");
    return std::nullopt;
  }
  return std::pair{*from, *to};
}

void send_rate_limited(httplib::Response& res, int64_t retry_after_seconds) {
  res.set_header("Retry-After", std::to_string(retry_after_seconds));
  send_error(res, "rate_limited", "Too many attempts; wait before trying again.");
}

bool within(AddressLimiter& limiter, const Services& s, const httplib::Request& req,
            httplib::Response& res) {
  const int64_t wait = limiter.take(req.remote_addr, s.clock.now_unix());
  if (wait > 0) send_rate_limited(res, wait);
  return wait == 0;
}

bool send_citizen_error(httplib::Response& res, const CitizenOutcome& o) {
  using R = CitizenOutcome::Result;
  switch (o.result) {
    case R::kOk:
      return false;
    case R::kBadTrackingId:
      send_tracking_id_error(res, o.id_error);
      break;
    case R::kNotFound:
      send_error(res, "report_not_found", "No report has this tracking ID.");
      break;
    case R::kWrongPin:
      // Also for a tracking ID no report has: one answer, so that guessing PINs cannot
      // first sort the IDs that exist from those that do not.
      send_error(res, "wrong_pin", "No report has this tracking ID with this PIN.");
      break;
    case R::kRateLimited:
      send_rate_limited(res, o.retry_after);
      break;
    case R::kNotAllowed:
      send_act_error(res, ActOutcome{ActOutcome::Result::kNotAllowed, {}, {}});
      break;
    case R::kStaleVersion:
      send_act_error(res, ActOutcome{ActOutcome::Result::kStaleVersion, {}, {}});
      break;
    case R::kInvalid:
      send_act_error(res, ActOutcome{ActOutcome::Result::kInvalid, o.errors, {}});
      break;
    case R::kSignedOut:
      send_error(res, "device_signed_out",
                 "This phone is no longer signed in to My reports; sign in again with a code.");
      break;
    case R::kNotLinked:
      send_error(res, "report_not_linked",
                 "No report with this tracking ID is linked to the contact this phone signed in "
                 "with.");
      break;
  }
  return true;
}

std::string bearer_token(const httplib::Request& req) {
  static constexpr std::string_view kBearer = "Bearer ";
  const std::string header = req.get_header_value("Authorization");
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) return {};
  return header.substr(kBearer.size());
}

CitizenKey citizen_key(const httplib::Request& req, const std::string& pin) {
  if (!pin.empty()) return CitizenKey(pin);
  return CitizenKey::device(bearer_token(req));
}

}  // namespace aduan

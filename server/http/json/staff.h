// JSON of the staff API, the citizen's actions and the admin API.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalogue.h"
#include "model/user.h"
#include "services/caller.h"
#include "services/staff_service.h"
#include "shared/actions.h"

namespace aduan {

struct DecodedAction {
  bool malformed = false;
  std::string problem;
  std::string action;
  ActionInput input;
  std::optional<int64_t> version;  // the report version the page was showing
  std::string pin;                 // citizen actions
  std::vector<FieldError> errors;  // wrong JSON types
};
DecodedAction decode_action_json(std::string_view body);

struct DecodedLogin {
  bool malformed = false;
  std::string problem;
  std::string username;
  std::string password;
};
DecodedLogin decode_login_json(std::string_view body);

struct DecodedHoliday {
  bool malformed = false;
  std::string problem;
  Holiday holiday;
  std::vector<FieldError> errors;
};
DecodedHoliday decode_holiday_json(std::string_view body);

// A new API key: {"name": "...", "scopes": ["open311" | "metrics", ...]}. Absent scopes mean
// ["open311"]; every other problem (a name that is not a string, null, empty or an array of
// scopes that is not an array of known names) is a field error, never an exception.
struct DecodedApiKey {
  bool malformed = false;
  std::string problem;
  std::string name;
  std::vector<std::string> scopes;
  std::vector<FieldError> errors;
};
DecodedApiKey decode_api_key_json(std::string_view body);

std::string session_json(const StaffSession& p, const std::optional<Agency>& agency);
std::string queue_json(const QueuePage& page, int utc_offset_minutes);
std::string staff_report_json(const StaffReportView& v, int utc_offset_minutes);
std::string officers_json(const std::vector<User>& users);
// Each holiday with "provisional": true when its year is not confirmed.
std::string holidays_json(const std::vector<Holiday>& holidays,
                          const std::vector<int>& confirmed_years);
std::string holiday_years_json(const std::vector<HolidayYear>& years, int utc_offset_minutes);

}  // namespace aduan

// What the administration's routes share: its errors as HTTP answers with their stable
// codes, and the JSON object a change is sent in.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "services/account_service.h"
#include "shared/validation.h"

namespace aduan {

void send_admin_error(httplib::Response& res, AdminError error,
                      const std::vector<FieldError>& fields = {});

// The body as a JSON object; nullopt (and 400 or 415 written) otherwise.
std::optional<nlohmann::json> body_of(const httplib::Request& req, httplib::Response& res);

}  // namespace aduan

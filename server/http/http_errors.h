// Turning failures into the JSON error responses of the API: a stable code, a message, and
// for validation every field's code.
#pragma once

#include <exception>
#include <string_view>
#include <vector>

#include "http/error_codes.h"
#include "shared/validation.h"

namespace httplib {
struct Response;
}

namespace aduan {

void send_json(httplib::Response& res, int status, const std::string& body);
// The answer for `code` with its status from the table (http/error_codes.h).
void send_error(httplib::Response& res, ErrorCode code, std::string_view message,
                const std::vector<FieldError>& fields = {});

// The stable code and message for an HTTP status that httplib set by itself (413 for a body
// over the limit, 404 for no route, ...).
void send_status_error(httplib::Response& res, int status);

// An exception escaped a handler: storage trouble becomes 503 storage_unavailable, anything
// else 500 internal, and never a stack trace or SQL text.
void send_exception_error(httplib::Response& res, std::exception_ptr ep);

}  // namespace aduan

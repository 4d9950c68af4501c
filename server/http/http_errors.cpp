#include "http/http_errors.h"

#include <httplib.h>

#include <iostream>
#include <optional>

#include "base/storage_error.h"
#include "http/json/codec.h"

namespace aduan {

void send_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

namespace {

// An error answered with a status of its own: what httplib decided (request_failed) or a
// server fault other than 500 (internal).
void send_error_as(httplib::Response& res, int status, ErrorCode code, std::string_view message) {
  send_json(res, status, error_json(code.code(), message, {}));
}

}  // namespace

void send_error(httplib::Response& res, ErrorCode code, std::string_view message,
                const std::vector<FieldError>& fields) {
  send_json(res, code.status(), error_json(code.code(), message, fields));
}

void send_status_error(httplib::Response& res, int status) {
  switch (status) {
    case 400:
      return send_error(res, "bad_request", "The request could not be read.");
    case 404:
      return send_error(res, "not_found", "There is nothing at this address.");
    case 405:
      return send_error(res, "method_not_allowed", "This method is not allowed here.");
    case 413:
      return send_error(res, "payload_too_large", "The request body is larger than allowed.");
    case 414:
      return send_error(res, "uri_too_long", "The address is too long.");
    case 416:
      return send_error(res, "range_not_satisfiable", "The range is not available.");
    default:
      if (status >= 500) return send_error_as(res, status, "internal", "Something went wrong.");
      return send_error_as(res, status, "request_failed", "The request failed.");
  }
}

void send_exception_error(httplib::Response& res, std::exception_ptr ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const StorageError& e) {
    std::cerr << R"({"level":"error","event":"storage_error","engine_code":)" << e.engine_code()
              << "}\n";
    // Faults of the storage, not of the request: 503 with what is wrong, so that an operator
    // reading the log and a client deciding when to retry both know. Reads keep working
    // where SQLite can still read; the next write after the fault clears succeeds.
    struct Fault {
      ErrorCode code;
      const char* message;
      int retry_after;
    };
    using Kind = StorageError::Kind;
    const auto fault = [&]() -> std::optional<Fault> {
      switch (e.kind()) {
        case Kind::kFull:
          return Fault{"storage_full",
                       "The server's disk is full; nothing was saved. Try again later.", 60};
        case Kind::kReadOnly:
          return Fault{"storage_read_only",
                       "The store is read-only right now; nothing was saved. Try again later.", 60};
        case Kind::kBusy:
          return Fault{"storage_busy",
                       "The store is busy; nothing was saved. Try again in a moment.", 2};
        case Kind::kUnavailable:
          return Fault{"storage_unavailable",
                       "The store is not available right now; nothing was saved. Try again.", 30};
        case Kind::kOther:
          break;
      }
      return std::nullopt;
    }();
    if (!fault) return send_error(res, "internal", "Something went wrong; nothing was saved.");
    res.set_header("Retry-After", std::to_string(fault->retry_after));
    return send_error(res, fault->code, fault->message);
  } catch (const std::exception&) {
    std::cerr << R"({"level":"error","event":"unhandled_exception"})"
              << "\n";
    return send_error(res, "internal", "Something went wrong; nothing was saved.");
  } catch (...) {
    return send_error(res, "internal", "Something went wrong; nothing was saved.");
  }
}

}  // namespace aduan

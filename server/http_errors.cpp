#include "http_errors.h"

#include <SQLiteCpp/Exception.h>
#include <httplib.h>
#include <sqlite3.h>

#include <iostream>

#include "json_codec.h"

namespace aduan {

void send_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message,
                const std::vector<FieldError>& fields) {
  send_json(res, status, error_json(code, message, fields));
}

void send_status_error(httplib::Response& res, int status) {
  switch (status) {
    case 400:
      return send_error(res, 400, "bad_request", "The request could not be read.");
    case 404:
      return send_error(res, 404, "not_found", "There is nothing at this address.");
    case 405:
      return send_error(res, 405, "method_not_allowed", "This method is not allowed here.");
    case 413:
      return send_error(res, 413, "payload_too_large", "The request body is larger than allowed.");
    case 414:
      return send_error(res, 414, "uri_too_long", "The address is too long.");
    case 416:
      return send_error(res, 416, "range_not_satisfiable", "The range is not available.");
    default:
      if (status >= 500) return send_error(res, status, "internal", "Something went wrong.");
      return send_error(res, status, "request_failed", "The request failed.");
  }
}

void send_exception_error(httplib::Response& res, std::exception_ptr ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xFF;  // primary result code
    std::cerr << R"({"level":"error","event":"storage_error","sqlite_code":)" << e.getErrorCode()
              << "}\n";
    // Faults of the storage, not of the request: 503 with what is wrong, so that an operator
    // reading the log and a client deciding when to retry both know. Reads keep working
    // where SQLite can still read; the next write after the fault clears succeeds.
    struct Fault {
      int code;
      const char* name;
      const char* message;
      int retry_after;
    };
    static constexpr Fault kFaults[] = {
        {SQLITE_FULL, "storage_full",
         "The server's disk is full; nothing was saved. Try again later.", 60},
        {SQLITE_READONLY, "storage_read_only",
         "The store is read-only right now; nothing was saved. Try again later.", 60},
        {SQLITE_BUSY, "storage_busy",
         "The store is busy; nothing was saved. Try again in a moment.", 2},
        {SQLITE_LOCKED, "storage_busy",
         "The store is busy; nothing was saved. Try again in a moment.", 2},
    };
    for (const Fault& f : kFaults) {
      if (code == f.code) {
        res.set_header("Retry-After", std::to_string(f.retry_after));
        return send_error(res, 503, f.name, f.message);
      }
    }
    if (code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_PROTOCOL ||
        code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
      res.set_header("Retry-After", "30");
      return send_error(res, 503, "storage_unavailable",
                        "The store is not available right now; nothing was saved. Try again.");
    }
    return send_error(res, 500, "internal", "Something went wrong; nothing was saved.");
  } catch (const std::exception&) {
    std::cerr << R"({"level":"error","event":"unhandled_exception"})"
              << "\n";
    return send_error(res, 500, "internal", "Something went wrong; nothing was saved.");
  } catch (...) {
    return send_error(res, 500, "internal", "Something went wrong; nothing was saved.");
  }
}

}  // namespace aduan

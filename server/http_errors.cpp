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
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_FULL ||
        code == SQLITE_READONLY || code == SQLITE_IOERR || code == SQLITE_CANTOPEN ||
        code == SQLITE_PROTOCOL || code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
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

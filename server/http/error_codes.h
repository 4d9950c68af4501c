// Every error code the API answers with, and its HTTP status, in one table. The pages' words
// for each code (public/js/server_errors.js) and the code list of the OpenAPI document's
// Error schema are held to this table by tests/error_catalogue.test.mjs, and every error the
// HTTP tests receive is checked against that schema. A code that is not in the table does
// not compile: ErrorCode's constructor is consteval.
#pragma once

#include <optional>
#include <string_view>

namespace aduan {

struct ErrorCodeEntry {
  std::string_view code;
  int status;  // 0: the status of the failure it stands for (request_failed)
};

// Sorted by code.
inline constexpr ErrorCodeEntry kErrorCodes[] = {
    {"account_has_open_reports", 409},
    {"action_not_allowed", 409},
    {"activation_link_invalid", 410},
    {"admin_target_not_found", 404},
    {"agency_not_found", 404},
    {"anonymous_needs_consent", 409},
    {"api_key_not_found", 404},
    {"attachment_not_found", 404},
    {"attachment_rejected", 422},
    {"bad_check_character", 400},
    {"bad_idempotency_key", 400},
    {"bad_kind", 400},
    {"bad_offset", 400},
    {"bad_period", 400},
    {"bad_request", 400},
    {"bad_signature", 401},
    {"bad_status", 400},
    {"canned_response_changed", 409},
    {"canned_response_not_found", 404},
    {"canned_responses_full", 409},
    {"cannot_disable_self", 409},
    {"contact_unreachable", 422},
    {"csrf_failed", 403},
    {"device_signed_out", 401},
    {"forbidden", 403},
    {"holiday_not_found", 404},
    {"holiday_year_empty", 404},
    {"idempotency_key_reused", 422},
    {"internal", 500},
    {"invalid_credentials", 401},
    {"invalid_position", 400},
    {"invalid_tracking_id", 400},
    {"last_system_admin", 409},
    {"malformed_json", 400},
    {"method_not_allowed", 405},
    {"not_a_bulk_action", 400},
    {"not_found", 404},
    {"notification_not_found", 404},
    {"offset_mismatch", 409},
    {"password_change_required", 403},
    {"payload_too_large", 413},
    {"range_not_satisfiable", 416},
    {"rate_limited", 429},
    {"region_not_found", 404},
    {"replayed_request", 401},
    {"report_finished", 409},
    {"report_not_found", 404},
    {"report_not_linked", 403},
    {"request_failed", 0},
    {"stale_timestamp", 401},
    {"stale_version", 409},
    {"storage_busy", 503},
    {"storage_full", 503},
    {"storage_read_only", 503},
    {"storage_unavailable", 503},
    {"term_link_not_found", 404},
    {"unauthenticated", 401},
    {"unknown_action", 400},
    {"unknown_status", 400},
    {"unsupported_media_type", 415},
    {"upload_not_found", 404},
    {"uri_too_long", 414},
    {"validation_failed", 422},
    {"view_not_found", 404},
    {"wrong_code", 422},
    {"wrong_password", 403},
    {"wrong_pin", 403},
};

class ErrorCode {
 public:
  // From a literal: send_error(res, "report_not_found", "...").
  consteval ErrorCode(const char* code) : entry_(find(code)) {}  // NOLINT: implicit on purpose

  // From a code held in a variable; nullopt when the table has no such code.
  static std::optional<ErrorCode> named(std::string_view code) {
    for (const ErrorCodeEntry& e : kErrorCodes) {
      if (e.code == code) return ErrorCode(&e);
    }
    return std::nullopt;
  }

  std::string_view code() const { return entry_->code; }
  int status() const { return entry_->status; }

 private:
  explicit constexpr ErrorCode(const ErrorCodeEntry* entry) : entry_(entry) {}
  static consteval const ErrorCodeEntry* find(std::string_view code) {
    for (const ErrorCodeEntry& e : kErrorCodes) {
      if (e.code == code) return &e;
    }
    // Reached only for a code missing from kErrorCodes: not a constant expression, so the
    // call does not compile.
    throw "error code missing from kErrorCodes (server/http/error_codes.h)";
  }

  const ErrorCodeEntry* entry_;
};

}  // namespace aduan

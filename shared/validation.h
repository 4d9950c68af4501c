// Validation of a submitted report: every problem at once, as (field, code) pairs. Codes
// are stable machine names; the pages translate them into the reader's language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/date.h"
#include "shared/report.h"

namespace aduan {

enum class FieldCode : uint8_t {
  kRequired,  // missing or empty
  kTooShort,
  kTooLong,
  kBlank,  // only white space
  kInvalidUtf8,
  kControlCharacter,
  kInvalidFormat,  // a date not written YYYY-MM-DD
  kInvalidDate,    // written YYYY-MM-DD but not a real day
  kInFuture,
  kInvalidPhone,  // not an Indonesian number: 08..., 62..., +62...
  kInvalidEmail,
  kInvalidNik,         // not 16 digits with a plausible region, birth date and serial
  kInvalidRegionCode,  // not a Kemendagri area code: 63, 63.03, 63.03.05, 63.03.05.2001
  kUnknownClassification,
  kUnknownCategory,
  kUnknownAgency,
  kUnknownChannel,
  kOutOfRange,       // latitude or longitude
  kIncomplete,       // latitude without longitude or the other way
  kContactRequired,  // neither phone nor email given
  kWrongType,        // JSON value of the wrong type (set by decoders, not by validate_report)
  kUnknownTier,      // actions: not a resolution tier
  kUnknownReason,    // actions: not an archive reason
  kInvalidTrackingId,
  kUnknownOfficer,   // actions: no such officer in the agency (checked by the server)
  kUnknownLanguage,  // not "id" or "en"
  kTooMany,          // more attachments than a report may have
  kUnsupportedType,  // an attachment that is not a photo (JPEG, PNG) or a PDF
  kTooLarge,         // an attachment over its size limit
  kUnknownRegion,    // a well-formed region code that names no area (shared/regions.h)
  kNotReady,         // an attachment whose upload is unfinished, expired or already used
  kDuplicate,        // the same attachment twice
  kNeedsReporter,    // privacy: only the reporter (with the PIN) may make it more public
  kUnchanged,        // privacy: the report already has the flags asked for
  kUnknownRole,      // accounts: not a role an account may have
  kNotAllowed,       // accounts: an agency given for a role that works for none
  kCycle,            // agencies: the parent is the agency itself or one of its units
};
inline constexpr size_t kFieldCodeCount = 37;

struct FieldError {
  std::string field;  // dotted path as in the JSON body: "title", "reporter.phone"
  FieldCode code;
  friend bool operator==(const FieldError&, const FieldError&) = default;
};

struct Limits {
  size_t title_min = 10, title_max = 150;
  size_t body_min = 30, body_max = 5000;
  size_t location_min = 3, location_max = 200;
  size_t name_max = 100;
  size_t email_max = 254;
};

// What validation needs to know about the world, passed in so the core stays pure.
struct ValidationContext {
  Date today;                           // in the deployment's time zone
  std::vector<std::string> categories;  // codes of active categories
  std::vector<std::string> agencies;    // codes of active agencies
  Limits limits;
};

// Normalises the free text and contact fields the way they will be stored: trimmed and
// collapsed text, phone numbers in +62 form, e-mail domain in lower case.
ReportInput normalize_report(const ReportInput& in);

// Validates `in` as it will be stored (after normalize_report); the order of the result
// follows the order of the fields in the form.
std::vector<FieldError> validate_report(const ReportInput& in, const ValidationContext& ctx);

// Field checks, exposed for the pages that validate one field as the citizen types.
std::optional<FieldCode> check_phone(std::string_view phone);
std::optional<FieldCode> check_email(std::string_view email);
std::optional<FieldCode> check_nik(std::string_view nik);

// "0812-3456 7890", "62812...", "+62 812..." -> "+6281234567890"; unchanged when not a
// recognisable Indonesian number.
std::string normalize_phone(std::string_view phone);

// The phone number or e-mail a citizen links their reports to, to see them on another phone.
// `key` is the one spelling that every way of typing the same contact maps to: a phone in
// +62 form, an e-mail trimmed and in lower case as a whole (mail providers here treat the
// local part without case, and a citizen who types "Budi@" on one phone and "budi@" on the
// next must find the same reports). With `error`, `key` is empty.
struct ContactKey {
  bool is_email = false;
  std::string key;
  std::optional<FieldCode> error;
};
ContactKey parse_contact(std::string_view typed);

std::string_view to_string(FieldCode c);

}  // namespace aduan

// Internal to the JSON codecs (http/json/codec.cpp, http/json/staff.cpp): reading typed fields with
// field errors, and the pieces of report JSON that every view shares.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "services/report_service.h"
#include "shared/validation.h"

namespace aduan::json_support {

using nlohmann::json;

// Absent and null mean "not given"; a value of another type adds a kWrongType error.
std::string read_string(const json& obj, const char* key, const std::string& path,
                        std::vector<FieldError>* errors);
std::optional<double> read_number(const json& obj, const char* key, const std::string& path,
                                  std::vector<FieldError>* errors);
std::optional<bool> read_bool(const json& obj, const char* key, std::vector<FieldError>* errors);
// An array of strings; another type (or an element of another type) adds kWrongType at
// `path` (or `path.i`).
std::vector<std::string> read_string_list(const json& obj, const char* key, const std::string& path,
                                          std::vector<FieldError>* errors);
const json& read_object(const json& obj, const char* key, std::vector<FieldError>* errors);
// A short name staff give something (a key, a view): required, at most `max_bytes`, not only
// spaces, no control characters. Adds the first problem at `path`.
void check_name(const std::string& name, const std::string& path, size_t max_bytes,
                std::vector<FieldError>* errors);

// Parses a request body that must be a JSON object; sets `problem` otherwise.
std::optional<json> parse_object(std::string_view body, std::string* problem);

// Parses a body for a decoder result with `malformed` and `problem` members: on failure
// sets both and returns nullopt.
template <typename Decoded>
std::optional<json> open_body(std::string_view body, Decoded* out) {
  auto doc = parse_object(body, &out->problem);
  out->malformed = !doc.has_value();
  return doc;
}

// Replaces invalid UTF-8 instead of throwing: a response must never fail half-way.
std::string dump(const json& j);

json field_errors_json(const std::vector<FieldError>& fields);
json deadline_json(const StageDeadline& d);
json deadline_view_json(const std::optional<DeadlineView>& d);

// How much of a report's content a view carries: none; what anyone may read of a verified,
// non-confidential report (title, body, region and a position rounded to about 100 m, not
// the place as the citizen wrote it, which may be their own address); or all of it.
enum class Content { kNone, kPublic, kFull };

// The fields every view of a report shares, and its content as `content` says.
json report_json(const ReportView& v, int utc_offset_minutes, Content content);

// What anyone may read of a published report: report_json without the channel (a walk-in
// at a service desk with its time points to a person) and without the anonymous flag (it
// tells the official that the reporter hides from them); `content` is kPublic or kNone.
json public_report_json(const ReportView& v, int utc_offset_minutes, Content content);

// The least a tracking ID shows of a report that is not published (not verified yet, or
// archived): that it exists and its status.
json unpublished_report_json(const ReportRecord& r);

// What the reporter and the staff see of the attachments (the bytes are fetched apart):
// those of the timeline entry `event_id`, or with 0 the reporter's own, sent with the report.
json attachments_json(const std::vector<AttachmentInfo>& attachments, int64_t event_id = 0);

// The timeline as `reader` may see it. Staff: every event, who acted and who else may read
// it. The reporter: what was written for them. The public: the actions and statuses, and
// only the notes the agency published (none at all of a confidential report); privacy
// changes are the reporter's business and are left out. Each entry that `files` has files
// for lists them (`files` holds only what `reader` may fetch; the public is given none).
json timeline_json(const std::vector<EventRecord>& events, int utc_offset_minutes,
                   Visibility reader, bool confidential = false,
                   const std::vector<AttachmentInfo>& files = {});

}  // namespace aduan::json_support

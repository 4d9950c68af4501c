// Internal to the JSON codecs (json_codec.cpp, json_staff.cpp): reading typed fields with
// field errors, and the pieces of report JSON that every view shares.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "report_service.h"
#include "validation.h"

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

// The fields every view of a report shares. `content` adds title, body and location.
json report_json(const ReportView& v, int utc_offset_minutes, bool content);

// What the reporter and the staff see of the attachments (the bytes are fetched apart).
json attachments_json(const std::vector<AttachmentInfo>& attachments);

// Timeline events; `staff` adds who acted, internal events and the public flag.
json timeline_json(const std::vector<EventRecord>& events, int utc_offset_minutes, bool staff);

}  // namespace aduan::json_support

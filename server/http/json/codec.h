// JSON in and out of the HTTP API for the report itself (the submission read, the report and
// its history written), the catalogue's lists and the error body. The other surfaces keep
// their field names in their own files beside this one (http/json/) or, for small answers,
// in their routes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/catalogue.h"
#include "services/report_service.h"
#include "shared/report.h"
#include "shared/validation.h"

namespace aduan {

struct DecodedReport {
  bool malformed = false;  // not JSON, or not a JSON object: 400
  std::string problem;     // why, for the error message
  ReportInput input;
  std::vector<FieldError> errors;  // fields of the wrong JSON type: 422 with the rest
};

DecodedReport decode_report_json(std::string_view body);

std::string submit_response_json(const SubmitOutcome& outcome, int utc_offset_minutes);
// Never includes the reporter's contact details; hides the content of confidential reports.
std::string report_view_json(const ReportView& view, int utc_offset_minutes);
// The reporter's own view (after the PIN): content even when confidential, the version to
// send back with an action, and their rating.
std::string reporter_view_json(const ReportView& view, int utc_offset_minutes);
std::string agencies_json(const std::vector<Agency>& agencies);
std::string categories_json(const std::vector<Category>& categories,
                            const std::vector<Agency>& agencies);
std::string error_json(std::string_view code, std::string_view message,
                       const std::vector<FieldError>& fields = {});

}  // namespace aduan

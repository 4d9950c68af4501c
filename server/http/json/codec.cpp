#include "http/json/codec.h"

#include "http/json/support.h"

namespace aduan {

using namespace json_support;

DecodedReport decode_report_json(std::string_view body) {
  DecodedReport out;
  const auto doc = open_body(body, &out);
  if (!doc) return out;
  auto* errors = &out.errors;
  ReportInput& in = out.input;
  in.classification = read_string(*doc, "classification", "classification", errors);
  in.title = read_string(*doc, "title", "title", errors);
  in.body = read_string(*doc, "body", "body", errors);
  in.incident_date = read_string(*doc, "incident_date", "incident_date", errors);
  in.category = read_string(*doc, "category", "category", errors);
  in.agency = read_string(*doc, "agency", "agency", errors);
  const std::string channel = read_string(*doc, "channel", "channel", errors);
  if (!channel.empty()) in.channel = channel;
  const std::string language = read_string(*doc, "language", "language", errors);
  if (!language.empty()) in.language = language;
  const json& loc = read_object(*doc, "location", errors);
  in.location.text = read_string(loc, "text", "location.text", errors);
  in.location.lat = read_number(loc, "lat", "location.lat", errors);
  in.location.lon = read_number(loc, "lon", "location.lon", errors);
  in.location.region_code = read_string(loc, "region_code", "location.region_code", errors);
  const json& rep = read_object(*doc, "reporter", errors);
  in.reporter.name = read_string(rep, "name", "reporter.name", errors);
  in.reporter.phone = read_string(rep, "phone", "reporter.phone", errors);
  in.reporter.email = read_string(rep, "email", "reporter.email", errors);
  in.reporter.nik = read_string(rep, "nik", "reporter.nik", errors);
  in.anonymous = read_bool(*doc, "anonymous", errors).value_or(false);
  in.confidential = read_bool(*doc, "confidential", errors).value_or(true);  // report.h
  in.attachments = read_string_list(*doc, "attachments", "attachments", errors);
  return out;
}

std::string submit_response_json(const SubmitOutcome& o, int utc_offset_minutes) {
  return dump(json{{"tracking_id", o.tracking_id},
                   {"pin", o.pin},
                   {"status", to_string(o.status)},
                   {"created_at", format_iso_datetime(o.created_at, utc_offset_minutes)},
                   {"deadline", deadline_json(o.deadline)}});
}

std::string report_view_json(const ReportView& v, int utc_offset_minutes) {
  // The tracking ID alone is not proof of being the reporter: it shows what anyone may see.
  // Nothing but the status before the coordinator verified the report (or of an archived
  // one, spam and abuse included); a confidential report's content stays with the reporter
  // and the staff.
  if (!is_verified(v.report.status)) return dump(unpublished_report_json(v.report));
  const bool confidential = v.report.confidential;
  json out =
      public_report_json(v, utc_offset_minutes, confidential ? Content::kNone : Content::kPublic);
  out["published"] = true;
  out["timeline"] =
      timeline_json(v.timeline, utc_offset_minutes, Visibility::kPublic, confidential);
  return dump(out);
}

std::string reporter_view_json(const ReportView& v, int utc_offset_minutes) {
  json out = report_json(v, utc_offset_minutes, Content::kFull);
  out["timeline"] =
      timeline_json(v.timeline, utc_offset_minutes, Visibility::kReporter, false, v.attachments);
  out["version"] = v.report.version;
  out["notifications"] = v.report.notify_citizen;
  out["attachments"] = attachments_json(v.attachments);
  // The question is the coordinator's words to the reporter: theirs to read, nobody else's.
  if (v.citizen_step && !v.question.empty()) out["citizen_step"]["question"] = v.question;
  if (v.report.rating) {
    out["rating"] = json{{"score", *v.report.rating}, {"comment", v.report.rating_comment}};
  }
  return dump(out);
}

std::string agencies_json(const std::vector<Agency>& agencies) {
  json out = json::array();
  for (const Agency& a : agencies) {
    json item{{"code", a.code}, {"name", a.name}};
    for (const Agency& p : agencies) {
      if (a.parent_id && p.id == *a.parent_id) item["parent"] = p.code;
    }
    out.push_back(std::move(item));
  }
  return dump(out);
}

std::string categories_json(const std::vector<Category>& categories,
                            const std::vector<Agency>& agencies) {
  json out = json::array();
  for (const Category& c : categories) {
    json item{{"code", c.code}, {"name", c.name}, {"name_en", c.name_en}};
    for (const Agency& a : agencies) {
      if (c.agency_id && a.id == *c.agency_id) item["agency"] = a.code;
    }
    out.push_back(std::move(item));
  }
  return dump(out);
}

std::string error_json(std::string_view code, std::string_view message,
                       const std::vector<FieldError>& fields) {
  json out{{"error", {{"code", code}, {"message", message}}}};
  if (!fields.empty()) out["errors"] = field_errors_json(fields);
  return dump(out);
}

}  // namespace aduan

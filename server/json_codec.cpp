#include "json_codec.h"

#include <nlohmann/json.hpp>

namespace aduan {
namespace {

using nlohmann::json;

// Reads a string field; absent and null mean "not given", anything else but a string is
// a wrong type.
std::string read_string(const json& obj, const char* key, const std::string& path,
                        std::vector<FieldError>* errors) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return {};
  if (!it->is_string()) {
    errors->push_back({path, FieldCode::kWrongType});
    return {};
  }
  return it->get<std::string>();
}

std::optional<double> read_number(const json& obj, const char* key, const std::string& path,
                                  std::vector<FieldError>* errors) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) {
    errors->push_back({path, FieldCode::kWrongType});
    return std::nullopt;
  }
  return it->get<double>();
}

bool read_bool(const json& obj, const char* key, std::vector<FieldError>* errors) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return false;
  if (!it->is_boolean()) {
    errors->push_back({key, FieldCode::kWrongType});
    return false;
  }
  return it->get<bool>();
}

// An optional nested object; a value of another type is a wrong type.
const json& read_object(const json& obj, const char* key, std::vector<FieldError>* errors) {
  static const json kEmpty = json::object();
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return kEmpty;
  if (!it->is_object()) {
    errors->push_back({key, FieldCode::kWrongType});
    return kEmpty;
  }
  return *it;
}

json deadline_json(const StageDeadline& d) {
  return json{{"stage", to_string(d.stage)},
              {"started", format_iso_date(d.started)},
              {"due", format_iso_date(d.due)}};
}

// Replaces invalid UTF-8 instead of throwing: a response must never fail half-way.
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json field_errors_json(const std::vector<FieldError>& fields) {
  json out = json::array();
  for (const FieldError& f : fields)
    out.push_back({{"field", f.field}, {"code", to_string(f.code)}});
  return out;
}

}  // namespace

DecodedReport decode_report_json(std::string_view body) {
  DecodedReport out;
  // No exceptions: a parse failure gives a discarded value.
  const json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    out.malformed = true;
    out.problem = "The body is not valid JSON (UTF-8).";
    return out;
  }
  if (!doc.is_object()) {
    out.malformed = true;
    out.problem = "The body must be a JSON object.";
    return out;
  }
  auto* errors = &out.errors;
  ReportInput& in = out.input;
  in.classification = read_string(doc, "classification", "classification", errors);
  in.title = read_string(doc, "title", "title", errors);
  in.body = read_string(doc, "body", "body", errors);
  in.incident_date = read_string(doc, "incident_date", "incident_date", errors);
  in.category = read_string(doc, "category", "category", errors);
  in.agency = read_string(doc, "agency", "agency", errors);
  const std::string channel = read_string(doc, "channel", "channel", errors);
  if (!channel.empty()) in.channel = channel;
  const json& loc = read_object(doc, "location", errors);
  in.location.text = read_string(loc, "text", "location.text", errors);
  in.location.lat = read_number(loc, "lat", "location.lat", errors);
  in.location.lon = read_number(loc, "lon", "location.lon", errors);
  in.location.region_code = read_string(loc, "region_code", "location.region_code", errors);
  const json& rep = read_object(doc, "reporter", errors);
  in.reporter.name = read_string(rep, "name", "reporter.name", errors);
  in.reporter.phone = read_string(rep, "phone", "reporter.phone", errors);
  in.reporter.email = read_string(rep, "email", "reporter.email", errors);
  in.reporter.nik = read_string(rep, "nik", "reporter.nik", errors);
  in.anonymous = read_bool(doc, "anonymous", errors);
  in.confidential = read_bool(doc, "confidential", errors);
  return out;
}

std::string submit_response_json(const SubmitOutcome& o, int utc_offset_minutes) {
  return dump(json{{"tracking_id", o.tracking_id},
                   {"status", to_string(o.status)},
                   {"created_at", format_iso_datetime(o.created_at, utc_offset_minutes)},
                   {"deadline", deadline_json(o.deadline)}});
}

std::string report_view_json(const ReportView& v, int utc_offset_minutes) {
  const ReportRecord& r = v.report;
  json out{{"tracking_id", format_tracking_id(r.tracking_id)},
           {"classification", r.classification},
           {"status", to_string(r.status)},
           {"status_group", to_string(status_group(r.status))},
           {"channel", r.channel},
           {"anonymous", r.anonymous},
           {"confidential", r.confidential},
           {"created_at", format_iso_datetime(r.created_at, utc_offset_minutes)},
           {"updated_at", format_iso_datetime(r.updated_at, utc_offset_minutes)}};
  // A confidential report's content stays with the reporter and the staff; the tracking
  // ID alone is not proof of being the reporter.
  if (!r.confidential) {
    out["title"] = r.title;
    out["body"] = r.body;
    out["incident_date"] = r.incident_date;
    out["location"] = json{{"text", r.location.text}, {"region_code", r.location.region_code}};
    if (r.location.lat && r.location.lon) {
      out["location"]["lat"] = *r.location.lat;
      out["location"]["lon"] = *r.location.lon;
    }
  }
  if (v.category) out["category"] = json{{"code", v.category->code}, {"name", v.category->name}};
  if (v.agency) out["agency"] = json{{"code", v.agency->code}, {"name", v.agency->name}};
  if (v.deadline) {
    json d = deadline_json(v.deadline->deadline);
    d["colour"] = to_string(v.deadline->colour);
    d["working_days_left"] = v.deadline->working_days_left;
    out["deadline"] = d;
  } else {
    out["deadline"] = nullptr;
  }
  json timeline = json::array();
  for (const EventRecord& e : v.timeline) {
    json item{{"at", format_iso_datetime(e.at, utc_offset_minutes)},
              {"action", to_string(e.action)},
              {"status", to_string(e.to_status)},
              // Which side acted, never who: staff names and reporter identity stay inside.
              {"by", e.actor_role == Role::kCitizen ? "citizen" : "staff"}};
    if (!e.note.empty()) item["note"] = e.note;
    timeline.push_back(std::move(item));
  }
  out["timeline"] = std::move(timeline);
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

#include "http/json/support.h"

#include <algorithm>
#include <cmath>

#include "formats/json_parse.h"
#include "shared/geo.h"

namespace aduan::json_support {

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

void check_name(const std::string& name, const std::string& path, size_t max_bytes,
                std::vector<FieldError>* errors) {
  if (name.empty()) {
    errors->push_back({path, FieldCode::kRequired});
  } else if (name.size() > max_bytes) {
    errors->push_back({path, FieldCode::kTooLong});
  } else if (name.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors->push_back({path, FieldCode::kBlank});
  } else if (std::any_of(name.begin(), name.end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    errors->push_back({path, FieldCode::kControlCharacter});
  }
}

std::vector<std::string> read_string_list(const json& obj, const char* key, const std::string& path,
                                          std::vector<FieldError>* errors) {
  std::vector<std::string> out;
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return out;
  if (!it->is_array()) {
    errors->push_back({path, FieldCode::kWrongType});
    return out;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const json& item = (*it)[i];
    if (item.is_string()) {
      out.push_back(item.get<std::string>());
    } else {
      errors->push_back({path + "." + std::to_string(i), FieldCode::kWrongType});
    }
  }
  return out;
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

std::optional<bool> read_bool(const json& obj, const char* key, std::vector<FieldError>* errors) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) {
    errors->push_back({key, FieldCode::kWrongType});
    return std::nullopt;
  }
  return it->get<bool>();
}

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

std::optional<json> parse_object(std::string_view body, std::string* problem) {
  if (!json_depth_within(body)) {
    *problem = "The body nests arrays or objects deeper than " + std::to_string(kMaxJsonDepth) +
               " levels.";
    return std::nullopt;
  }
  json doc = parse_request_json(body);
  if (doc.is_discarded()) {
    *problem = "The body is not valid JSON (UTF-8).";
    return std::nullopt;
  }
  if (!doc.is_object()) {
    *problem = "The body must be a JSON object.";
    return std::nullopt;
  }
  return doc;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json field_errors_json(const std::vector<FieldError>& fields) {
  json out = json::array();
  for (const FieldError& f : fields)
    out.push_back({{"field", f.field}, {"code", to_string(f.code)}});
  return out;
}

json deadline_json(const StageDeadline& d) {
  json out = json::object();  // in place, as report_json below
  out["stage"] = to_string(d.stage);
  out["started"] = format_iso_date(d.started);
  out["due"] = format_iso_date(d.due);
  return out;
}

json deadline_view_json(const std::optional<DeadlineView>& d) {
  if (!d) return nullptr;
  json out = deadline_json(d->deadline);
  out["colour"] = to_string(d->colour);
  out["working_days_left"] = d->working_days_left;
  return out;
}

json report_json(const ReportView& v, int utc_offset_minutes, Content content) {
  const ReportRecord& r = v.report;
  // Each member assigned in place: a braced list copies every value it holds once more, and
  // the lists (queue, search, inbox) build one of these for each item.
  json out = json::object();
  out["tracking_id"] = format_tracking_id(r.tracking_id);
  out["classification"] = r.classification;
  out["status"] = to_string(r.status);
  out["status_group"] = to_string(status_group(r.status));
  out["channel"] = r.channel;
  out["anonymous"] = r.anonymous;
  out["confidential"] = r.confidential;
  out["created_at"] = format_iso_datetime(r.created_at, utc_offset_minutes);
  out["updated_at"] = format_iso_datetime(r.updated_at, utc_offset_minutes);
  out["deadline"] = deadline_view_json(v.deadline);
  out["followers"] = r.followers;
  if (v.citizen_step) {
    out["citizen_step"] = json{{"action", to_string(v.citizen_step->asked)},
                               {"due", format_iso_date(v.citizen_step->due)},
                               {"otherwise", to_string(v.citizen_step->otherwise)}};
  }
  if (content != Content::kNone) {
    out["title"] = r.title;
    out["body"] = r.body;
    out["incident_date"] = r.incident_date;
    out["location"] = json{{"region_code", r.location.region_code}};
    if (content == Content::kFull) out["location"]["text"] = r.location.text;
    if (!v.region_name.empty()) out["location"]["region_name"] = v.region_name;
    if (r.location.lat && r.location.lon) {
      // The public grid (shared/geo.h): enough for the street, not the house.
      auto shown = [&](double x) {
        return content == Content::kFull ? x : geo::public_coordinate(x);
      };
      out["location"]["lat"] = shown(*r.location.lat);
      out["location"]["lon"] = shown(*r.location.lon);
    }
  }
  if (v.category) {
    json& category = out["category"];
    category["code"] = v.category->code;
    category["name"] = v.category->name;
    category["name_en"] = v.category->name_en;
  }
  if (v.agency) {
    json& agency = out["agency"];
    agency["code"] = v.agency->code;
    agency["name"] = v.agency->name;
  }
  return out;
}

json public_report_json(const ReportView& v, int utc_offset_minutes, Content content) {
  json out = report_json(v, utc_offset_minutes, content);
  out.erase("channel");
  out.erase("anonymous");
  return out;
}

json unpublished_report_json(const ReportRecord& r) {
  return json{{"tracking_id", format_tracking_id(r.tracking_id)},
              {"status", to_string(r.status)},
              {"status_group", to_string(status_group(r.status))},
              {"published", false}};
}

json attachments_json(const std::vector<AttachmentInfo>& attachments, int64_t event_id) {
  json out = json::array();
  for (const AttachmentInfo& a : attachments) {
    if (a.event_id != event_id) continue;
    json item{{"position", a.position}, {"content_type", a.content_type}, {"size", a.size}};
    if (a.width) item["width"] = a.width;
    if (a.height) item["height"] = a.height;
    out.push_back(std::move(item));
  }
  return out;
}

json timeline_json(const std::vector<EventRecord>& events, int utc_offset_minutes,
                   Visibility reader, bool confidential, const std::vector<AttachmentInfo>& files) {
  const bool staff = reader == Visibility::kStaff;
  const bool public_view = reader == Visibility::kPublic;
  json out = json::array();
  for (const EventRecord& e : events) {
    if (!staff && e.visibility == Visibility::kStaff) continue;
    if (public_view && e.action == Action::kPrivacy) continue;
    json item{{"at", format_iso_datetime(e.at, utc_offset_minutes)},
              {"action", to_string(e.action)},
              {"status", to_string(e.to_status)},
              {"by", e.actor_role == Role::kCitizen ? "citizen" : "staff"}};
    const bool note_shown = !public_view || (e.visibility == Visibility::kPublic && !confidential);
    if (!e.note.empty() && note_shown) item["note"] = e.note;
    if (!public_view) {
      if (json mine = attachments_json(files, e.id); !mine.empty()) item["attachments"] = mine;
    }
    if (staff) {
      item["role"] = to_string(e.actor_role);
      item["actor"] = e.actor_name;
      item["public"] = e.visibility != Visibility::kStaff;
      item["published"] = e.visibility == Visibility::kPublic;
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace aduan::json_support

#include "http/json/staff.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "http/json/support.h"

namespace aduan {

using namespace json_support;

DecodedAction decode_action_json(std::string_view body) {
  DecodedAction out;
  const auto doc = open_body(body, &out);
  if (!doc) return out;
  auto* errors = &out.errors;
  ActionInput& in = out.input;
  out.action = read_string(*doc, "action", "action", errors);
  out.pin = read_string(*doc, "pin", "pin", errors);
  if (const auto v = read_number(*doc, "version", "version", errors)) {
    out.version = static_cast<int64_t>(*v);
  }
  in.note = read_string(*doc, "note", "note", errors);
  in.is_public = read_bool(*doc, "public", errors).value_or(true);
  in.publish = read_bool(*doc, "publish", errors).value_or(false);
  in.agency = read_string(*doc, "agency", "agency", errors);
  in.classification = read_string(*doc, "classification", "classification", errors);
  in.category = read_string(*doc, "category", "category", errors);
  in.anonymous = read_bool(*doc, "anonymous", errors);
  in.confidential = read_bool(*doc, "confidential", errors);
  in.tier = read_string(*doc, "tier", "tier", errors);
  in.officer = read_string(*doc, "officer", "officer", errors);
  in.archive_reason = read_string(*doc, "archive_reason", "archive_reason", errors);
  in.duplicate_of = read_string(*doc, "duplicate_of", "duplicate_of", errors);
  in.attachments = read_string_list(*doc, "attachments", "attachments", errors);
  if (const auto r = read_number(*doc, "rating", "rating", errors)) {
    // Only a whole number within int's range is cast: casting anything beyond it is undefined
    // (the fuzzer sent 6.7e62). Out of range it is, like 7, out of the scale.
    if (!(std::abs(*r) <= std::numeric_limits<int>::max())) {
      errors->push_back({"rating", FieldCode::kOutOfRange});
    } else if (*r != std::trunc(*r)) {
      errors->push_back({"rating", FieldCode::kWrongType});
    } else {
      in.rating = static_cast<int>(*r);
    }
  }
  return out;
}

DecodedLogin decode_login_json(std::string_view body) {
  DecodedLogin out;
  const auto doc = open_body(body, &out);
  if (!doc) return out;
  std::vector<FieldError> ignored;
  out.username = read_string(*doc, "username", "username", &ignored);
  out.password = read_string(*doc, "password", "password", &ignored);
  return out;
}

DecodedHoliday decode_holiday_json(std::string_view body) {
  DecodedHoliday out;
  const auto doc = open_body(body, &out);
  if (!doc) return out;
  const std::string date = read_string(*doc, "date", "date", &out.errors);
  out.holiday.name = read_string(*doc, "name", "name", &out.errors);
  out.holiday.kind = read_string(*doc, "kind", "kind", &out.errors);
  if (out.holiday.kind.empty()) out.holiday.kind = "national";
  if (const auto d = parse_iso_date(date)) {
    out.holiday.date = *d;
  } else {
    out.errors.push_back({"date", date.empty() ? FieldCode::kRequired : FieldCode::kInvalidFormat});
  }
  if (out.holiday.name.empty()) out.errors.push_back({"name", FieldCode::kRequired});
  if (out.holiday.kind != "national" && out.holiday.kind != "cuti_bersama" &&
      out.holiday.kind != "local") {
    out.errors.push_back({"kind", FieldCode::kUnknownReason});
  }
  return out;
}

DecodedApiKey decode_api_key_json(std::string_view body) {
  DecodedApiKey out;
  const auto doc = open_body(body, &out);
  if (!doc) return out;
  const size_t before = out.errors.size();
  out.name = read_string(*doc, "name", "name", &out.errors);
  if (out.errors.size() == before) check_name(out.name, "name", 100, &out.errors);
  const auto scopes = doc->find("scopes");
  if (scopes == doc->end()) {
    out.scopes = {"open311"};
  } else if (!scopes->is_array()) {  // null too: a key that may do nothing is a mistake
    out.errors.push_back({"scopes", FieldCode::kWrongType});
  } else if (scopes->empty()) {
    out.errors.push_back({"scopes", FieldCode::kRequired});
  } else {
    for (size_t i = 0; i < scopes->size(); ++i) {
      const json& scope = (*scopes)[i];
      const std::string field = "scopes." + std::to_string(i);
      if (!scope.is_string()) {
        out.errors.push_back({field, FieldCode::kWrongType});
        continue;
      }
      const std::string value = scope.get<std::string>();
      if (value != "open311" && value != "metrics") {
        out.errors.push_back({field, FieldCode::kUnknownReason});
      } else if (std::find(out.scopes.begin(), out.scopes.end(), value) != out.scopes.end()) {
        out.errors.push_back({field, FieldCode::kDuplicate});
      } else {
        out.scopes.push_back(value);
      }
    }
  }
  return out;
}

std::string session_json(const StaffSession& p, const std::optional<Agency>& agency) {
  json out{{"username", p.username},
           {"display_name", p.name},
           {"role", to_string(p.role)},
           {"csrf_token", p.csrf_token},
           // A temporary password: the panel shows the change form before anything else.
           {"password_change_required", p.must_change_password}};
  out["agency"] = agency ? json{{"code", agency->code}, {"name", agency->name}} : json(nullptr);
  return dump(out);
}

namespace {

// Whether the report's deadlines may still move because a year they span has holidays a
// system admin has not confirmed (docs/operations.md, "Holidays"), and which years.
void add_provisional(json& out, const ReportView& v) {
  out["deadline_provisional"] = !v.unconfirmed_holiday_years.empty();
  out["unconfirmed_holiday_years"] = v.unconfirmed_holiday_years;
}

}  // namespace

std::string queue_json(const QueuePage& page, int utc_offset_minutes) {
  json items = json::array();
  for (const QueueItem& row : page.items) {
    const ReportView& v = row.view;
    // Staff see the content of confidential reports; the list shows titles, not bodies.
    json item = report_json(v, utc_offset_minutes, Content::kNone);
    item["assigned_to"] = row.assigned_to.empty() ? json(nullptr) : json(row.assigned_to);
    item["title"] = v.report.title;
    item["returned"] = v.report.returned;
    item["version"] = v.report.version;
    add_provisional(item, v);
    items.push_back(std::move(item));
  }
  return dump(json{{"items", std::move(items)},
                   {"total", page.total.n},
                   {"total_exceeds_limit", page.total.capped},
                   {"page", page.page},
                   {"per_page", page.per_page}});
}

std::string staff_report_json(const StaffReportView& sv, int utc_offset_minutes) {
  const ReportRecord& r = sv.view.report;
  json out = report_json(sv.view, utc_offset_minutes, Content::kFull);
  out["timeline"] = timeline_json(sv.view.timeline, utc_offset_minutes, Visibility::kStaff, false,
                                  sv.view.attachments);
  // What the agency holding it allows (shared/workflow.h AgencyRules): the panel passes it to
  // the core's allowedActions, as the server does to find_transition.
  out["agency_rules"] =
      json{{"officers_resolve", sv.view.agency && sv.view.report.agency_id &&
                                    sv.view.agency->id == *sv.view.report.agency_id &&
                                    sv.view.agency->officers_resolve}};
  out["version"] = r.version;
  out["tier"] = to_string(r.tier);
  out["returned"] = r.returned;
  out["attachments"] = attachments_json(sv.view.attachments);
  out["assigned_to"] = sv.assigned_to;
  // Where the report stands in the agency's own system: waiting to be posted, then its ID
  // there and the status last read.
  if (sv.external) {
    const ExternalRequest& e = *sv.external;
    out["external"] =
        json{{"service_request_id", e.service_request_id},
             {"posted_at", e.posted_at ? json(format_iso_datetime(*e.posted_at, utc_offset_minutes))
                                       : json(nullptr)},
             {"remote_status", e.remote_status},
             {"followed", e.open}};
  }
  out["escalation_due"] =
      r.clock.escalation_due ? json(format_iso_date(*r.clock.escalation_due)) : json(nullptr);
  add_provisional(out, sv.view);
  if (!r.archive_reason.empty()) out["archive_reason"] = r.archive_reason;
  if (!r.duplicate_of.empty()) out["duplicate_of"] = format_tracking_id(r.duplicate_of);
  if (r.rating) out["rating"] = json{{"score", *r.rating}, {"comment", r.rating_comment}};
  // Anonymous reports never reach agency roles with the reporter's identity: the field is
  // left out entirely, not blanked.
  if (sv.show_reporter) {
    out["reporter"] = json{{"name", r.reporter.name},
                           {"phone", r.reporter.phone},
                           {"email", r.reporter.email},
                           {"nik", r.reporter.nik}};
  } else {
    out["reporter_hidden"] = true;
  }
  return dump(out);
}

std::string officers_json(const std::vector<User>& users) {
  json out = json::array();
  for (const User& u : users) {
    out.push_back(
        {{"username", u.username}, {"display_name", u.display_name}, {"role", to_string(u.role)}});
  }
  return dump(out);
}

std::string holidays_json(const std::vector<Holiday>& holidays,
                          const std::vector<int>& confirmed_years) {
  json out = json::array();
  for (const Holiday& h : holidays) {
    const bool confirmed =
        std::binary_search(confirmed_years.begin(), confirmed_years.end(), to_civil(h.date).year);
    out.push_back({{"date", format_iso_date(h.date)},
                   {"name", h.name},
                   {"kind", h.kind},
                   {"provisional", !confirmed}});
  }
  return dump(out);
}

std::string holiday_years_json(const std::vector<HolidayYear>& years, int utc_offset_minutes) {
  json out = json::array();
  for (const HolidayYear& y : years) {
    out.push_back({{"year", y.year},
                   {"confirmed", y.confirmed},
                   {"confirmed_by", y.confirmed_by},
                   {"confirmed_at",
                    y.confirmed_at ? json(format_iso_datetime(*y.confirmed_at, utc_offset_minutes))
                                   : json(nullptr)},
                   {"holidays", y.holidays}});
  }
  return dump(out);
}

}  // namespace aduan

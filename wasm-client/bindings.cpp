// embind bindings of shared/ only: plain JS objects and strings in and out, so the pages
// never have to delete() anything. No rule is decided here; every function forwards to the
// core.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <optional>
#include <string>
#include <vector>

#include "shared/actions.h"
#include "shared/attachments.h"
#include "shared/calendar.h"
#include "shared/category_model.h"
#include "shared/deadlines.h"
#include "shared/report.h"
#include "shared/text.h"
#include "shared/tracking_id.h"
#include "shared/validation.h"
#include "shared/workflow.h"
#include "wasm-client/js_values.h"

using emscripten::val;

namespace aduan {
namespace {

ReportInput report_from_js(const val& r) {
  ReportInput in;
  in.classification = string_field(r, "classification");
  in.title = string_field(r, "title");
  in.body = string_field(r, "body");
  in.incident_date = string_field(r, "incident_date");
  in.category = string_field(r, "category");
  in.agency = string_field(r, "agency");
  const std::string channel = string_field(r, "channel");
  if (!channel.empty()) in.channel = channel;
  const std::string language = string_field(r, "language");
  if (!language.empty()) in.language = language;
  const val loc = r["location"];
  in.location.text = string_field(loc, "text");
  in.location.lat = number_field(loc, "lat");
  in.location.lon = number_field(loc, "lon");
  in.location.region_code = string_field(loc, "region_code");
  const val rep = r["reporter"];
  in.reporter.name = string_field(rep, "name");
  in.reporter.phone = string_field(rep, "phone");
  in.reporter.email = string_field(rep, "email");
  in.reporter.nik = string_field(rep, "nik");
  in.anonymous = r["anonymous"].isTrue();
  in.confidential = r["confidential"].isTrue();
  in.attachments = string_list(r["attachments"]);
  return in;
}

Date date_or_epoch(const std::string& iso) { return parse_iso_date(iso).value_or(Date{}); }

WorkingCalendar calendar_from_js(const val& holidays) {
  std::vector<Date> days;
  for (const std::string& s : string_list(holidays)) {
    if (auto d = parse_iso_date(s)) days.push_back(*d);
  }
  return WorkingCalendar(std::move(days));
}

// ---- validation ----

val validate_report_js(val report, val context) {
  ValidationContext ctx;
  ctx.today = date_or_epoch(string_field(context, "today"));
  ctx.categories = string_list(context["categories"]);
  ctx.agencies = string_list(context["agencies"]);
  return errors_to_js(validate_report(report_from_js(report), ctx));
}

std::string code_or_empty(std::optional<FieldCode> c) {
  return c ? std::string(to_string(*c)) : std::string();
}
std::string check_phone_js(std::string s) { return code_or_empty(check_phone(s)); }
std::string check_email_js(std::string s) { return code_or_empty(check_email(s)); }
std::string check_nik_js(std::string s) { return code_or_empty(check_nik(s)); }
std::string normalize_phone_js(std::string s) { return normalize_phone(s); }
// {ok, error, email, key}: the contact a citizen links their reports to.
val parse_contact_js(std::string typed) {
  const ContactKey c = parse_contact(typed);
  val o = val::object();
  o.set("ok", !c.error);
  o.set("error", code_or_empty(c.error));
  o.set("email", c.is_email);
  o.set("key", c.key);
  return o;
}
int count_characters_js(std::string s) { return int(count_characters(s)); }

val validate_action_js(std::string action, val input, val context) {
  const auto a = parse_action(action);
  if (!a) return val::array();
  ActionContext ctx;
  ctx.agencies = string_list(context["agencies"]);
  ctx.categories = string_list(context["categories"]);
  return errors_to_js(validate_action(*a, action_input_from_js(input), ctx));
}

// The flags `requested` asks for ({anonymous?, confidential?}, booleans) against the
// report's current ones: privacy_change_errors, so that the pages offer only the privacy
// changes `role` may make.
val privacy_change_errors_js(std::string role, bool anonymous, bool confidential, val requested) {
  const auto r = parse_role(role);
  if (!r) return val::array();
  ActionInput in;
  privacy_flags_from_js(requested, &in);
  return errors_to_js(privacy_change_errors(*r, anonymous, confidential, in));
}

val min_max(size_t min, size_t max) {
  val o = val::object();
  o.set("min", static_cast<int>(min));
  o.set("max", static_cast<int>(max));
  return o;
}

// The lengths the report form's messages and counters show, by field.
val limits_js() {
  const Limits l;
  val o = val::object();
  o.set("title", min_max(l.title_min, l.title_max));
  o.set("body", min_max(l.body_min, l.body_max));
  o.set("location.text", min_max(l.location_min, l.location_max));
  o.set("reporter.name", min_max(1, l.name_max));
  const AttachmentLimits a;
  val att = val::object();
  att.set("maxCount", static_cast<int>(a.max_count));
  att.set("photoMaxBytes", static_cast<double>(a.photo_max_bytes));
  att.set("pdfMaxBytes", static_cast<double>(a.pdf_max_bytes));
  att.set("photoLongSide", a.photo_long_side);
  att.set("photoQuality", a.photo_quality);
  att.set("maxPixels", static_cast<double>(a.max_pixels));
  att.set("chunkBytes", static_cast<double>(a.chunk_bytes));
  o.set("attachments", att);
  return o;
}

// "" when a file of this type and size may be attached, else the field code.
std::string check_attachment_js(std::string content_type, double size) {
  return code_or_empty(check_attachment(content_type, size < 0 ? 0 : static_cast<size_t>(size)));
}

val note_limits_js(std::string action) {
  const auto a = parse_action(action);
  if (!a) return val::null();
  const NoteLimits n = note_limits(*a);
  return min_max(n.min, n.max);
}

// ---- tracking IDs ----

val parse_tracking_id_js(std::string typed) {
  const ParsedTrackingId p = parse_tracking_id(typed);
  val o = val::object();
  o.set("ok", p.ok());
  o.set("error", p.ok() ? std::string() : std::string(to_string(p.error)));
  o.set("canonical", p.canonical);
  o.set("display", p.ok() ? format_tracking_id(p.canonical) : std::string());
  return o;
}

// ---- workflow ----

val status_info(Status s) {
  val o = val::object();
  o.set("name", std::string(to_string(s)));
  o.set("group", std::string(to_string(status_group(s))));
  o.set("open", is_open(s));
  o.set("final", is_final(s));
  return o;
}

val statuses_js() {
  val out = val::array();
  for (int i = 0; i < kStatusCount; ++i) out.set(i, status_info(static_cast<Status>(i)));
  return out;
}

val status_js(std::string name) {
  const auto s = parse_status(name);
  return s ? status_info(*s) : val::null();
}

// `agency`: the rules of the report's agency ({officers_resolve}), or undefined for none.
val allowed_actions_js(std::string status, std::string role, val agency) {
  const auto s = parse_status(status);
  const auto r = parse_role(role);
  if (!s || !r) return val::array();
  return to_array(allowed_actions(*s, *r, agency_rules(agency)),
                  [](Action a) { return val(std::string(to_string(a))); });
}

// `agency`: the rules of the report's agency ({officers_resolve}), or undefined for none.
val find_transition_js(std::string from, std::string action, std::string role, val agency) {
  const auto a = parse_action(action);
  const auto r = parse_role(role);
  std::optional<Status> f;
  if (!from.empty()) f = parse_status(from);
  if (!a || !r || (!from.empty() && !f)) return val::null();
  const auto t = find_transition(f, *a, *r, agency_rules(agency));
  if (!t) return val::null();
  val o = val::object();
  o.set("to", std::string(to_string(t->to)));
  o.set("clock", std::string(to_string(t->clock)));
  o.set("stage", std::string(to_string(t->stage)));
  return o;
}

int max_action_attachments_js(std::string action) {
  const auto a = parse_action(action);
  return a ? int(max_action_attachments(*a)) : 0;
}

// ---- working days and deadlines ----

std::string add_working_days_js(std::string start, int n, val holidays) {
  return format_iso_date(calendar_from_js(holidays).add_working_days(date_or_epoch(start), n));
}

int working_days_between_js(std::string from, std::string to, val holidays) {
  return calendar_from_js(holidays).working_days_between(date_or_epoch(from), date_or_epoch(to));
}

std::string deadline_colour_js(std::string started, std::string due, std::string today,
                               val holidays) {
  return to_string(deadline_colour(calendar_from_js(holidays), date_or_epoch(started),
                                   date_or_epoch(due), date_or_epoch(today)));
}

val stage_deadline_js(std::string stage, std::string tier, std::string started, val holidays) {
  const auto s = parse_stage(stage);
  if (!s) return val::null();
  const StageDeadline d =
      stage_deadline(calendar_from_js(holidays), DeadlinePolicy{}, *s,
                     parse_tier(tier).value_or(ResolutionTier::kNormative), date_or_epoch(started));
  val o = val::object();
  o.set("stage", std::string(to_string(d.stage)));
  o.set("started", format_iso_date(d.started));
  o.set("due", format_iso_date(d.due));
  return o;
}

// The working days each stage may take, for the pages that explain the process ("how it
// works"). The defaults of DeadlinePolicy, which the server applies as well.
val deadline_policy_js() {
  const DeadlinePolicy p;
  val resolution = val::object();
  resolution.set("light", p.resolution_light);
  resolution.set("normative", p.resolution_normative);
  resolution.set("noInvestigation", p.resolution_no_investigation);
  resolution.set("investigation", p.resolution_investigation);
  val o = val::object();
  o.set("verification", p.verification);
  o.set("firstResponse", p.first_response);
  o.set("resolution", resolution);
  o.set("citizenConfirmation", p.citizen_confirmation);
  o.set("escalationAfterForward", p.escalation_after_forward);
  return o;
}

std::string local_date_js(double unix_seconds, int offset_minutes) {
  return format_iso_date(local_date(static_cast<int64_t>(unix_seconds), offset_minutes));
}

// ---- category suggestion ----

// The model as GET /api/v1/categories/model sends it (server/formats/category_model_json.h), parsed
// by the page. Anything not of that shape gives an empty model, which suggests nothing.
CategoryModel category_model_from_js(const val& doc) {
  CategoryModel model;
  if (doc.isUndefined() || doc.isNull() || !doc["categories"].isArray()) return model;
  const val categories = doc["categories"];
  const val object = val::global("Object");
  const int n = categories["length"].as<int>();
  for (int i = 0; i < n; ++i) {
    const val c = categories[i];
    const val terms = c["terms"];
    const auto prior = number_field(c, "prior"), unseen = number_field(c, "unseen");
    if (!prior || !unseen || terms.isUndefined() || terms.isNull()) return {};
    CategoryWeights w{string_field(c, "code"), *prior, *unseen, {}};
    for (const std::string& k : string_list(object.call<val>("keys", terms))) {
      const auto weight = number_field(terms, k.c_str());
      if (weight) w.terms.emplace_back(k, *weight);
    }
    model.categories.push_back(std::move(w));
  }
  return model;
}

// The page's category model: loaded once (its term index is the costly part) and used by
// every suggestion after. A page has one model; plain functions rather than an embind class
// keep the module small and spare the page a delete().
std::optional<CategoryScorer>& page_scorer() {
  static std::optional<CategoryScorer> scorer;
  return scorer;
}

// How many categories the model has; 0 suggests nothing.
int load_category_model_js(val model) {
  page_scorer().emplace(category_model_from_js(model));
  return static_cast<int>(page_scorer()->categories());
}

// [{code, probability}], most likely first: what to offer for this text, or nothing.
val suggest_categories_js(std::string text, int max) {
  if (!page_scorer()) return val::array();
  return to_array(page_scorer()->suggest(text, max < 1 ? 1 : static_cast<size_t>(max)),
                  [](const CategoryScore& s) {
                    val o = val::object();
                    o.set("code", s.code);
                    o.set("probability", s.probability);
                    return o;
                  });
}

}  // namespace
}  // namespace aduan

EMSCRIPTEN_BINDINGS(aduan_core) {
  using namespace aduan;
  emscripten::function("validateReport", &validate_report_js);
  emscripten::function("validateAction", &validate_action_js);
  emscripten::function("privacyChangeErrors", &privacy_change_errors_js);
  emscripten::function("limits", &limits_js);
  emscripten::function("noteLimits", &note_limits_js);
  emscripten::function("checkPhone", &check_phone_js);
  emscripten::function("checkAttachment", &check_attachment_js);
  emscripten::function("checkEmail", &check_email_js);
  emscripten::function("checkNik", &check_nik_js);
  emscripten::function("normalizePhone", &normalize_phone_js);
  emscripten::function("parseContact", &parse_contact_js);
  emscripten::function("countCharacters", &count_characters_js);
  emscripten::function("parseTrackingId", &parse_tracking_id_js);
  emscripten::function("statuses", &statuses_js);
  emscripten::function("status", &status_js);
  emscripten::function("allowedActions", &allowed_actions_js);
  emscripten::function("findTransition", &find_transition_js);
  emscripten::function("maxActionAttachments", &max_action_attachments_js);
  emscripten::function("addWorkingDays", &add_working_days_js);
  emscripten::function("workingDaysBetween", &working_days_between_js);
  emscripten::function("deadlineColour", &deadline_colour_js);
  emscripten::function("stageDeadline", &stage_deadline_js);
  emscripten::function("deadlinePolicy", &deadline_policy_js);
  emscripten::function("localDate", &local_date_js);
  emscripten::function("loadCategoryModel", &load_category_model_js);
  emscripten::function("suggestCategories", &suggest_categories_js);
}

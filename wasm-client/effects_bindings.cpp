// The core's decision of what an action does to a report (shared/effects.h), for the
// tests that run tests/vectors/core.json in wasm. The pages do not use it yet, so it is
// built into a module of its own (aduan_core_checks) and the page's core keeps its size.
#include <emscripten/bind.h>

#include "shared/deadlines.h"
#include "shared/effects.h"
#include "wasm-client/js_values.h"

namespace aduan {
namespace {

// ---- what an action does to a report (shared/effects.h) ----

std::optional<int64_t> id_field(const val& obj, const char* name) {
  const auto n = number_field(obj, name);
  return n && *n == *n ? std::optional<int64_t>(static_cast<int64_t>(*n)) : std::nullopt;
}

val id_to_js(std::optional<int64_t> id) { return id ? val(static_cast<double>(*id)) : val::null(); }

// A report's state as {status, agency_id, assigned_user_id, category_id, classification,
// tier, returned, anonymous, confidential, archive_reason, duplicate_of, rating,
// rating_comment}; ids are numbers or null.
ReportState state_from_js(const val& s) {
  ReportState r;
  r.status = parse_status(string_field(s, "status")).value_or(Status::kSubmitted);
  r.agency_id = id_field(s, "agency_id");
  r.assigned_user_id = id_field(s, "assigned_user_id");
  r.category_id = id_field(s, "category_id").value_or(0);
  r.classification = string_field(s, "classification");
  r.tier = parse_tier(string_field(s, "tier")).value_or(ResolutionTier::kNormative);
  r.returned = s["returned"].isTrue();
  r.anonymous = s["anonymous"].isTrue();
  r.confidential = s["confidential"].isTrue();
  r.archive_reason = string_field(s, "archive_reason");
  r.duplicate_of = string_field(s, "duplicate_of");
  if (const auto rating = id_field(s, "rating")) r.rating = static_cast<int>(*rating);
  r.rating_comment = string_field(s, "rating_comment");
  return r;
}

val state_to_js(const ReportState& r) {
  val o = val::object();
  o.set("status", std::string(to_string(r.status)));
  o.set("agency_id", id_to_js(r.agency_id));
  o.set("assigned_user_id", id_to_js(r.assigned_user_id));
  o.set("category_id", static_cast<double>(r.category_id));
  o.set("classification", r.classification);
  o.set("tier", std::string(to_string(r.tier)));
  o.set("returned", r.returned);
  o.set("anonymous", r.anonymous);
  o.set("confidential", r.confidential);
  o.set("archive_reason", r.archive_reason);
  o.set("duplicate_of", r.duplicate_of);
  o.set("rating", r.rating ? val(*r.rating) : val::null());
  o.set("rating_comment", r.rating_comment);
  return o;
}

// `found`: {agency_id?, category_id?, officer_id?, officer_name?, original_found?}.
// Returns {refusal, errors, clock, after, events, notices, back_in_search, follow_original}.
val decide_action_js(val before, std::string action, std::string role, val input, val found,
                     val agency) {
  const auto a = parse_action(action);
  const auto r = parse_role(role);
  if (!a || !r) return val::null();
  FoundInput f;
  f.agency_id = id_field(found, "agency_id");
  f.category_id = id_field(found, "category_id");
  f.officer_id = id_field(found, "officer_id");
  f.officer_name = string_field(found, "officer_name");
  f.original_found = found["original_found"].isTrue();
  // The flags that choose who reads the entry and who may see the report, beside the form.
  ActionInput in = action_input_from_js(input);
  in.is_public = !input["is_public"].isFalse();
  in.publish = input["publish"].isTrue();
  privacy_flags_from_js(input, &in);
  const ActionEffects e = decide_action(state_from_js(before), *a, *r, in, f, agency_rules(agency));
  val o = val::object();
  o.set("refusal", std::string(to_string(e.refusal)));
  o.set("errors", errors_to_js(e.errors));
  o.set("clock", std::string(to_string(e.transition.clock)));
  o.set("after", state_to_js(e.after));
  o.set("events", to_array(e.events, [](const EventDraft& d) {
          val v = val::object();
          v.set("action", std::string(to_string(d.action)));
          v.set("from", std::string(to_string(d.from)));
          v.set("note", d.note);
          v.set("visibility", std::string(to_string(d.visibility)));
          v.set("agency_id", id_to_js(d.agency_id));
          return v;
        }));
  o.set("notices", to_array(e.notices, [](const Notice& n) {
          val v = val::object();
          v.set("event", n.event);
          v.set("note", n.note);
          v.set("status_changed", n.status_changed);
          return v;
        }));
  o.set("back_in_search", e.back_in_search);
  o.set("follow_original", e.follow_original);
  return o;
}

}  // namespace
}  // namespace aduan

EMSCRIPTEN_BINDINGS(aduan_effects) {
  emscripten::function("decideAction", &aduan::decide_action_js);
}

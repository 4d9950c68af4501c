// Runs tests/vectors/core.json through the native core. tests/wasm/vectors.test.mjs runs the
// same file through the wasm build, so the browser and the server agree case by case.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "http/json/codec.h"
#include "model/region_catalog.h"
#include "shared/calendar.h"
#include "shared/deadlines.h"
#include "shared/effects.h"
#include "shared/regions.h"
#include "shared/text.h"
#include "shared/tracking_id.h"
#include "shared/validation.h"
#include "shared/workflow.h"
#include "support/test_paths.h"

namespace aduan {
namespace {

using nlohmann::json;

const json& vectors() {
  static const json v = [] {
    std::ifstream in(ADUAN_VECTORS);
    return json::parse(in);
  }();
  return v;
}

Date d(const json& v) { return *parse_iso_date(v.get<std::string>()); }

WorkingCalendar vector_calendar() {
  std::vector<Date> days;
  for (const json& h : vectors()["working_days"]["holidays"]) days.push_back(d(h));
  return WorkingCalendar(days);
}

// The case's input: `replace` as it is, or `patch` merged over `base` at the top level.
json case_input(const json& c) {
  if (c.contains("replace")) return c["replace"];
  json input = vectors()["validation"]["base"];
  for (const auto& [key, value] : c["patch"].items()) input[key] = value;
  return input;
}

TEST(Vectors, Validation) {
  const json& v = vectors()["validation"];
  ValidationContext ctx;
  ctx.today = d(v["context"]["today"]);
  ctx.categories = v["context"]["categories"].get<std::vector<std::string>>();
  ctx.agencies = v["context"]["agencies"].get<std::vector<std::string>>();
  ASSERT_GE(v["cases"].size(), 30u);
  for (const json& c : v["cases"]) {
    const DecodedReport decoded = decode_report_json(case_input(c).dump());
    ASSERT_FALSE(decoded.malformed);
    ASSERT_TRUE(decoded.errors.empty()) << c["name"];
    json got = json::array();
    for (const FieldError& e : validate_report(decoded.input, ctx)) {
      got.push_back({{"field", e.field}, {"code", to_string(e.code)}});
    }
    EXPECT_EQ(got, c["errors"]) << c["name"].get<std::string>();
  }
}

// One list: the core's region table (generated at build time) holds exactly the areas of
// the server's region catalog (read from the same embedded files).
TEST(Vectors, CoreRegionTableIsTheCatalog) {
  const RegionCatalog& catalog = RegionCatalog::embedded();
  size_t walked = 0;
  std::vector<std::string> pending = {""};
  while (!pending.empty()) {
    const std::string parent = pending.back();
    pending.pop_back();
    for (const Region* r : catalog.children(parent)) {
      ++walked;
      EXPECT_TRUE(known_region(r->code)) << r->code;
      pending.push_back(r->code);
    }
  }
  EXPECT_EQ(walked, catalog.size());
  EXPECT_EQ(known_region_count(), catalog.size());
}

TEST(Vectors, TrackingIds) {
  for (const json& c : vectors()["tracking_ids"]) {
    const ParsedTrackingId p = parse_tracking_id(c["input"].get<std::string>());
    EXPECT_EQ(to_string(p.error), c["error"].get<std::string>()) << c["input"];
    if (c.contains("canonical")) {
      EXPECT_EQ(p.canonical, c["canonical"].get<std::string>());
    }
  }
}

TEST(Vectors, WorkingDays) {
  const WorkingCalendar cal = vector_calendar();
  const json& v = vectors()["working_days"];
  for (const json& c : v["add"]) {
    EXPECT_EQ(format_iso_date(cal.add_working_days(d(c["start"]), c["n"].get<int>())),
              c["expect"].get<std::string>())
        << c;
  }
  for (const json& c : v["between"]) {
    EXPECT_EQ(cal.working_days_between(d(c["from"]), d(c["to"])), c["expect"].get<int>()) << c;
  }
  for (const json& c : v["colour"]) {
    EXPECT_EQ(to_string(deadline_colour(cal, d(c["started"]), d(c["due"]), d(c["today"]))),
              c["expect"].get<std::string>())
        << c;
  }
  for (const json& c : v["stages"]) {
    const StageDeadline s =
        stage_deadline(cal, DeadlinePolicy{}, *parse_stage(c["stage"].get<std::string>()),
                       *parse_tier(c["tier"].get<std::string>()), d(c["started"]));
    EXPECT_EQ(format_iso_date(s.due), c["due"].get<std::string>()) << c;
  }
}

// A vector's "agency": the rules of the report's agency, absent for the defaults.
AgencyRules agency_rules(const json& c) {
  AgencyRules rules;
  if (c.contains("agency")) rules.officers_resolve = c["agency"].value("officers_resolve", false);
  return rules;
}

TEST(Vectors, Workflow) {
  for (const json& c : vectors()["workflow"]) {
    const std::string from = c["from"];
    const auto t = find_transition(from.empty() ? std::nullopt : parse_status(from),
                                   *parse_action(c["action"].get<std::string>()),
                                   *parse_role(c["role"].get<std::string>()), agency_rules(c));
    if (c["to"].is_null()) {
      EXPECT_FALSE(t) << c;
      continue;
    }
    ASSERT_TRUE(t) << c;
    EXPECT_EQ(to_string(t->to), c["to"].get<std::string>());
    EXPECT_EQ(to_string(t->clock), c["clock"].get<std::string>());
    EXPECT_EQ(to_string(t->stage), c["stage"].get<std::string>());
  }
  for (const json& c : vectors()["allowed_actions"]) {
    std::vector<std::string> got;
    for (Action a : allowed_actions(*parse_status(c["status"].get<std::string>()),
                                    *parse_role(c["role"].get<std::string>()), agency_rules(c))) {
      got.emplace_back(to_string(a));
    }
    EXPECT_EQ(got, c["expect"].get<std::vector<std::string>>()) << c;
  }
}

TEST(Vectors, CharactersAndPhones) {
  for (const json& c : vectors()["characters"]) {
    EXPECT_EQ(count_characters(c["text"].get<std::string>()), c["count"].get<size_t>()) << c;
  }
  for (const json& c : vectors()["phones"]) {
    const std::string input = c["input"];
    EXPECT_EQ(normalize_phone(input), c["normalized"].get<std::string>());
    const auto code = check_phone(input);
    EXPECT_EQ(code ? std::string(to_string(*code)) : "", c["error"].get<std::string>());
  }
}

TEST(Vectors, Contacts) {
  for (const json& c : vectors()["contacts"]) {
    const ContactKey k = parse_contact(c["input"].get<std::string>());
    EXPECT_EQ(k.is_email, c["email"].get<bool>()) << c;
    EXPECT_EQ(k.key, c["key"].get<std::string>()) << c;
    EXPECT_EQ(k.error ? std::string(to_string(*k.error)) : "", c["error"].get<std::string>()) << c;
  }
}

// ---- what an action does (shared/effects.h) ----

std::optional<int64_t> optional_id(const json& v) {
  return v.is_null() ? std::nullopt : std::optional<int64_t>(v.get<int64_t>());
}

// The state `defaults` + `over`, as the vector file writes it.
json state_json(const json& over) {
  json s = vectors()["effects"]["defaults"];
  for (const auto& [key, value] : over.items()) s[key] = value;
  return s;
}

ReportState state_from(const json& s) {
  ReportState r;
  r.status = *parse_status(s["status"].get<std::string>());
  r.agency_id = optional_id(s["agency_id"]);
  r.assigned_user_id = optional_id(s["assigned_user_id"]);
  r.category_id = s["category_id"];
  r.classification = s["classification"];
  r.tier = *parse_tier(s["tier"].get<std::string>());
  r.returned = s["returned"];
  r.anonymous = s["anonymous"];
  r.confidential = s["confidential"];
  r.archive_reason = s["archive_reason"];
  r.duplicate_of = s["duplicate_of"];
  if (!s["rating"].is_null()) r.rating = s["rating"].get<int>();
  r.rating_comment = s["rating_comment"];
  return r;
}

json state_to_json(const ReportState& r) {
  auto id = [](std::optional<int64_t> v) { return v ? json(*v) : json(nullptr); };
  return {{"status", to_string(r.status)},
          {"agency_id", id(r.agency_id)},
          {"assigned_user_id", id(r.assigned_user_id)},
          {"category_id", r.category_id},
          {"classification", r.classification},
          {"tier", to_string(r.tier)},
          {"returned", r.returned},
          {"anonymous", r.anonymous},
          {"confidential", r.confidential},
          {"archive_reason", r.archive_reason},
          {"duplicate_of", r.duplicate_of},
          {"rating", r.rating ? json(*r.rating) : json(nullptr)},
          {"rating_comment", r.rating_comment}};
}

ActionInput action_input(const json& v) {
  ActionInput in;
  in.note = v.value("note", "");
  in.is_public = v.value("is_public", true);
  in.publish = v.value("publish", false);
  in.agency = v.value("agency", "");
  in.classification = v.value("classification", "");
  in.category = v.value("category", "");
  if (v.contains("anonymous")) in.anonymous = v["anonymous"].get<bool>();
  if (v.contains("confidential")) in.confidential = v["confidential"].get<bool>();
  in.tier = v.value("tier", "");
  in.officer = v.value("officer", "");
  in.archive_reason = v.value("archive_reason", "");
  in.duplicate_of = v.value("duplicate_of", "");
  if (v.contains("rating")) in.rating = v["rating"].get<int>();
  return in;
}

FoundInput found_input(const json& v) {
  FoundInput f;
  if (v.contains("agency_id")) f.agency_id = v["agency_id"].get<int64_t>();
  if (v.contains("category_id")) f.category_id = v["category_id"].get<int64_t>();
  if (v.contains("officer_id")) f.officer_id = v["officer_id"].get<int64_t>();
  f.officer_name = v.value("officer_name", "");
  f.original_found = v.value("original_found", false);
  return f;
}

TEST(Vectors, Effects) {
  const json& cases = vectors()["effects"]["cases"];
  ASSERT_GE(cases.size(), 30u);
  for (const json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const json before = state_json(c["before"]);
    const ActionEffects e =
        decide_action(state_from(before), *parse_action(c["action"].get<std::string>()),
                      *parse_role(c["role"].get<std::string>()), action_input(c["input"]),
                      found_input(c["found"]), agency_rules(c));
    const json& expect = c["expect"];
    EXPECT_EQ(to_string(e.refusal), expect["refusal"].get<std::string>());
    json errors = json::array();
    for (const FieldError& f : e.errors) {
      errors.push_back({{"field", f.field}, {"code", to_string(f.code)}});
    }
    EXPECT_EQ(errors, expect.value("errors", json::array()));
    if (e.refusal != ActionEffects::Refusal::kNone) continue;
    EXPECT_EQ(to_string(e.transition.clock), expect["clock"].get<std::string>());
    json after = before;
    for (const auto& [key, value] : expect["changes"].items()) after[key] = value;
    EXPECT_EQ(state_to_json(e.after), after);
    json events = json::array();
    for (const EventDraft& d : e.events) {
      events.push_back({{"action", to_string(d.action)},
                        {"from", to_string(d.from)},
                        {"note", d.note},
                        {"visibility", to_string(d.visibility)},
                        {"agency_id", d.agency_id ? json(*d.agency_id) : json(nullptr)}});
    }
    EXPECT_EQ(events, expect["events"]);
    json notices = json::array();
    for (const Notice& n : e.notices) {
      notices.push_back(
          {{"event", n.event}, {"note", n.note}, {"status_changed", n.status_changed}});
    }
    EXPECT_EQ(notices, expect["notices"]);
    EXPECT_EQ(e.back_in_search, expect.value("back_in_search", false));
    EXPECT_EQ(e.follow_original, expect.value("follow_original", false));
  }
}

}  // namespace
}  // namespace aduan

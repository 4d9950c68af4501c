// Plain JS values to the core's types and back, for the embind bindings (bindings.cpp, the
// page's core; effects_bindings.cpp, the module the tests load). No rule is decided here.
#pragma once

#include <emscripten/val.h>

#include <cctype>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "shared/actions.h"
#include "shared/validation.h"
#include "shared/workflow.h"

namespace aduan {

using emscripten::val;

inline std::string string_field(const val& obj, const char* name) {
  if (obj.isUndefined() || obj.isNull()) return {};
  const val v = obj[name];
  if (v.isString()) return v.as<std::string>();
  // As JavaScript writes it ("12", not to_string's "12.000000", whose printf would come into
  // the download with its long-double arithmetic).
  if (v.isNumber()) return val::global("String")(v).as<std::string>();
  return {};
}

inline std::optional<double> number_field(const val& obj, const char* name) {
  if (obj.isUndefined() || obj.isNull()) return std::nullopt;
  const val v = obj[name];
  if (v.isNumber()) return v.as<double>();
  // A form field gives text; an empty one means "not given".
  if (v.isString()) {
    const std::string s = v.as<std::string>();
    if (s.empty()) return std::nullopt;
    // JavaScript's Number() reads it, not strtod, which would bring musl's long-double
    // arithmetic into the download. Number() reads blanks as 0 and drops trailing spaces;
    // strtod refused both, and a blank coordinate must not become 0, so they stay NaN.
    if (std::isspace(static_cast<unsigned char>(s.back()))) {
      return std::numeric_limits<double>::quiet_NaN();
    }
    return val::global("Number")(v).as<double>();
  }
  return std::nullopt;
}

inline std::vector<std::string> string_list(const val& arr) {
  std::vector<std::string> out;
  if (arr.isUndefined() || arr.isNull()) return out;
  const int n = arr["length"].as<int>();
  for (int i = 0; i < n; ++i) out.push_back(arr[i].as<std::string>());
  return out;
}

template <typename T, typename Fn>
inline val to_array(const std::vector<T>& items, Fn fn) {
  val out = val::array();
  for (size_t i = 0; i < items.size(); ++i) out.set(i, fn(items[i]));
  return out;
}

inline val errors_to_js(const std::vector<FieldError>& errors) {
  return to_array(errors, [](const FieldError& e) {
    val o = val::object();
    o.set("field", e.field);
    o.set("code", std::string(to_string(e.code)));
    return o;
  });
}

// The privacy flags `from` asks for ({anonymous?, confidential?}, booleans; left out: kept).
inline void privacy_flags_from_js(const val& from, ActionInput* in) {
  for (const char* flag : {"anonymous", "confidential"}) {
    const val v = from[flag];
    if (!v.isTrue() && !v.isFalse()) continue;
    (std::string(flag) == "anonymous" ? in->anonymous : in->confidential) = v.isTrue();
  }
}

// An action's form as the pages hold it, the fields validate_action reads: strings, and a
// number for the rating. The privacy flags: privacy_flags_from_js.
inline ActionInput action_input_from_js(const val& input) {
  ActionInput in;
  in.note = string_field(input, "note");
  in.agency = string_field(input, "agency");
  in.classification = string_field(input, "classification");
  in.category = string_field(input, "category");
  in.tier = string_field(input, "tier");
  in.officer = string_field(input, "officer");
  in.archive_reason = string_field(input, "archive_reason");
  in.duplicate_of = string_field(input, "duplicate_of");
  in.attachments = string_list(input["attachments"]);
  const auto rating = number_field(input, "rating");
  if (rating && *rating == *rating) in.rating = static_cast<int>(*rating);
  return in;
}

// An agency's rules as the staff report carries them: {officers_resolve: bool}.
inline AgencyRules agency_rules(val agency) {
  AgencyRules rules;
  if (!agency.isUndefined() && !agency.isNull()) {
    rules.officers_resolve = agency["officers_resolve"].isTrue();
  }
  return rules;
}

}  // namespace aduan

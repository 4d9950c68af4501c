#include "notify/templates.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "base/embedded.h"

namespace aduan {
namespace {

using nlohmann::json;

const json& templates() {
  static const json doc = json::parse(embedded_data_file("notification-templates.json"));
  return doc;
}

std::string text_of(const std::string& language, const std::string& event, const char* part) {
  for (const std::string& lang : {language, std::string("id")}) {
    const json& t = templates();
    if (t.contains(lang) && t[lang].contains(event) && t[lang][event].contains(part)) {
      return t[lang][event][part].get<std::string>();
    }
  }
  return {};
}

}  // namespace

std::string fill_placeholders(const std::string& text, const TemplateVars& vars) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string::npos) {
        const auto it = vars.find(text.substr(i + 1, close - i - 1));
        if (it != vars.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

RenderedMessage render_message(const std::string& language, const std::string& event,
                               const TemplateVars& vars) {
  return RenderedMessage{fill_placeholders(text_of(language, event, "subject"), vars),
                         fill_placeholders(text_of(language, event, "body"), vars),
                         fill_placeholders(text_of(language, event, "short"), vars)};
}

namespace {

// The length limits a field has, for the sentences that name them.
std::optional<std::pair<size_t, size_t>> length_limits(const std::string& field) {
  const Limits limits;
  if (field == "title") return std::pair{limits.title_min, limits.title_max};
  if (field == "body") return std::pair{limits.body_min, limits.body_max};
  if (field == "location.text") return std::pair{limits.location_min, limits.location_max};
  return std::nullopt;
}

// "attachments.2" reads as "attachments", "location.text" as itself if named, else
// "location", and anything else as "*".
std::string field_label(const json& fields, std::string field) {
  while (!field.empty()) {
    if (fields.contains(field)) return fields[field].get<std::string>();
    const size_t dot = field.rfind('.');
    if (dot == std::string::npos) break;
    field.resize(dot);
  }
  return fields.value("*", std::string());
}

}  // namespace

std::string field_problem_text(const std::string& language, const FieldError& error) {
  const json& all = templates()["field_problems"];
  const json& texts = all.contains(language) ? all[language] : all["id"];
  const json& codes = texts["codes"];
  std::string code(to_string(error.code));
  const auto limits = length_limits(error.field);
  if ((code == "too_short" || code == "too_long") && !limits) code += "_plain";
  const std::string sentence =
      codes.contains(code) ? codes[code].get<std::string>() : codes["*"].get<std::string>();
  TemplateVars vars{{"field", field_label(texts["fields"], error.field)}};
  if (limits) {
    vars["min"] = std::to_string(limits->first);
    vars["max"] = std::to_string(limits->second);
  }
  return fill_placeholders(sentence, vars);
}

std::string field_problems_text(const std::string& language,
                                const std::vector<FieldError>& errors) {
  std::string out;
  std::vector<std::string> said;
  for (const FieldError& e : errors) {
    std::string sentence = field_problem_text(language, e);
    if (std::find(said.begin(), said.end(), sentence) != said.end()) continue;
    out += (out.empty() ? "" : "; ") + sentence;
    said.push_back(std::move(sentence));
  }
  return out;
}

std::string status_label(const std::string& language, const std::string& status) {
  const json& labels = templates()["status"];
  const std::string lang = labels.contains(language) ? language : "id";
  return labels[lang].value(status, status);
}

}  // namespace aduan

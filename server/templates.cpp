#include "templates.h"

#include <nlohmann/json.hpp>

#include "embedded.h"

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

std::string status_label(const std::string& language, const std::string& status) {
  const json& labels = templates()["status"];
  const std::string lang = labels.contains(language) ? language : "id";
  return labels[lang].value(status, status);
}

}  // namespace aduan

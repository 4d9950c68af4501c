// Notification texts from server/data/notification-templates.json (embedded), in the
// recipient's language, with {placeholders} filled in.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "shared/validation.h"

namespace aduan {

struct RenderedMessage {
  std::string subject;
  std::string body;        // for email
  std::string short_text;  // for WhatsApp and SMS
};

using TemplateVars = std::map<std::string, std::string>;

// `language` "id" or "en"; a text missing in English falls back to Indonesian. Unknown
// events render empty texts.
RenderedMessage render_message(const std::string& language, const std::string& event,
                               const TemplateVars& vars);

// The name of a status for citizens in `language`.
std::string status_label(const std::string& language, const std::string& status);

// What a citizen reads for one field problem, in `language` ("id" or "en"; others read
// Indonesian): "Judul terlalu pendek (minimal 10 karakter)", never the field's path or the
// code. Texts are the "field_problems" of the templates file.
std::string field_problem_text(const std::string& language, const FieldError& error);

// Every problem's sentence, joined with "; " (each field once per code).
std::string field_problems_text(const std::string& language, const std::vector<FieldError>& errors);

// Replaces every {name} of `vars` in `text`; unknown names stay as they are.
std::string fill_placeholders(const std::string& text, const TemplateVars& vars);

}  // namespace aduan

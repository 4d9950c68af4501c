#include "shared/accounts.h"

#include <algorithm>
#include <cctype>

#include "shared/text.h"

namespace aduan {
namespace {

bool is_lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// A one-line text field: required, valid UTF-8 without control characters, not blank,
// within [min, max] characters. Normalises `value` as it will be stored.
void check_line(const std::string& field, std::string* value, size_t min, size_t max,
                std::vector<FieldError>* out) {
  if (value->empty()) return out->push_back({field, FieldCode::kRequired});
  switch (check_text(*value, false)) {
    case TextProblem::kInvalidUtf8:
      return out->push_back({field, FieldCode::kInvalidUtf8});
    case TextProblem::kControlCharacter:
      return out->push_back({field, FieldCode::kControlCharacter});
    case TextProblem::kNone:
      break;
  }
  *value = normalize_line(*value);
  if (value->empty() || is_blank(*value)) return out->push_back({field, FieldCode::kBlank});
  const size_t n = count_characters(*value);
  if (n < min) out->push_back({field, FieldCode::kTooShort});
  if (n > max) out->push_back({field, FieldCode::kTooLong});
}

// A code made of `allowed` characters after folding to one case (`upper`), starting with a
// letter or digit, within AccountLimits' code lengths.
void check_code(const std::string& field, std::string* value, bool upper, bool dots, size_t min,
                size_t max, std::vector<FieldError>* out) {
  std::string folded;
  for (char c : *value) {
    if (c == ' ' || c == '\t') continue;  // spaces around what was typed
    folded += upper ? char(std::toupper(static_cast<unsigned char>(c)))
                    : char(std::tolower(static_cast<unsigned char>(c)));
  }
  *value = folded;
  if (value->empty()) return out->push_back({field, FieldCode::kRequired});
  if (value->size() < min) return out->push_back({field, FieldCode::kTooShort});
  if (value->size() > max) return out->push_back({field, FieldCode::kTooLong});
  for (size_t i = 0; i < value->size(); ++i) {
    const char c =
        upper ? char(std::tolower(static_cast<unsigned char>((*value)[i]))) : (*value)[i];
    const bool punct = c == '-' || c == '_' || (dots && c == '.');
    if (!is_lower_or_digit(c) && !(punct && i > 0)) {
      return out->push_back({field, FieldCode::kInvalidFormat});
    }
  }
}

}  // namespace

std::optional<Role> parse_account_role(std::string_view name) {
  const auto role = parse_role(name);
  if (!role || *role == Role::kCitizen || *role == Role::kSystem) return std::nullopt;
  return role;
}

bool role_needs_agency(Role role) {
  return role == Role::kAgencyAdmin || role == Role::kAgencyOfficer;
}

std::vector<FieldError> validate_account(AccountInput* in, bool agency_known) {
  std::vector<FieldError> out;
  check_code("username", &in->username, false, true, AccountLimits::kUsernameMin,
             AccountLimits::kUsernameMax, &out);
  check_line("display_name", &in->display_name, AccountLimits::kNameMin, AccountLimits::kNameMax,
             &out);
  const auto role = parse_account_role(in->role);
  if (in->role.empty()) {
    out.push_back({"role", FieldCode::kRequired});
  } else if (!role) {
    out.push_back({"role", FieldCode::kUnknownRole});
  }
  if (role && role_needs_agency(*role) && in->agency.empty()) {
    out.push_back({"agency", FieldCode::kRequired});
  } else if (role && !role_needs_agency(*role) && !in->agency.empty()) {
    out.push_back({"agency", FieldCode::kNotAllowed});
  } else if (!in->agency.empty() && !agency_known) {
    out.push_back({"agency", FieldCode::kUnknownAgency});
  }
  if (!in->email.empty()) {
    if (const auto c = check_email(in->email)) out.push_back({"email", *c});
  }
  if (!in->phone.empty()) {
    if (const auto c = check_phone(in->phone)) out.push_back({"phone", *c});
  }
  return out;
}

std::vector<FieldError> validate_password(const std::string& password,
                                          const std::string& username) {
  std::vector<FieldError> out;
  if (password.empty()) return {{"password", FieldCode::kRequired}};
  if (check_text(password, false) == TextProblem::kInvalidUtf8) {
    return {{"password", FieldCode::kInvalidUtf8}};
  }
  if (is_blank(password)) return {{"password", FieldCode::kBlank}};
  const size_t n = count_characters(password);
  if (n < AccountLimits::kPasswordMin) out.push_back({"password", FieldCode::kTooShort});
  if (n > AccountLimits::kPasswordMax) out.push_back({"password", FieldCode::kTooLong});
  std::string lowered = password;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  // The username is the first guess of anyone trying the account.
  if (out.empty() && lowered == username) out.push_back({"password", FieldCode::kInvalidFormat});
  return out;
}

std::vector<FieldError> validate_agency(AgencyInput* in, bool parent_known) {
  std::vector<FieldError> out;
  check_code("code", &in->code, true, false, AccountLimits::kCodeMin, AccountLimits::kCodeMax,
             &out);
  check_line("name", &in->name, AccountLimits::kCatalogueNameMin, AccountLimits::kCatalogueNameMax,
             &out);
  if (!in->parent.empty() && !parent_known) out.push_back({"parent", FieldCode::kUnknownAgency});
  return out;
}

std::vector<FieldError> validate_category(CategoryInput* in, bool agency_known) {
  std::vector<FieldError> out;
  check_code("code", &in->code, false, false, AccountLimits::kCodeMin, AccountLimits::kCodeMax,
             &out);
  check_line("name", &in->name, AccountLimits::kCatalogueNameMin, AccountLimits::kCatalogueNameMax,
             &out);
  if (!in->name_en.empty()) {
    check_line("name_en", &in->name_en, AccountLimits::kCatalogueNameMin,
               AccountLimits::kCatalogueNameMax, &out);
  }
  if (!in->agency.empty() && !agency_known) out.push_back({"agency", FieldCode::kUnknownAgency});
  return out;
}

bool makes_cycle(int64_t id, int64_t parent,
                 const std::vector<std::pair<int64_t, int64_t>>& parents) {
  // Walk up from the new parent; meeting `id` means it would be its own ancestor. The walk
  // is bounded by the number of agencies, so a cycle already in the store cannot hang it.
  int64_t at = parent;
  for (size_t steps = 0; steps <= parents.size(); ++steps) {
    if (at == id) return true;
    const auto up =
        std::find_if(parents.begin(), parents.end(), [at](const auto& p) { return p.first == at; });
    if (up == parents.end()) return false;
    at = up->second;
  }
  return true;
}

AccountGuard may_disable(int64_t actor_id, int64_t target_id, Role target_role,
                         int64_t active_admins) {
  if (actor_id == target_id) return AccountGuard::kSelf;
  if (target_role == Role::kSystemAdmin && active_admins <= 1) return AccountGuard::kLastAdmin;
  return AccountGuard::kAllowed;
}

}  // namespace aduan

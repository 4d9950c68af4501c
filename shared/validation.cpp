#include "shared/validation.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "shared/attachments.h"
#include "shared/field_path.h"
#include "shared/names.h"
#include "shared/regions.h"
#include "shared/text.h"

namespace aduan {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

int two_digits(std::string_view s, size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); }

// Digits of a phone number with its separators removed; "+" kept only in front.
std::string phone_digits(std::string_view phone) {
  std::string out;
  for (char c : phone) {
    if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') continue;
    out.push_back(c);
  }
  return out;
}

// The national significant number (no 0, 62 or +62 prefix), or empty when unrecognised.
std::string national_number(std::string_view phone) {
  const std::string s = phone_digits(phone);
  std::string_view rest = s;
  if (rest.rfind("+62", 0) == 0) {
    rest.remove_prefix(3);
  } else if (rest.rfind("62", 0) == 0) {
    rest.remove_prefix(2);
  } else if (rest.rfind("0", 0) == 0) {
    rest.remove_prefix(1);
  } else {
    return {};
  }
  // Mobile numbers start with 8 (0812...), landlines with an area code 2..7 (021...).
  if (!all_digits(rest) || rest[0] < '2' || rest.size() < 8 || rest.size() > 12) return {};
  return std::string(rest);
}

bool valid_domain_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
    return false;
  }
  return std::all_of(label.begin(), label.end(),
                     [](char c) { return is_alpha(c) || is_digit(c) || c == '-'; });
}

bool valid_region_code(std::string_view s) {
  // Kemendagri area codes: province "63", regency "63.03", district "63.03.05",
  // village "63.03.05.2001".
  static constexpr std::array<size_t, 4> kPartLengths = {2, 2, 2, 4};
  size_t part = 0;
  size_t start = 0;
  while (true) {
    const size_t dot = s.find('.', start);
    const std::string_view piece =
        s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
    if (part >= kPartLengths.size() || piece.size() != kPartLengths[part] || !all_digits(piece)) {
      return false;
    }
    ++part;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

bool contains(const std::vector<std::string>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

class Collector {
 public:
  void add(std::string_view field, FieldCode code) {
    errors_.push_back({std::string(field), code});
  }

  // Checks a text field: `raw` for encoding and characters, `normalized` for length.
  void text(std::string_view field, std::string_view raw, std::string_view normalized,
            bool multiline, bool required, size_t min, size_t max) {
    if (raw.empty()) {
      if (required) add(field, FieldCode::kRequired);
      return;
    }
    switch (check_text(raw, multiline)) {
      case TextProblem::kInvalidUtf8:
        return add(field, FieldCode::kInvalidUtf8);
      case TextProblem::kControlCharacter:
        return add(field, FieldCode::kControlCharacter);
      case TextProblem::kNone:
        break;
    }
    if (normalized.empty()) {
      if (required) add(field, FieldCode::kBlank);  // an optional field of spaces is absent
      return;
    }
    const size_t n = count_characters(normalized);
    if (n < min) return add(field, FieldCode::kTooShort);
    if (n > max) add(field, FieldCode::kTooLong);
  }

  std::vector<FieldError> take() { return std::move(errors_); }

 private:
  std::vector<FieldError> errors_;
};

void check_location(const ReportInput& raw, const ReportInput& n, const Limits& limits,
                    Collector* out) {
  out->text("location.text", raw.location.text, n.location.text, false, true, limits.location_min,
            limits.location_max);
  const auto& lat = n.location.lat;
  const auto& lon = n.location.lon;
  if (lat && (!std::isfinite(*lat) || *lat < -90 || *lat > 90)) {
    out->add("location.lat", FieldCode::kOutOfRange);
  }
  if (lon && (!std::isfinite(*lon) || *lon < -180 || *lon > 180)) {
    out->add("location.lon", FieldCode::kOutOfRange);
  }
  if (lat && !lon) out->add("location.lon", FieldCode::kIncomplete);
  if (lon && !lat) out->add("location.lat", FieldCode::kIncomplete);
  if (!n.location.region_code.empty()) {
    if (!valid_region_code(n.location.region_code)) {
      out->add("location.region_code", FieldCode::kInvalidRegionCode);
    } else if (!known_region(n.location.region_code)) {
      out->add("location.region_code", FieldCode::kUnknownRegion);
    }
  }
}

void check_reporter(const ReportInput& raw, const ReportInput& n, const Limits& limits,
                    Collector* out) {
  out->text("reporter.name", raw.reporter.name, n.reporter.name, false, false, 1, limits.name_max);
  if (!n.reporter.phone.empty()) {
    if (auto code = check_phone(n.reporter.phone)) out->add("reporter.phone", *code);
  }
  if (!n.reporter.email.empty()) {
    if (auto code = check_email(n.reporter.email)) out->add("reporter.email", *code);
  }
  if (!n.reporter.nik.empty()) {
    if (auto code = check_nik(n.reporter.nik)) out->add("reporter.nik", *code);
  }
  // A report passed on by another system through Open311 may come without its reporter: that
  // system keeps them and follows the report by its ID. It is filed anonymous. Every other
  // report needs a way to reach its reporter, anonymous or not.
  const bool passed_on = n.channel == "open311" && n.anonymous;
  if (n.reporter.phone.empty() && n.reporter.email.empty() && !passed_on) {
    out->add("reporter", FieldCode::kContactRequired);
  }
}

}  // namespace

// std::to_chars rather than std::to_string: in the wasm core, to_string brings printf and its
// long-double arithmetic, about 5 KB gzipped of the page's download.
std::string element_field(std::string_view list, size_t index) {
  char digits[24];
  const auto [end, ignored] = std::to_chars(digits, digits + sizeof digits, index);
  std::string out(list);
  out += '.';
  out.append(digits, end);
  return out;
}

namespace {

// Upload handles, at most the limit; the server checks that each upload is finished.
void check_attachments(const ReportInput& n, Collector* out) {
  const AttachmentLimits limits;
  if (n.attachments.size() > limits.max_count) out->add("attachments", FieldCode::kTooMany);
  for (size_t i = 0; i < n.attachments.size(); ++i) {
    const std::string field = element_field("attachments", i);
    if (!valid_upload_id(n.attachments[i])) {
      out->add(field, FieldCode::kInvalidFormat);
    } else if (std::find(n.attachments.begin(), n.attachments.begin() + long(i),
                         n.attachments[i]) != n.attachments.begin() + long(i)) {
      out->add(field, FieldCode::kDuplicate);
    }
  }
}

// clang-format off
constexpr std::array<std::string_view, kFieldCodeCount> kFieldCodeNames = {
    "required", "too_short", "too_long", "blank", "invalid_utf8", "control_character",
    "invalid_format", "invalid_date", "in_future", "invalid_phone", "invalid_email",
    "invalid_nik", "invalid_region_code", "unknown_classification", "unknown_category",
    "unknown_agency", "unknown_channel", "out_of_range", "incomplete", "contact_required",
    "wrong_type", "unknown_tier", "unknown_reason", "invalid_tracking_id", "unknown_officer",
    "unknown_language", "too_many", "unsupported_type", "too_large", "unknown_region",
    "not_ready", "duplicate", "needs_reporter", "unchanged", "unknown_role", "not_allowed",
    "cycle"};
// clang-format on

}  // namespace

std::optional<FieldCode> check_phone(std::string_view phone) {
  if (national_number(phone).empty()) return FieldCode::kInvalidPhone;
  return std::nullopt;
}

std::optional<FieldCode> check_email(std::string_view email) {
  if (email.size() > 254) return FieldCode::kTooLong;
  const size_t at = email.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return FieldCode::kInvalidEmail;
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  static constexpr std::string_view kLocalSpecials = "!#$%&'*+/=?^_`{|}~.-";
  for (char c : local) {
    if (!is_alpha(c) && !is_digit(c) && kLocalSpecials.find(c) == std::string_view::npos) {
      return FieldCode::kInvalidEmail;
    }
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != local.npos) {
    return FieldCode::kInvalidEmail;
  }
  size_t labels = 0;
  std::string_view tld;
  for (size_t start = 0;;) {
    const size_t dot = domain.find('.', start);
    const std::string_view label =
        domain.substr(start, dot == domain.npos ? domain.npos : dot - start);
    if (!valid_domain_label(label)) return FieldCode::kInvalidEmail;
    ++labels;
    tld = label;
    if (dot == domain.npos) break;
    start = dot + 1;
  }
  if (labels < 2 || tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), is_alpha)) {
    return FieldCode::kInvalidEmail;
  }
  return std::nullopt;
}

std::optional<FieldCode> check_nik(std::string_view nik) {
  // 16 digits: province(2) regency(2) district(2) birth day(2, +40 for women) month(2)
  // year(2) serial(4).
  if (nik.size() != 16 || !all_digits(nik)) return FieldCode::kInvalidNik;
  const int province = two_digits(nik, 0);
  const int day = two_digits(nik, 6);
  const int month = two_digits(nik, 8);
  const bool day_ok = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  if (province < 11 || province > 99 || !day_ok || month < 1 || month > 12 ||
      nik.substr(12) == "0000") {
    return FieldCode::kInvalidNik;
  }
  return std::nullopt;
}

std::string normalize_phone(std::string_view phone) {
  const std::string national = national_number(phone);
  return national.empty() ? std::string(phone) : "+62" + national;
}

ContactKey parse_contact(std::string_view typed) {
  ContactKey out;
  const std::string line = normalize_line(typed);
  if (line.empty()) {
    out.error = FieldCode::kContactRequired;
    return out;
  }
  out.is_email = line.find('@') != std::string::npos;
  out.error = out.is_email ? check_email(line) : check_phone(line);
  if (out.error) return out;
  if (!out.is_email) {
    out.key = normalize_phone(line);
    return out;
  }
  out.key = line;
  for (char& c : out.key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

ReportInput normalize_report(const ReportInput& in) {
  ReportInput out = in;
  out.title = normalize_line(in.title);
  out.body = normalize_block(in.body);
  out.incident_date = normalize_line(in.incident_date);
  out.location.text = normalize_line(in.location.text);
  out.location.region_code = normalize_line(in.location.region_code);
  out.category = normalize_line(in.category);
  out.agency = normalize_line(in.agency);
  out.reporter.name = normalize_line(in.reporter.name);
  out.reporter.phone = normalize_phone(normalize_line(in.reporter.phone));
  out.reporter.nik = phone_digits(normalize_line(in.reporter.nik));
  out.reporter.email = normalize_line(in.reporter.email);
  // The domain part is case-insensitive; the local part, strictly, is not.
  const size_t at = out.reporter.email.rfind('@');
  if (at != std::string::npos) {
    for (size_t i = at + 1; i < out.reporter.email.size(); ++i) {
      char& c = out.reporter.email[i];
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    }
  }
  return out;
}

std::vector<FieldError> validate_report(const ReportInput& raw, const ValidationContext& ctx) {
  const ReportInput n = normalize_report(raw);
  const Limits& limits = ctx.limits;
  Collector out;

  if (n.classification.empty()) {
    out.add("classification", FieldCode::kRequired);
  } else if (!parse_classification(n.classification)) {
    out.add("classification", FieldCode::kUnknownClassification);
  }
  out.text("title", raw.title, n.title, false, true, limits.title_min, limits.title_max);
  out.text("body", raw.body, n.body, true, true, limits.body_min, limits.body_max);

  if (n.incident_date.empty()) {
    out.add("incident_date", FieldCode::kRequired);
  } else if (const auto date = parse_iso_date(n.incident_date)) {
    if (*date > ctx.today) out.add("incident_date", FieldCode::kInFuture);
  } else {
    const bool shaped =
        n.incident_date.size() == 10 && n.incident_date[4] == '-' && n.incident_date[7] == '-';
    out.add("incident_date", shaped ? FieldCode::kInvalidDate : FieldCode::kInvalidFormat);
  }

  check_location(raw, n, limits, &out);

  if (n.category.empty()) {
    out.add("category", FieldCode::kRequired);
  } else if (!contains(ctx.categories, n.category)) {
    out.add("category", FieldCode::kUnknownCategory);
  }
  if (!n.agency.empty() && !contains(ctx.agencies, n.agency)) {
    out.add("agency", FieldCode::kUnknownAgency);
  }
  if (!parse_channel(n.channel)) out.add("channel", FieldCode::kUnknownChannel);
  if (n.language != "id" && n.language != "en") out.add("language", FieldCode::kUnknownLanguage);

  check_reporter(raw, n, limits, &out);
  check_attachments(n, &out);
  return out.take();
}

std::string_view to_string(FieldCode c) { return kFieldCodeNames[static_cast<size_t>(c)]; }

}  // namespace aduan

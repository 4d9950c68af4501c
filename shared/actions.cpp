#include "shared/actions.h"

#include <algorithm>
#include <array>

#include "shared/attachments.h"
#include "shared/deadlines.h"
#include "shared/field_path.h"
#include "shared/names.h"
#include "shared/text.h"
#include "shared/tracking_id.h"

namespace aduan {
namespace {

constexpr std::array<std::string_view, kArchiveReasonCount> kArchiveReasonNames = {
    "incomplete", "not_public_service", "abusive", "spam", "duplicate"};

}  // namespace

// A resolution must say what was done; a question must be a question.
NoteLimits note_limits(Action a) {
  switch (a) {
    case Action::kPostpone:
      return {true, 10, 2000};  // the question to the citizen
    case Action::kAnswer:
      return {true, 2, 5000};
    case Action::kReply:
      return {true, 2, 5000};
    case Action::kRespond:
      return {true, 10, 5000};
    case Action::kUpdate:
      return {true, 2, 5000};
    case Action::kReturn:
      return {true, 10, 2000};  // why it is not the agency's remit
    case Action::kResolve:
      return {true, 20, 5000};  // the final follow-up
    case Action::kReopen:
      return {true, 10, 2000};  // why the citizen is not satisfied
    case Action::kComment:
      return {true, 2, 5000};
    case Action::kArchive:
      return {false, 0, 2000};
    case Action::kRate:
    case Action::kConfirm:  // a confirmation's note is the comment of its rating
      return {false, 0, 1000};
    default:
      return {false, 0, 2000};
  }
}

size_t max_action_attachments(Action a) {
  switch (a) {
    case Action::kRespond:
    case Action::kUpdate:
    case Action::kResolve:
    case Action::kComment:
      return AttachmentLimits{}.max_count;
    default:
      return 0;
  }
}

namespace {

// "attachments" too_many past the action's limit; each handle well formed and sent once.
// Whether it names a finished upload of this staff member is the server's to check.
void check_attachments(Action action, const std::vector<std::string>& ids,
                       std::vector<FieldError>* out) {
  if (ids.size() > max_action_attachments(action)) {
    out->push_back({"attachments", FieldCode::kTooMany});
    return;
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string field = element_field("attachments", i);
    if (!valid_upload_id(ids[i])) {
      out->push_back({field, FieldCode::kNotReady});
    } else if (std::find(ids.begin(), ids.begin() + i, ids[i]) != ids.begin() + i) {
      out->push_back({field, FieldCode::kDuplicate});
    }
  }
}

bool contains(const std::vector<std::string>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

void check_note(Action action, const std::string& note, std::vector<FieldError>* out) {
  const NoteLimits rule = note_limits(action);
  if (note.empty()) {
    if (rule.required) out->push_back({"note", FieldCode::kRequired});
    return;
  }
  switch (check_text(note, true)) {
    case TextProblem::kInvalidUtf8:
      return out->push_back({"note", FieldCode::kInvalidUtf8});
    case TextProblem::kControlCharacter:
      return out->push_back({"note", FieldCode::kControlCharacter});
    case TextProblem::kNone:
      break;
  }
  const std::string normalized = normalize_block(note);
  if (normalized.empty()) {
    if (rule.required) out->push_back({"note", FieldCode::kBlank});
    return;
  }
  const size_t n = count_characters(normalized);
  if (n < rule.min) out->push_back({"note", FieldCode::kTooShort});
  if (n > rule.max) out->push_back({"note", FieldCode::kTooLong});
}

void check_tier(const std::string& tier, std::vector<FieldError>* out) {
  if (!tier.empty() && !parse_tier(tier)) out->push_back({"tier", FieldCode::kUnknownTier});
}

}  // namespace

std::vector<FieldError> validate_action(Action action, const ActionInput& in,
                                        const ActionContext& ctx) {
  std::vector<FieldError> out;
  check_note(action, in.note, &out);
  check_attachments(action, in.attachments, &out);
  switch (action) {
    case Action::kForward:
      if (in.agency.empty()) {
        out.push_back({"agency", FieldCode::kRequired});
      } else if (!contains(ctx.agencies, in.agency)) {
        out.push_back({"agency", FieldCode::kUnknownAgency});
      }
      if (!in.classification.empty() && !parse_classification(in.classification)) {
        out.push_back({"classification", FieldCode::kUnknownClassification});
      }
      if (!in.category.empty() && !contains(ctx.categories, in.category)) {
        out.push_back({"category", FieldCode::kUnknownCategory});
      }
      check_tier(in.tier, &out);
      break;
    case Action::kRespond:
      check_tier(in.tier, &out);
      break;
    case Action::kAssign:
      if (in.officer.empty()) out.push_back({"officer", FieldCode::kRequired});
      break;
    case Action::kArchive: {
      const auto reason = parse_archive_reason(in.archive_reason);
      if (in.archive_reason.empty()) {
        out.push_back({"archive_reason", FieldCode::kRequired});
      } else if (!reason) {
        out.push_back({"archive_reason", FieldCode::kUnknownReason});
      } else if (*reason == ArchiveReason::kDuplicate) {
        if (in.duplicate_of.empty()) {
          out.push_back({"duplicate_of", FieldCode::kRequired});
        } else if (!parse_tracking_id(in.duplicate_of).ok()) {
          out.push_back({"duplicate_of", FieldCode::kInvalidTrackingId});
        }
      }
      break;
    }
    case Action::kPrivacy:
      if (!in.anonymous && !in.confidential) out.push_back({"confidential", FieldCode::kRequired});
      break;
    case Action::kRate:
      if (!in.rating) {
        out.push_back({"rating", FieldCode::kRequired});
      } else if (*in.rating < 1 || *in.rating > 5) {
        out.push_back({"rating", FieldCode::kOutOfRange});
      }
      break;
    case Action::kConfirm:
      // Confirming may rate in the same step; the rating stays optional.
      if (in.rating && (*in.rating < 1 || *in.rating > 5)) {
        out.push_back({"rating", FieldCode::kOutOfRange});
      }
      break;
    default:
      break;
  }
  return out;
}

Visibility event_visibility(Action action, const ActionInput& in) {
  switch (action) {
    case Action::kAssign:
    case Action::kReturn:
    case Action::kComment:
      return Visibility::kStaff;
    case Action::kUpdate:
      if (!in.is_public) return Visibility::kStaff;
      return in.publish ? Visibility::kPublic : Visibility::kReporter;
    case Action::kRespond:
    case Action::kResolve:
      return in.publish ? Visibility::kPublic : Visibility::kReporter;
    default:
      return Visibility::kReporter;
  }
}

std::string_view to_string(Visibility v) {
  switch (v) {
    case Visibility::kStaff:
      return "staff";
    case Visibility::kReporter:
      return "reporter";
    case Visibility::kPublic:
      return "public";
  }
  return "staff";
}

std::vector<FieldError> privacy_change_errors(Role role, bool anonymous, bool confidential,
                                              const ActionInput& in) {
  std::vector<FieldError> out;
  const bool reporter = role == Role::kCitizen;
  if (in.anonymous && anonymous && !*in.anonymous && !reporter) {
    out.push_back({"anonymous", FieldCode::kNeedsReporter});
  }
  if (in.confidential && confidential && !*in.confidential && !reporter) {
    out.push_back({"confidential", FieldCode::kNeedsReporter});
  }
  const bool changes = (in.anonymous && *in.anonymous != anonymous) ||
                       (in.confidential && *in.confidential != confidential);
  if (out.empty() && !changes) out.push_back({"confidential", FieldCode::kUnchanged});
  return out;
}

bool leaves_public_figures(ArchiveReason r) {
  return r == ArchiveReason::kAbusive || r == ArchiveReason::kSpam;
}

std::string_view to_string(ArchiveReason r) { return kArchiveReasonNames[size_t(r)]; }

std::optional<ArchiveReason> parse_archive_reason(std::string_view s) {
  return internal::enum_from_name<ArchiveReason>(kArchiveReasonNames, s);
}

}  // namespace aduan

#include "services/canned_response_service.h"

#include "base/clock.h"
#include "shared/text.h"
#include "store/canned_response_repository.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/store.h"

namespace aduan {
namespace {

void check(const std::string& field, std::string* value, bool multiline, size_t min, size_t max,
           std::vector<FieldError>* out) {
  if (value->empty()) return out->push_back({field, FieldCode::kRequired});
  switch (check_text(*value, multiline)) {
    case TextProblem::kInvalidUtf8:
      return out->push_back({field, FieldCode::kInvalidUtf8});
    case TextProblem::kControlCharacter:
      return out->push_back({field, FieldCode::kControlCharacter});
    case TextProblem::kNone:
      break;
  }
  *value = multiline ? normalize_block(*value) : normalize_line(*value);
  if (value->empty() || is_blank(*value)) return out->push_back({field, FieldCode::kBlank});
  const size_t n = count_characters(*value);
  if (n < min) out->push_back({field, FieldCode::kTooShort});
  if (n > max) out->push_back({field, FieldCode::kTooLong});
}

}  // namespace

std::vector<FieldError> validate_canned(CannedInput* in) {
  std::vector<FieldError> out;
  check("title", &in->title, false, CannedLimits::kTitleMin, CannedLimits::kTitleMax, &out);
  check("text", &in->text, true, CannedLimits::kTextMin, CannedLimits::kTextMax, &out);
  return out;
}

std::optional<CannedResponseService::Scope> CannedResponseService::scope_of(const Caller& p) {
  switch (p.role) {
    case Role::kAgencyAdmin:
    case Role::kAgencyOfficer:
      if (!p.agency_id) return std::nullopt;
      return Scope{p.agency_id, p.role == Role::kAgencyAdmin};
    case Role::kCoordinator:
      return Scope{std::nullopt, true};
    default:
      return std::nullopt;
  }
}

CannedListing CannedResponseService::list(const Caller& p) {
  CannedListing out;
  const auto scope = scope_of(p);
  if (!scope) {
    out.error = CannedError::kNoList;
    return out;
  }
  out.coordinators = !scope->list.has_value();
  out.may_manage = scope->may_manage;
  store_.read([&](Db& db) {
    out.items = CannedResponseRepository::list(db, scope->list);
    if (scope->list) {
      if (const auto agency = CatalogRepository::agency_by_id(db, *scope->list)) {
        out.agency_code = agency->code;
        out.agency_name = agency->name;
      }
    }
  });
  return out;
}

CannedOutcome CannedResponseService::create(const Caller& p, CannedInput in) {
  CannedOutcome out;
  const auto scope = scope_of(p);
  if (!scope) return {CannedError::kNoList, {}, {}};
  if (!scope->may_manage) return {CannedError::kReadOnly, {}, {}};
  out.fields = validate_canned(&in);
  store_.write([&](Db& db) {
    Transaction tx(db);
    if (out.fields.empty() && CannedResponseRepository::title_taken(db, scope->list, in.title)) {
      out.fields.push_back({"title", FieldCode::kDuplicate});
    }
    if (!out.fields.empty()) {
      out.error = CannedError::kInvalid;
      return;
    }
    if (CannedResponseRepository::count(db, scope->list) >= CannedLimits::kPerList) {
      out.error = CannedError::kFull;
      return;
    }
    const int64_t id = CannedResponseRepository::insert(db, scope->list, in.title, in.text,
                                                        p.username, clock_.now_unix());
    out.item = CannedResponseRepository::find(db, scope->list, id);
    tx.commit();
  });
  return out;
}

CannedOutcome CannedResponseService::update(const Caller& p, int64_t id, CannedInput in) {
  CannedOutcome out;
  const auto scope = scope_of(p);
  if (!scope) return {CannedError::kNoList, {}, {}};
  if (!scope->may_manage) return {CannedError::kReadOnly, {}, {}};
  out.fields = validate_canned(&in);
  store_.write([&](Db& db) {
    Transaction tx(db);
    // Another list's text is not found, whatever the body says.
    const auto stored = CannedResponseRepository::find(db, scope->list, id);
    if (!stored) {
      out.error = CannedError::kNotFound;
      out.fields.clear();
      return;
    }
    // Someone changed it since the caller read it: their change is not overwritten.
    if (in.version && *in.version != stored->version) {
      out.error = CannedError::kStale;
      out.fields.clear();
      out.item = stored;
      return;
    }
    if (out.fields.empty() &&
        CannedResponseRepository::title_taken(db, scope->list, in.title, id)) {
      out.fields.push_back({"title", FieldCode::kDuplicate});
    }
    if (!out.fields.empty()) {
      out.error = CannedError::kInvalid;
      return;
    }
    CannedResponseRepository::update(db, scope->list, id, in.title, in.text, p.username,
                                     clock_.now_unix());
    out.item = CannedResponseRepository::find(db, scope->list, id);
    tx.commit();
  });
  return out;
}

CannedError CannedResponseService::remove(const Caller& p, int64_t id) {
  const auto scope = scope_of(p);
  if (!scope) return CannedError::kNoList;
  if (!scope->may_manage) return CannedError::kReadOnly;
  bool removed = false;
  store_.write([&](Db& db) { removed = CannedResponseRepository::remove(db, scope->list, id); });
  return removed ? CannedError::kNone : CannedError::kNotFound;
}

}  // namespace aduan
